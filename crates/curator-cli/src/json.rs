//! The commands' JSON output, byte for byte as `serde_json::to_writer_pretty` prints it, with
//! long lists serialized on every core.
//!
//! `check --json` of a 10,000-note vault prints hundreds of megabytes; serialized on one
//! thread after the vault is checked, that was an eighth of the command's instructions. Here each item
//! of a list is serialized on its own and indented to its depth, in parallel (the thread that
//! writes only copies the bytes out):
//! JSON escapes every control character inside a string, so each raw newline in an item's
//! text is one of the printer's line breaks, and the indentation follows it.

use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;

/// One indentation step, as `serde_json`'s pretty printer writes it.
const INDENT: &[u8] = b"  ";

/// How many items of a list are serialized together before they are written: enough to keep
/// every core busy, few enough that the output is never held whole.
const BATCH: usize = 512;

/// A JSON object being printed to `W`: its fields in the order they are added.
pub struct Object<W: Write> {
    out: W,
    fields: usize,
}

/// Stdout, buffered: machine output goes straight there, with no colour handling to scan it for.
type Stdout = std::io::BufWriter<std::io::StdoutLock<'static>>;

/// Stdout, buffered in large writes.
fn stdout() -> Stdout {
    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())
}

impl Object<Stdout> {
    /// An object printed to stdout.
    pub fn stdout() -> Self {
        Object::new(stdout())
    }
}

impl<W: Write> Object<W> {
    /// An object printed to `out`.
    pub fn new(out: W) -> Self {
        Object { out, fields: 0 }
    }

    /// Adds a field whose value is serialized whole.
    pub fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), String> {
        self.key(key)?;
        write_indented(&mut self.out, &pretty(value)?, 1)
    }

    /// Adds a field whose value is a list, its items serialized in parallel.
    pub fn list<T: Serialize + Sync>(&mut self, key: &str, items: &[T]) -> Result<(), String> {
        self.key(key)?;
        write_list(&mut self.out, items, 1)
    }

    /// Closes the object, followed by a newline, and hands back what it was printed to.
    pub fn finish(mut self) -> Result<W, String> {
        let close: &[u8] = if self.fields == 0 { b"{}\n" } else { b"\n}\n" };
        self.out.write_all(close).map_err(cannot_write)?;
        self.out.flush().map_err(cannot_write)?;
        Ok(self.out)
    }

    /// Opens a field: the separator before it and its quoted key.
    fn key(&mut self, key: &str) -> Result<(), String> {
        let open: &[u8] = if self.fields == 0 { b"{\n" } else { b",\n" };
        self.fields += 1;
        self.out.write_all(open).map_err(cannot_write)?;
        self.out.write_all(INDENT).map_err(cannot_write)?;
        serde_json::to_writer(&mut self.out, key).map_err(cannot_write)?;
        self.out.write_all(b": ").map_err(cannot_write)
    }
}

/// Prints `value` to stdout, serialized whole, followed by a newline.
pub fn print<T: Serialize + ?Sized>(value: &T) -> Result<(), String> {
    let mut out = stdout();
    serde_json::to_writer_pretty(&mut out, value).map_err(cannot_write)?;
    end(out)
}

/// Prints a list to stdout, its items serialized in parallel, followed by a newline.
pub fn print_list<T: Serialize + Sync>(items: &[T]) -> Result<(), String> {
    let mut out = stdout();
    write_list(&mut out, items, 0)?;
    end(out)
}

/// Ends what was printed to `out` with a newline, and flushes it.
fn end(mut out: impl Write) -> Result<(), String> {
    out.write_all(b"\n")
        .and_then(|()| out.flush())
        .map_err(cannot_write)
}

