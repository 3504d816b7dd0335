//! The notes' check reports in the saved state, each readable alone: a warm start decodes a
//! note's report only when a view first asks for it ([`curator_core::report_cell`]), not every
//! review item of the vault up front.
//!
//! Each report is written by number only ([`Writer::refs`]); the section holds the tables of
//! every report's strings and evidence lists, then the reports' bytes one after the other. A
//! note's record holds its report's length. A report that does not read back whole decodes to
//! nothing, and the vault computes it again.

use super::wire::{Malformed, Read, Reader, Tables, Wire, Writer};
use curator_core::report_cell::EncodedReport;
use curator_core::NoteReport;
use std::sync::Arc;

/// The reports being written: their bytes so far, and the length of each.
pub struct ReportsOut<'a> {
    w: Writer<'a>,
}

impl<'a> ReportsOut<'a> {
    /// No report written yet.
    pub fn new() -> Self {
        ReportsOut { w: Writer::refs() }
    }

    /// Writes `report`; returns what the note's record holds: 0 for none, else its length + 1.
    pub fn put(&mut self, report: Option<&'a NoteReport>) -> u64 {
        let Some(report) = report else {
            return 0;
        };
        let start = self.w.out.len();
        report.put(&mut self.w);
        (self.w.out.len() - start) as u64 + 1
    }

    /// Appends the section to `w`: the tables, then every report's bytes.
    pub fn finish(self, w: &mut Writer) {
        self.w.tables(w);
        w.varint(self.w.out.len() as u64);
        w.out.extend_from_slice(&self.w.out);
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

/// Reads the section [`ReportsOut::finish`] wrote, for notes whose records held `lengths`
/// (as [`ReportsOut::put`] returned them): each note's report, kept encoded.
pub fn take(r: &mut Reader, lengths: &[u64]) -> Read<Vec<Option<Box<dyn EncodedReport>>>> {
    let tables = Arc::new(r.tables()?);
    let len = r.count()?;
    let bytes: Arc<[u8]> = Arc::from(r.bytes(len)?);
    let mut start = 0usize;
    let mut out = Vec::with_capacity(lengths.len());
    for &n in lengths {
        let Some(n) = n.checked_sub(1) else {
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
