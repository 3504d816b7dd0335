//! Human output: colours when stdout is a terminal, unified diffs, a progress bar on stderr.

use anstream::ColorChoice;
use anstyle::{AnsiColor, Style};
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::io::IsTerminal;

/// Vaults larger than this get a progress bar (when stderr is a terminal).
const PROGRESS_THRESHOLD: usize = 300;

/// Styles for the parts of the human report.
pub struct Palette {
    /// File paths.
    pub path: Style,
    /// Added diff lines.
    pub added: Style,
    /// Removed diff lines.
    pub removed: Style,
    /// Hunk headers and secondary text.
    pub dim: Style,
    /// Review reasons.
    pub warn: Style,
    /// Errors.
    pub error: Style,
}

impl Palette {
    /// The default palette; `anstream` strips the colours when stdout is not a terminal.
    pub fn new() -> Self {
        let fg = |c: AnsiColor| Style::new().fg_color(Some(c.into()));
        Palette {
            path: Style::new().bold(),
            added: fg(AnsiColor::Green),
            removed: fg(AnsiColor::Red),
            dim: fg(AnsiColor::Cyan),
            warn: fg(AnsiColor::Yellow),
            error: fg(AnsiColor::Red).bold(),
        }
    }
}

/// A unified diff of `before` → `after` with 2 lines of context, uncoloured (see [`paint`]).
pub fn diff(path: &str, before: &str, after: &str) -> String {
    // The diff `similar::TextDiff::from_lines` makes, from lines split here: its own splitting
    // reads every character and was most of the diff's cost.
    let (old, new) = (lines(before), lines(after));
    // Only the lines from the first change to the last, with the context shown around them,
    // are compared: `similar` hashes every line of a note over 100 lines long, most of the
    // diff's cost where a fix changes a few lines of a long note. The hunks' line numbers are
    // then moved on by the lines left out before.
    let same_start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let same_end = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(old.len().min(new.len()) - same_start)
        .take_while(|(a, b)| a == b)
        .count();
    let skip = same_start.saturating_sub(CONTEXT_LINES);
    let cut = same_end.saturating_sub(CONTEXT_LINES);
    let old = old.get(skip..old.len() - cut).unwrap_or_default();
    let new = new.get(skip..new.len() - cut).unwrap_or_default();
    let diff = similar::TextDiff::configure()
        .newline_terminated(true)
        .diff_slices(old, new);
    let unified = diff
        .unified_diff()
        .context_radius(CONTEXT_LINES)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    let mut out = String::with_capacity(unified.len());
    for line in unified.lines() {
        match hunk_header_moved(line, skip) {
            Some(header) => out.push_str(&header),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Lines of context a diff shows around each change.
const CONTEXT_LINES: usize = 2;

/// `line`, a hunk header (`@@ -3,4 +3,5 @@`), with both ranges' first lines moved on by `by`;
/// `None` for any other line or when there is nothing to move.
fn hunk_header_moved(line: &str, by: usize) -> Option<String> {
    let ranges = line.strip_prefix("@@ -")?.strip_suffix(" @@")?;
    if by == 0 {
        return None;
    }
    let (old, new) = ranges.split_once(" +")?;
    let moved = |range: &str| -> Option<String> {
        let (start, len) = match range.split_once(',') {
            Some((start, len)) => (start, Some(len)),
            None => (range, None),
        };
        let start = start.parse::<usize>().ok()? + by;
        Some(match len {
            Some(len) => format!("{start},{len}"),
            None => start.to_string(),
        })
    };
    Some(format!("@@ -{} +{} @@", moved(old)?, moved(new)?))
}

/// A [`diff`] coloured: added lines, removed lines and hunk headers.
fn paint(diff: &str, p: &Palette) -> String {
    let mut out = String::with_capacity(diff.len() + diff.len() / 4);
    for line in diff.split_terminator('\n') {
        let style = match line.as_bytes().first() {
            Some(b'+') if !line.starts_with("+++") => p.added,
            Some(b'-') if !line.starts_with("---") => p.removed,
            Some(b'@') => p.dim,
            _ => Style::new(),
        };
        let _ = writeln!(out, "{style}{line}{style:#}");
    }
    out
}

/// `text` cut into lines as `similar` cuts them, each with its ending: a line ends after `\n`,
/// `\r\n` or a lone `\r`.
fn lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if at < start {
            // The `\n` of a `\r\n` taken already.
            continue;
        }
        let crlf = bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n');
        let end = at + if crlf { 2 } else { 1 };
        out.extend(text.get(start..end));
        start = end;
    }
    out.extend(text.get(start..).filter(|rest| !rest.is_empty()));
    out
}

/// A report on its way to stdout, in parts: note text as it is (`raw`: a note's own escape
/// codes are not colours to strip), diffs coloured only when stdout takes colours, and the
/// rest with its colours only on a terminal (`anstream`).
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Each part, in order.
    parts: Vec<(Part, String)>,
}

/// How a [`Report`]'s part is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum Part {
    /// As it is.
    Raw,
    /// A [`diff`], [`paint`]ed when stdout takes colours.
    Diff,
    /// Its colours kept only on a terminal.
    Styled,
}

impl Report {
    /// The part to append to that is printed as it is.
    pub fn raw(&mut self) -> &mut String {
        self.part(Part::Raw)
    }