/// Writes `items` as a pretty-printed list whose brackets are at `depth`.
fn write_list<T: Serialize + Sync>(
    out: &mut impl Write,
    items: &[T],
    depth: usize,
) -> Result<(), String> {
    if items.is_empty() {
        return out.write_all(b"[]").map_err(cannot_write);
    }
    out.write_all(b"[").map_err(cannot_write)?;
    let mut first = true;
    for batch in items.chunks(BATCH) {
        // Each item indented where it is serialized, in parallel: what is left to this thread
        // is copying the bytes out.
        let texts: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|item| {
                let text = pretty(item)?;
                let mut indented = Vec::with_capacity(text.len() + text.len() / 4);
                write_indent(&mut indented, depth + 1)?;
                write_indented(&mut indented, &text, depth + 1)?;
                Ok(indented)
            })
            .collect::<Result<_, String>>()?;
        for text in &texts {
            out.write_all(if first { b"\n" } else { b",\n" })
                .map_err(cannot_write)?;
            first = false;
            out.write_all(text).map_err(cannot_write)?;
        }
    }
    out.write_all(b"\n").map_err(cannot_write)?;
    write_indent(out, depth)?;
    out.write_all(b"]").map_err(cannot_write)
}

/// `value` pretty-printed as if it stood alone.
fn pretty<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    serde_json::to_vec_pretty(value).map_err(cannot_write)
}

/// Writes `text`, each of its line breaks followed by `depth` more indentation steps.
fn write_indented(out: &mut impl Write, text: &[u8], depth: usize) -> Result<(), String> {
    let mut rest = text;
    while let Some(at) = memchr::memchr(b'\n', rest) {
        let (line, after) = rest.split_at(at + 1);
        out.write_all(line).map_err(cannot_write)?;
        write_indent(out, depth)?;
        rest = after;
    }
    out.write_all(rest).map_err(cannot_write)
}

/// Writes `depth` indentation steps.
fn write_indent(out: &mut impl Write, depth: usize) -> Result<(), String> {
    for _ in 0..depth {
        out.write_all(INDENT).map_err(cannot_write)?;
    }
    Ok(())
}

/// The message for output that could not be made or written.
fn cannot_write(e: impl std::fmt::Display) -> String {
    format!("cannot write JSON: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What `Object` prints for `fields`, lists among them printed as lists.
    fn object(fields: &[(&str, serde_json::Value)]) -> String {
        let mut o = Object::new(Vec::new());
        for (key, value) in fields {
            match value.as_array() {
                Some(items) => o.list(key, items).unwrap(),
                None => o.field(key, value).unwrap(),
            }
        }
        String::from_utf8(o.finish().unwrap()).unwrap()
    }

    /// What `serde_json` prints for the same fields.
    fn serde(fields: &[(&str, serde_json::Value)]) -> String {
        let map: serde_json::Map<String, serde_json::Value> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        serde_json::to_string_pretty(&map).unwrap() + "\n"
    }

    #[test]
    fn prints_as_serde_json_prints() {
        let item = json!({
            "path": "People/Ana \"the\" Lima.md",
            "text": "two\nlines\tand a tab",
            "nested": [{"a": [], "b": {}, "c": [1, [2, [3]]]}, {"d": null}],
            "empty": {},
            "bits": 0.9125371587496609,
        });
        let cases: Vec<Vec<(&str, serde_json::Value)>> = vec![
            vec![],
            vec![("notes", json!([]))],
            vec![
                ("notes", json!([item.clone()])),
                ("summary", json!({"notes": 3})),
            ],
            vec![
                ("a", json!([item.clone(), item.clone(), 1, "x", [], {}])),
                ("b", json!("plain")),
                ("c", json!([[["deep"]]])),
            ],
        ];
        for fields in cases {
            assert_eq!(object(&fields), serde(&fields));
        }
    }

    #[test]
    fn prints_a_list_as_serde_json_prints_it() {
        let long: Vec<serde_json::Value> = (0..BATCH * 2 + 3).map(|i| json!({"i": [i]})).collect();
        for list in [
            json!([]),
            json!([{"a": [1, {"b": "c\nd"}]}, 2, [[]]]),
            json!(long),
        ] {
            let items = list.as_array().unwrap();
            let mut out = Vec::new();
            write_list(&mut out, items, 0).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string_pretty(&list).unwrap()
            );
        }
    }
}
