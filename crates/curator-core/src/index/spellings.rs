//! How a vault writes words compared without case (tags, property names): each written form
//! and in how many notes, kept up to date one note at a time.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// Lowercase word → each way the vault writes it → how many notes write it so.
#[derive(Debug, Clone, Default)]
pub(super) struct Spellings(HashMap<String, BTreeMap<String, usize>>);

impl Spellings {
    /// Counts one more note writing `form`.
    pub(super) fn add(&mut self, form: &str) {
        let forms = self.0.entry(form.to_lowercase()).or_default();
        match forms.get_mut(form) {
            Some(n) => *n += 1,
            None => {
                forms.insert(form.to_string(), 1);
            }
        }
    }

    /// Counts one note fewer writing `form`.
    pub(super) fn remove(&mut self, form: &str) {
        let lower = form.to_lowercase();
        let Some(forms) = self.0.get_mut(&lower) else {
            return;
        };
        if let Some(n) = forms.get_mut(form) {
            *n -= 1;
            if *n == 0 {
                forms.remove(form);
            }
        }
        if forms.is_empty() {
            self.0.remove(&lower);
        }
    }

    /// The spellings of `lower` (a lowercase word); `None` when no note writes it.
    pub(super) fn get(&self, lower: &str) -> Option<&BTreeMap<String, usize>> {
        self.0.get(lower)
    }
}
