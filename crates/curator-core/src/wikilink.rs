//! Pointing a `[[wikilink]]` at another note while it shows what it showed: the one place the
//! rules that retarget links (entity links, merges, links back to someone new) write a link's
//! inside.

/// True when byte `at` of `text` is on a table row: a line starting with `|`, in a quote or a
/// callout too (`> | [[Bea]] | lead |`), or a row of a table written without its outer pipes
/// (`[[Bea]] | lead`), whose delimiter row (`--- | ---`) is in the same block.
pub fn in_table_row(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let row = unquoted(&text[line_start..line_end]);
    if row.trim_start().starts_with('|') {
        return true;
    }
    if !has_bare_pipe(row) {
        return false;
    }
    // The block's lines around the row, up to blank lines: one is the delimiter row.
    let mut above = text[..line_start].lines().rev();
    let mut below = text[line_end..].lines().skip(1);
    let block = |lines: &mut dyn Iterator<Item = &str>| {
        lines
            .map(unquoted)
            .take_while(|l| !l.trim().is_empty())
            .any(is_delimiter_row)
    };
    is_delimiter_row(row) || block(&mut above) || block(&mut below)
}

/// A line without the `>` markers of the quotes or callouts it is in.
fn unquoted(line: &str) -> &str {
    let mut rest = line.trim_start();
    while let Some(after) = rest.strip_prefix('>') {
        rest = after.trim_start();
    }
    rest
}

/// True when `line` holds a `|` outside a wikilink.
fn has_bare_pipe(line: &str) -> bool {
    let mut depth = 0usize;
    let bytes = line.as_bytes();
    (0..bytes.len()).any(|i| match bytes[i] {
        b'[' if bytes.get(i + 1) == Some(&b'[') => {
            depth += 1;
            false
        }
        b']' if bytes.get(i + 1) == Some(&b']') => {
            depth = depth.saturating_sub(1);
            false
        }
        b'|' => depth == 0,
        _ => false,
    })
}

/// True when `line` is a table's delimiter row: cells of dashes with optional colons, one pipe
/// at least (`--- | :---:`, `|---|---|`).
fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('|')
        && line.contains('-')
        && line.trim_matches('|').split('|').all(|cell| {
            let cell = cell.trim().trim_start_matches(':').trim_end_matches(':');
            !cell.is_empty() && cell.bytes().all(|b| b == b'-')
        })
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
    fn a_row_in_a_callout_or_without_outer_pipes_is_a_table_row() {
        let callout = "> [!note] Team\n> | who | role |\n> |---|---|\n> | [[Bea]] | lead |\n";
        assert!(in_table_row(callout, callout.find("[[Bea]]").unwrap()));
        let bare = "who | role\n--- | ---\n[[Bea]] | lead\n\n[[Bea]] leads.\n";
        assert!(in_table_row(bare, bare.find("[[Bea]]").unwrap()));
        assert!(!in_table_row(bare, bare.rfind("[[Bea]]").unwrap()));
        // A pipe inside a link is the link's, and a pipe without a delimiter row no table's.
        let prose = "See [[Bea|Beatriz]] now.\nA | B\n";
        assert!(!in_table_row(prose, prose.find("[[Bea").unwrap()));
        assert!(!in_table_row(prose, prose.find("A | B").unwrap()));
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
