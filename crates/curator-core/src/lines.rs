//! Byte offset ↔ 1-based line number lookups for one note.

/// The start offsets of every line of a text, for fast offset → line lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text` (lines end at `\n`; a `\r` before it belongs to the line).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(newline_offsets(text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i).copied())
    }
}

/// The span of the line of `text` holding byte `at`, without its line break.
pub fn line_at(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text
        .get(..at)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(at..)
        .and_then(|after| after.find('\n'))
        .map_or(text.len(), |i| at + i);
    start..end
}

/// The lines of `text`, each with its `\n`, exactly as `text.split_inclusive('\n')` yields
/// them, found with `memchr`.
pub fn inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let (line, after) = rest.split_at(end);
        rest = after;
        Some(line)
    })
}

fn newline_offsets(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inclusive_lines_are_those_of_split_inclusive() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\n\nb\n",
            "\n\né\n",
            "x\n\n",
        ] {
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(inclusive(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn maps_offsets_to_lines() {
        let idx = LineIndex::new("ab\ncd\r\nef");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 1);
        assert_eq!(idx.line_of(3), 2);
        assert_eq!(idx.line_of(7), 3);
        assert_eq!(idx.line_start(3), Some(7));
        assert_eq!(idx.line_start(0), None);
    }
}
