//! Small text helpers shared by every rule.

use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Folds a name for exact comparison: NFKC, lowercase, whitespace collapsed.
/// `Rob  BENOIT` and `rob benoit` fold alike; accents are kept (`Jürgen` ≠ `Jurgen`).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // ASCII is its own NFKC, and lowercases byte by byte.
        for word in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return out;
    }
    let normalized = if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfkc().collect())
    };
    for word in normalized.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// What a value written whole as a template's double-braced variable holds between its braces
/// (`date:YYYY` of `{{date:YYYY}}`, ` DATE ` of `{ { DATE } }`); `None` for any other value.
pub fn braced_variable(value: &str) -> Option<&str> {
    let inner = value
        .trim()
        .strip_prefix('{')?
        .trim_start()
        .strip_prefix('{')?;
    inner.strip_suffix('}')?.trim_end().strip_suffix('}')
}

/// True when `value`, a property's text, is a template's variable left unfilled as the whole
/// value (`{{company}}`, `{ { company } }`, `<% tp.file.title %>`): no value of the note's.
pub fn is_template_variable(value: &str) -> bool {
    let value = value.trim();
    braced_variable(value).is_some() || (value.starts_with("<%") && value.ends_with("%>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_a_template_variable_left_as_a_value() {
        for value in ["{{company}}", " { { Company } } ", "<% tp.file.title %>"] {
            assert!(is_template_variable(value), "{value}");
        }
        for value in ["Contoso", "{company}", "Acme {{x}} Inc", ""] {
            assert!(!is_template_variable(value), "{value}");
        }
    }

    #[test]
    fn folds_case_width_and_spaces() {
        assert_eq!(fold("  Rob\u{a0} BENOIT "), "rob benoit");
        assert_eq!(fold("Ｊürgen"), "jürgen");
        assert_eq!(fold("\tA\u{b}b\x0c C\r\n"), "a b c");
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::cases(256))]
        #[test]
        fn fast_paths_fold_as_nfkc_does(s in "[ -~\t\n\u{b}\u{c}\r\u{a0}\u{2003}\u{c0}-\u{17f}\u{ff21}-\u{ff3a}\u{1e9e}\u{130}]{0,24}") {
            let mut slow = String::new();
            for word in s.nfkc().collect::<String>().split_whitespace() {
                if !slow.is_empty() {
                    slow.push(' ');
                }
                slow.extend(word.chars().flat_map(char::to_lowercase));
            }
            proptest::prop_assert_eq!(fold(&s), slow);
        }
    }
}
