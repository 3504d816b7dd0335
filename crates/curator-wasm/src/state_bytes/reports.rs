//! The notes' check reports in the saved state, each readable alone: a warm start decodes a
//! note's report only when a view first asks for it ([`curator_core::report_cell`]), not every
//! review item of the vault up front.
//!
//! Each report is written by number only ([`Writer::refs`]), straight after the notes' records:
//! the section holds the reports' bytes one after the other, then the tables of their strings
//! and evidence lists, each report's length, and last the length of the reports' bytes (the
//! section is handed on as it is written, so that length is known only at its end). A report
//! that does not read back whole decodes to nothing, and the vault computes it again.

use super::blocks::Blocks;
use super::wire::{capacity, Malformed, Read, Reader, Tables, Wire, Writer};
use curator_core::report_cell::EncodedReport;
use curator_core::NoteReport;
use std::sync::Arc;

/// The reports being written at the end of the state's bytes, and the length of each.
pub struct ReportsOut<'a> {
    w: Writer<'a>,
    /// Where the section starts in the state's bytes.
    start: usize,
    lengths: Vec<u64>,
}

impl<'a> ReportsOut<'a> {
    /// Starts the section at the end of `out` (the state's bytes so far).
    pub fn new(out: Blocks) -> Self {
        let mut w = Writer::refs();
        w.out = out;
        ReportsOut {
            start: w.out.len(),
            w,
            lengths: Vec::new(),
        }
    }

    /// Writes a note's report (or records that it has none).
    pub fn put(&mut self, report: Option<&'a NoteReport>) {
        let start = self.w.out.len();
        if let Some(report) = report {
            report.put(&mut self.w);
        }
        let len = (self.w.out.len() - start) as u64;
        self.lengths
            .push(if report.is_some() { len + 1 } else { 0 });
    }

    /// The state's bytes so far, to hand on what is written.
    pub fn out(&mut self) -> &mut Blocks {
        &mut self.w.out
    }

    /// Ends the section and hands every byte not handed on yet to `sink`: the tables, each
    /// note's length (0 for none, else its length + 1), then the reports' length in eight bytes
    /// (known only now: what came before is handed on as it is written).
    pub fn finish(self, sink: &mut dyn FnMut(&[u8])) {
        let ReportsOut {
            mut w,
            start,
            lengths,
        } = self;
        let len = (w.out.len() - start) as u64;
        w.tables(sink);
        for n in lengths {
            w.varint(n);
        }
        w.out.extend_from_slice(&len.to_le_bytes());
        w.out.hand_on_all(sink);
    }
}

/// One note's report, kept encoded.
struct Saved {
    bytes: Arc<[u8]>,
    start: usize,
    end: usize,
    tables: Arc<Tables>,
}

impl EncodedReport for Saved {
    fn decode(&self) -> Option<NoteReport> {
        let bytes = self.bytes.get(self.start..self.end)?;
        let mut r = Reader::given(bytes, Arc::clone(&self.tables));
        let report = NoteReport::take(&mut r).ok()?;
        r.at_end().then_some(report)
    }
}

/// Reads the section [`ReportsOut`] wrote for `notes` notes, its reports `len` bytes long
/// (the eight bytes that end it, read by the caller): each note's report, kept encoded.
pub fn take(r: &mut Reader, notes: usize, len: u64) -> Read<Vec<Option<Box<dyn EncodedReport>>>> {
    let len = usize::try_from(len).map_err(|_| Malformed)?;
    let bytes: Arc<[u8]> = Arc::from(r.bytes(len)?);
    let tables = Arc::new(r.tables()?);
    let mut start = 0usize;
    let mut out = Vec::with_capacity(capacity(notes));
    for _ in 0..notes {
        let Some(n) = r.varint()?.checked_sub(1) else {
            out.push(None);
            continue;
        };
        let end = usize::try_from(n)
            .ok()
            .and_then(|n| start.checked_add(n))
            .filter(|&end| end <= len)
            .ok_or(Malformed)?;
        let saved = Saved {
            bytes: Arc::clone(&bytes),
            start,
            end,
            tables: Arc::clone(&tables),
        };
        out.push(Some(Box::new(saved) as Box<dyn EncodedReport>));
        start = end;
    }
    if start != len {
        return Err(Malformed);
    }
    Ok(out)
}
