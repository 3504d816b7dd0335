//! URLs written in text, with a scheme (`https://…`), as `www.…` or as a domain and a path
//! (`linkedin.com/in/someone`): addresses, never prose to read names in nor text to repair.

use std::ops::Range;

/// Byte ranges of every URL in `text`, each to the next whitespace, in no particular order
/// (they may overlap).
pub fn spans(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = ["http://", "https://", "www."]
        .into_iter()
        .flat_map(|prefix| runs_from(text, prefix))
        .collect();
    out.extend(schemeless_urls(text));
    out
}

/// Byte ranges of `text` starting at `prefix` and running to the next whitespace (URLs).
fn runs_from<'t>(text: &'t str, prefix: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    memchr::memmem::find_iter(text.as_bytes(), prefix.as_bytes())
        .map(move |at| at..run_end(text, at))
}

/// Where the run of `text` holding byte `at` ends: at the next whitespace, or the text's end.
fn run_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.find(char::is_whitespace))
        .map_or(text.len(), |i| at + i)
}

/// Byte ranges of `text` holding a URL written without a scheme: a domain and a path
/// (`linkedin.com/in/huankaichen`), to the next whitespace.
fn schemeless_urls(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut covered = 0;
    memchr::memchr_iter(b'/', text.as_bytes()).filter_map(move |slash| {
        if slash < covered {
            return None;
        }
        let start = text
            .get(..slash)?
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '<' | '[' | '"'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        covered = run_end(text, slash);
        is_domain(text.get(start..slash)?).then_some(start..covered)
    })
}

/// True when `text` reads as a domain name: two labels or more of ASCII letters, digits and
/// hyphens, the last one letters only (`linkedin.com`, `docs.rs`; not `e.g`, `1.5`).
fn is_domain(text: &str) -> bool {
    let tld = text.rsplit('.').next().unwrap_or("");
    text.contains('.')
        && text
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && (2..=24).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_with_and_without_a_scheme() {
        let text = "LinkedIn: linkedin.com/in/Nico (see docs.rs/Nico, e.g./Nico), https://x.y/CafÃ©/page www.z.org";
        let urls: Vec<&str> = spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            urls,
            [
                "https://x.y/CafÃ©/page",
                "www.z.org",
                "linkedin.com/in/Nico",
                "docs.rs/Nico,"
            ]
        );
    }
}
