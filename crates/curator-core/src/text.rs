//! Small text helpers shared by every rule.

use unicode_normalization::UnicodeNormalization;

/// Folds a name for exact comparison: NFKC, lowercase, whitespace collapsed.
/// `Rob  BENOIT` and `rob benoit` fold alike; accents are kept (`Jürgen` ≠ `Jurgen`).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.nfkc().collect::<String>().split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_width_and_spaces() {
        assert_eq!(fold("  Rob\u{a0} BENOIT "), "rob benoit");
        assert_eq!(fold("Ｊürgen"), "jürgen");
    }
}
