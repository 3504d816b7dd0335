//! URLs written in text, with a scheme (`https://…`), as `www.…` or as a domain and a path
//! (`linkedin.com/in/someone`), data URIs (`data:image/png;base64,…`, an image pasted into a
//! note) and email addresses (`sarah.chen@cloudvendor.com`): addresses, never prose to read
//! names in nor text to repair.

use std::ops::Range;

/// Byte ranges of every URL in `text`, each to the next whitespace, in no particular order
/// (they may overlap).
pub fn spans(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = ["http://", "https://", "www."]
        .into_iter()
        .flat_map(|prefix| runs_from(text, prefix))
        .collect();
    out.extend(schemeless_urls(text));
    out.extend(data_uris(text));
    out.extend(emails(text));
    out
}

/// Byte ranges of `text` holding a data URI: `data:` opening a word, a media type (`type/sub`)
/// and `;` or `,`, to the next whitespace (`metadata:` and `Data: 3 rows` are none).
fn data_uris(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"data:").filter_map(move |at| {
        let opens_word = at == 0 || !bytes.get(at - 1)?.is_ascii_alphanumeric();
        let rest = bytes.get(at + 5..)?;
        let token = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.');
        let kind = rest.iter().take_while(|b| token(b)).count();
        let sub = rest
            .get(kind + 1..)?
            .iter()
            .take_while(|b| token(b))
            .count();
        let typed = kind > 0
            && rest.get(kind) == Some(&b'/')
            && sub > 0
            && matches!(rest.get(kind + 1 + sub), Some(b';' | b','));
        (opens_word && typed).then(|| at..run_end(text, at))
    })
}

/// Byte ranges of `text` holding an email address: a local part of letters, digits and
/// `._%+-` glued to an `@` and a domain (an `@` after a space is a handle, `@Ana`).
fn emails(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'@', bytes).filter_map(move |at| {
        let start = at
            - bytes
                .get(..at)?
                .iter()
                .rev()
                .take_while(|&&b| local(b))
                .count();
        let after = bytes.get(at + 1..)?;
        let end = at + 1 + after.iter().take_while(|&&b| domain(b)).count();
        // A sentence's full stop after the address is no part of its domain.
        let name = text.get(at + 1..end)?.trim_end_matches('.');
        (start < at && is_domain(name)).then_some(start..at + 1 + name.len())
    })
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

    #[test]
    fn finds_data_uris_and_not_words_ending_in_data() {
        let text = "![](data:image/png;base64,iVBO+Sun/5d4cPcacv==) metadata:x Data: 3 rows, \
                    data:text/plain,Hello%20Ana";
        let found: Vec<&str> = data_uris(text).map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "data:image/png;base64,iVBO+Sun/5d4cPcacv==)",
                "data:text/plain,Hello%20Ana"
            ]
        );
    }

    #[test]
    fn finds_email_addresses_and_not_handles() {
        let text = "Mail sarah.chen@cloudvendor.com. Ask @Ana, or a@b, or x@host.";
        let found: Vec<&str> = spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["sarah.chen@cloudvendor.com"]);
    }
}
