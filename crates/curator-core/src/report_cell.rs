//! A note's check report as the warm vault keeps it: computed, or still encoded as a saved
//! state holds it and decoded the first time it is asked for. A warm start then reads only the
//! reports a view shows, not every review item of the vault up front.
//!
//! Bytes that do not decode give no report: the vault counts the note as stale and computes
//! its report again from its text, as if none had been saved.

use crate::engine::NoteReport;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// A check report kept encoded by whoever saved it (the plugin's saved state).
pub trait EncodedReport: Send + Sync {
    /// The report, or `None` when the bytes are not one.
    fn decode(&self) -> Option<NoteReport>;
}

/// A note's check report, computed or decoded when first asked. Clones share it: two cells
/// are the same report when [`ReportCell::same`] says so, decoded or not.
#[derive(Clone)]
pub struct ReportCell(Arc<Inner>);

struct Inner {
    encoded: Option<Box<dyn EncodedReport>>,
    report: OnceLock<Option<Arc<NoteReport>>>,
}

impl ReportCell {
    /// A computed report.
    pub fn ready(report: Arc<NoteReport>) -> Self {
        let cell = OnceLock::new();
        let _ = cell.set(Some(report));
        ReportCell(Arc::new(Inner {
            encoded: None,
            report: cell,
        }))
    }

    /// A report still encoded, decoded when first asked.
    pub fn encoded(encoded: Box<dyn EncodedReport>) -> Self {
        ReportCell(Arc::new(Inner {
            encoded: Some(encoded),
            report: OnceLock::new(),
        }))
    }

    /// The report, decoded if need be; `None` when its bytes do not decode.
    pub fn get(&self) -> Option<&Arc<NoteReport>> {
        let inner = &*self.0;
        let report = inner.report.get_or_init(|| {
            let encoded = inner.encoded.as_ref()?;
            encoded.decode().map(Arc::new)
        });
        report.as_ref()
    }

    /// True when the report was decoded and its bytes were not one (never decodes).
    pub fn failed(&self) -> bool {
        matches!(self.0.report.get(), Some(None))
    }

    /// True when both cells hold one report (the same computation or the same bytes).
    pub fn same(&self, other: &ReportCell) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for ReportCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.report.get() {
            Some(Some(report)) => report.fmt(f),
            Some(None) => f.write_str("ReportCell(undecodable)"),
            None => f.write_str("ReportCell(encoded)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Counted<'a>(&'a AtomicUsize, bool);

    impl EncodedReport for Counted<'static> {
        fn decode(&self) -> Option<NoteReport> {
            self.0.fetch_add(1, Ordering::Relaxed);
            self.1.then(|| NoteReport {
                path: "a.md".into(),
                edits: Vec::new(),
                review: Vec::new(),
                error: None,
            })
        }
    }

    #[test]
    fn an_encoded_report_is_decoded_once_when_first_asked() {
        static DECODED: AtomicUsize = AtomicUsize::new(0);
        let cell = ReportCell::encoded(Box::new(Counted(&DECODED, true)));
        let copy = cell.clone();
        assert_eq!(DECODED.load(Ordering::Relaxed), 0);
        assert_eq!(cell.get().map(|r| r.path.as_str()), Some("a.md"));
        assert!(copy.get().is_some() && cell.same(&copy) && !cell.failed());
        assert_eq!(DECODED.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn bytes_that_do_not_decode_give_no_report() {
        static DECODED: AtomicUsize = AtomicUsize::new(0);
        let cell = ReportCell::encoded(Box::new(Counted(&DECODED, false)));
        assert!(!cell.failed(), "not asked yet");
        assert!(cell.get().is_none() && cell.failed());
    }
}
