//! Pointing a `[[wikilink]]` at another note while it shows what it showed: the one place the
//! rules that retarget links (entity links, merges, links back to someone new) write a link's
//! inside.

/// True when byte `at` of `text` is on a table row: a line starting with `|`.
pub fn in_table_row(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].trim_start().starts_with('|')
}

/// The separator between a link's target and its display for a link at byte `at` of `text`:
/// `\|` in a table row ([`in_table_row`]), where a bare `|` would end the cell, else `|`.
pub fn separator(text: &str, at: usize) -> &'static str {
    if in_table_row(text, at) {
        "\\|"
    } else {
        "|"
    }
}

/// The inside of a link to `target` that shows what `[[written{suffix}]]` showed: `suffix` (a
/// `#heading` or `^block`) kept, then `sep` and `written`, with Obsidian's ` > heading` after it
/// (it shows `[[B#Heading]]` as "B > Heading").
pub fn showing_as_written(target: &str, suffix: &str, written: &str, sep: &str) -> String {
    let mut out = format!("{target}{suffix}{sep}{written}");
    if let Some(heading) = suffix.strip_prefix('#') {
        out.push_str(" > ");
        out.push_str(heading);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_in_a_table_row_escapes_its_separator() {
        let text = "# Team\n\n| who | role |\n| [[Ana]] | lead |\nSee [[Ana]].\n";
        assert_eq!(separator(text, text.find("[[Ana]] |").unwrap()), "\\|");
        assert_eq!(separator(text, text.rfind("[[Ana]]").unwrap()), "|");
    }

    #[test]
    fn the_display_is_what_the_link_showed() {
        assert_eq!(showing_as_written("B", "", "A", "|"), "B|A");
        assert_eq!(
            showing_as_written("B", "#Plan", "A", "|"),
            "B#Plan|A > Plan"
        );
        assert_eq!(showing_as_written("B", "^x1", "A", "\\|"), "B^x1\\|A");
    }
}