    /// The part to append an uncoloured [`diff`] to: coloured when printed on a terminal.
    pub fn diff(&mut self) -> &mut String {
        self.part(Part::Diff)
    }

    /// The part to append to whose colours are printed only on a terminal.
    pub fn styled(&mut self) -> &mut String {
        self.part(Part::Styled)
    }

    fn part(&mut self, kind: Part) -> &mut String {
        if self.parts.last().is_none_or(|(k, _)| *k != kind) {
            self.parts.push((kind, String::new()));
        }
        let last = self.parts.len() - 1;
        &mut self.parts[last].1
    }

    /// Prints the report on stdout.
    pub fn print(&self) {
        for (kind, text) in &self.parts {
            match kind {
                Part::Raw => print!("{text}"),
                Part::Diff => print_diff(text),
                Part::Styled => anstream::print!("{text}"),
            }
        }
    }
}

/// Prints a [`diff`] on stdout, [`paint`]ed when stdout takes colours (a terminal, unless
/// `NO_COLOR`): the note's own text is printed as it is, never stripped.
pub fn print_diff(diff: &str) {
    if anstream::AutoStream::choice(&std::io::stdout()) == ColorChoice::Never {
        print!("{diff}");
    } else {
        print!("{}", paint(diff, &Palette::new()));
    }
}

/// A progress bar for `len` notes, hidden for small vaults or when stderr is not a terminal.
pub fn progress(len: usize, message: &'static str) -> ProgressBar {
    if len < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64).with_message(message);
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} notes ({elapsed})")
    {
        bar.set_style(style);
    }
    bar
}

/// Pads rows of cells into aligned columns (the last column is not padded).
pub fn columns(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..width)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let last = row.len().saturating_sub(1);
        for (i, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if i < last {
                out.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The diff as `similar` makes it of the whole texts.
    fn whole_diff(path: &str, before: &str, after: &str) -> String {
        let (old, new) = (lines(before), lines(after));
        let unified = similar::TextDiff::configure()
            .newline_terminated(true)
            .diff_slices(&old, &new)
            .unified_diff()
            .context_radius(CONTEXT_LINES)
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string();
        unified.lines().map(|l| format!("{l}\n")).collect()
    }

    #[test]
    fn a_diff_of_the_changed_lines_is_the_diff_of_the_whole_texts() {
        // Notes of 0 to 300 lines, long ones past `similar`'s hashing, with a few lines
        // changed, added or removed anywhere, the last line with or without its break.
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n.max(1)
        };
        for case in 0..400 {
            let len = next(300) as usize;
            let mut before: Vec<String> = (0..len).map(|i| format!("line {}\n", i % 17)).collect();
            if next(2) == 0 {
                if let Some(last) = before.last_mut() {
                    last.pop();
                }
            }
            let mut after = before.clone();
            for _ in 0..=next(4) {
                let at = next(after.len() as u64 + 1) as usize;
                match next(3) {
                    0 if at < after.len() => after[at] = format!("changed {case}\n"),
                    1 if at < after.len() => {
                        after.remove(at);
                    }
                    _ => after.insert(at.min(after.len()), format!("added {case}\n")),
                }
            }
            let (before, after) = (before.concat(), after.concat());
            assert_eq!(
                diff("n.md", &before, &after),
                whole_diff("n.md", &before, &after),
                "case {case}"
            );
        }
    }

    #[test]
    fn aligns_columns_by_characters() {
        let rows = vec![
            vec!["a".into(), "Jürgen".into(), "x".into()],
            vec!["bbb".into(), "c".into(), "y".into()],
        ];
        assert_eq!(columns(&rows), "a    Jürgen  x\nbbb  c       y\n");
    }

    /// Texts whose lines end every way `similar` knows, with and without a last line ending.
    const ENDINGS: [&str; 9] = [
        "",
        "a",
        "a\nb\n",
        "a\r\nb\r\nc",
        "a\rb\r\r\nc\n\r",
        "\n\n\r\n",
        "Jürgen\r\nZięcik\n",
        "a\nb\nc\nd\ne\nf\ng\nh\n",
        "a\nB\nc\nd\r\ne\nf\ng",
    ];

    #[test]
    fn lines_are_cut_as_similar_cuts_them() {
        use similar::DiffableStr;
        for text in ENDINGS {
            assert_eq!(lines(text), text.tokenize_lines(), "{text:?}");
        }
    }

    #[test]
    fn diffs_are_those_of_similar_from_lines() {
        let plain = Palette {
            path: Style::new(),
            added: Style::new(),
            removed: Style::new(),
            dim: Style::new(),
            warn: Style::new(),
            error: Style::new(),
        };
        for before in ENDINGS {
            for after in ENDINGS {
                let expected = similar::TextDiff::from_lines(before, after)
                    .unified_diff()
                    .context_radius(2)
                    .header("a/n.md", "b/n.md")
                    .to_string();
                let got = diff("n.md", before, after);
                assert_eq!(paint(&got, &plain), got);
                let expected: String = expected.lines().map(|l| format!("{l}\n")).collect();
                assert_eq!(got, expected, "{before:?} -> {after:?}");
            }
        }
    }

    #[test]
    fn diffs_show_changed_lines() {
        let d = paint(&diff("n.md", "a\nb\n", "a\nc\n"), &Palette::new());
        assert!(d.contains("-b") && d.contains("+c"), "{d}");
    }
}
