//! Addresses in text, which mojibake repair leaves as written: an attachment's name in a link
//! or an embed, a Markdown link's or image's destination and a URL name a file or a page by
//! the bytes they hold (`![[CafÃ© menu.pdf]]` is the file's name on disk), so repairing them
//! would break the link. A link to a note is no address here: it is repaired unless a note's
//! name holds the garble ([`crate::named_garbles`]).

use std::ops::Range;

/// Byte ranges of `text` holding addresses: the targets of `[[…]]` links and embeds to
/// attachments (up to a `|` or `#`), Markdown link and image destinations (`](…)`) and URLs.
pub fn addresses(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Range<usize>> = memchr::memmem::find_iter(bytes, b"[[")
        .filter_map(|at| {
            let start = at + 2;
            let len = text.get(start..)?.find(['|', '#', ']', '\n'])?;
            crate::note::is_attachment(&text[start..start + len]).then_some(start..start + len)
        })
        .collect();
    out.extend(memchr::memmem::find_iter(bytes, b"](").filter_map(|at| {
        let start = at + 2;
        let len = text.get(start..)?.find([')', '\n'])?;
        Some(start..start + len)
    }));
    out.extend(crate::urls::spans(text));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_attachment_targets_destinations_and_urls() {
        let text =
            "![[CafÃ© menu.pdf|m]] [[CafÃ© notes]] [[v1.2 Ã© plan]] [a](b/Ã©.png) <https://x/Ã©>";
        let found: Vec<&str> = addresses(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["CafÃ© menu.pdf", "b/Ã©.png", "https://x/Ã©>"]);
    }
}
