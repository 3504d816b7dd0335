//! Whether a meeting took place, and whom it links without meeting them: what a person's
//! `last_contact` must not count.
//!
//! A meeting called off (`status: cancelled`, a `cancelled` tag, "cancelled" in its title or
//! first heading) met no one. A person linked only as absent — on an `Apologies:` or `Absent:`
//! line, under an `## Apologies` heading, right before `(absent`, or in an `absent:` property —
//! was not met there; nor was one a meeting that lists its attendees leaves out (`Discussed
//! [[Dean]]'s deck` in a meeting of others).

use crate::note::{linked_name, LinkKind, Note};
use crate::text::fold;
use std::collections::BTreeSet;

/// Words that call a meeting off, as a status, a tag or a word of its title.
const CALLED_OFF: &[&str] = &[
    "cancelled",
    "canceled",
    "postponed",
    "called off",
    "abgesagt",
    "annulé",
    "annulée",
    "cancelado",
    "cancelada",
    "annullato",
    "geannuleerd",
    "inställt",
    "inställd",
    "aflyst",
    "avlyst",
    "zrušeno",
    "zrušena",
    "zrušen",
    "iptal edildi",
    "ertelendi",
    "dibatalkan",
    "odwołane",
    "odwołany",
    "odwołana",
    "afgelast",
    "uitgesteld",
    "verschoben",
    "entfällt",
    "fällt aus",
    "reporté",
    "reportée",
    "aplazado",
    "aplazada",
    "rinviato",
    "отменено",
    "отменена",
    "скасовано",
    "peruttu",
];

/// Labels of the people a meeting lists as not there: a line, a heading or a property.
const ABSENCE_LABELS: &[&str] = &[
    "apologies",
    "apologies for absence",
    "absent",
    "absentees",
    "absences",
    "regrets",
    "not present",
    "not attending",
    "excused",
    "declined",
    "unable to attend",
    "could not attend",
    "no-show",
    "no show",
    "absents",
    "excusés",
    "ausentes",
    "assenti",
    "niet aanwezig",
    "ej närvarande",
    "förhindrade",
    "fraværende",
    "afbud",
    "forfall",
    "omluveni",
    "nepřítomni",
    "katılmayanlar",
    "katılamayanlar",
    "mazeretli",
    "berhalangan",
    "nieobecni",
    "nieobecny",
    "usprawiedliwieni",
    "nicht anwesend",
    "abgemeldet",
    "отсутствуют",
    "poissa",
];

/// Words for "absent" or "excused" in the other languages vaults are written in, each a label
/// (`**Afwezig:**`), a mark after a link (`[[Ana]] (afwezig)`) and a word of a participants
/// entry (`Pia Holm (entschuldigt)`) alike.
const ABSENT_ABROAD: &[&str] = &[
    "abwesend",
    "afgemeld",
    "afwezig",
    "assente",
    "ausente",
    "entschuldigt",
    "excusé",
    "excusée",
    "frånvarande",
    "förhindrad",
    "izinli",
    "nepřítomen",
    "omluven",
    "omluvena",
    "tidak hadir",
    "verhindert",
    "verhinderd",
    "absente",
];

/// Words written right after a link, or in brackets after it, that mark its person absent
/// (`[[Ana]] (absent)`, `[[Bo]] — sent apologies`).
const ABSENT_AFTER: &[&str] = &[
    "sent apologies",
    "sent regrets",
    "absent",
    "declined",
    "apologies",
    "excused",
    "did not attend",
    "didn't attend",
    "not present",
    "no-show",
    "no show",
    "regrets",
];

/// Words of a participants entry that say its person was not there (`Yuki Tanaka (absent)`,
/// `Anja (declined)`, `Rafael (optional, did not join)`).
const NOT_THERE: &[&str] = &[
    "absent",
    "declined",
    "apologies",
    "regrets",
    "excused",
    "did not",
    "didn't",
    "not present",
    "not attend",
    "no-show",
    "no show",
];

/// True when a participants entry marks its person as not there: struck through
/// (`~~Yuki Tanaka~~`) or qualified so (`Yuki Tanaka (absent)`).
pub fn marked_not_there(entry: &str) -> bool {
    // A mark says so in brackets, struck through or after a dash: a bare name holds none.
    if !entry.contains(['(', '~', '-', '—', '–', ':']) {
        return false;
    }
    let entry = fold(entry);
    entry.contains("~~") || holds_any(&entry, NOT_THERE) || holds_any(&entry, ABSENT_ABROAD)
}

/// True when the meeting `note` was called off: a status of it says so (`status: ❌
/// Cancelled`, `meeting_status`, a `**Status:**` line), a `cancelled: true` property does, a
/// tag does (`tags` holds those of its properties and its text), a callout does (`> [!cancelled]`,
/// `> [!warning] Abgesagt`), or the word stands in its title or its first heading.
pub fn cancelled(note: &Note, statuses: &[String], flagged: bool, tags: &[String]) -> bool {
    // Turkish `İ` lowercases with a combining dot (`i̇ptal`), which would split the word.
    let calls_off = |text: &str| holds_any(&fold(text).replace('\u{307}', ""), CALLED_OFF);
    let callout = || {
        note.body().lines().any(|line| {
            let line = line.trim_start_matches([' ', '>']);
            line.starts_with("[!") && calls_off(line)
        })
    };
    flagged
        || statuses.iter().any(|s| calls_off(s))
        || tags.iter().any(|t| {
            let last = t.rsplit('/').next().unwrap_or(t).to_lowercase();
            CALLED_OFF.contains(&last.as_str())
        })
        || calls_off(note.title())
        || note.headings.first().is_some_and(|h| calls_off(&h.text))
        || callout()
}

/// The folded names `note` links without meeting them: every link to them in the body is on
/// an absence line or under an absence heading or marked `(absent` right after, and no property
/// but an absence one links them; or the meeting lists its attendees (`listed`, not empty) and
/// no entry is theirs — by their whole name or their given name (`Rob Banga` may be a
/// misheard Rob Benoit); or an entry of `away` (listed, but marked not there:
/// [`marked_not_there`]) is theirs.
pub fn not_met(
    note: &Note,
    property_links: &[(String, &str)],
    listed: &[String],
    away: &[String],
) -> BTreeSet<String> {
    let mut absent = BTreeSet::new();
    let mut present = BTreeSet::new();
    for link in &note.links {
        if link.kind == LinkKind::Markdown || link.target.is_empty() {
            continue;
        }
        let name = fold(linked_name(&link.target));
        match marked_absent(note, link.span.clone()) {
            true => absent.insert(name),
            false => present.insert(name),
        };
    }
    for (key, target) in property_links {
        let name = fold(linked_name(target));
        match is_absence_label(key) {
            true => absent.insert(name),
            false => present.insert(name),
        };
    }
    absent.retain(|name| !present.contains(name));
    let listed: Vec<String> = listed.iter().map(|e| fold(linked_name(e))).collect();
    let given = |name: &str| name.split(' ').next().unwrap_or("").to_string();
    let is_listed = |name: &String| {
        listed
            .iter()
            .any(|entry| entry == name || given(entry) == given(name))
    };
    let away: Vec<String> = away.iter().map(|e| fold(linked_name(e))).collect();
    let is_away = |name: &String| {
        away.iter()
            .any(|entry| entry == name || (!entry.contains(' ') && *entry == given(name)))
    };
    absent.extend(
        present
            .into_iter()
            .filter(|name| is_away(name) || (!listed.is_empty() && !is_listed(name))),
    );
    absent
}

/// True when the link at `span` marks its person absent: its line opens with an absence
/// label, its section's heading is one, or `(absent` follows it.
fn marked_absent(note: &Note, span: std::ops::Range<usize>) -> bool {
    let text = note.text;
    let line_start = note.lines.line_start(note.line_of(span.start)).unwrap_or(0);
    let before = text[line_start.min(span.start)..span.start]
        .trim_start_matches(|c: char| c.is_whitespace() || "->*+_#".contains(c))
        .trim_start_matches("[ ] ")
        .trim_start_matches("[x] ");
    // The line's label, or the label of its part the link is in (`Attendees: [[A]]; Absent:
    // [[B]]`, `(declined:: [[C]])`).
    let part = before.rsplit([';', '(', '|']).next().unwrap_or(before);
    let labelled = [before, part].iter().any(|text| {
        text.split_once([':', '—', '–']).is_some_and(|(label, _)| {
            is_absence_label(
                label.trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '_'),
            )
        })
    });
    let after = text[span.end..].trim_start_matches([' ', ',', '—', '–', '-', '(']);
    let marked = ABSENT_AFTER.iter().chain(ABSENT_ABROAD).any(|m| {
        after
            .as_bytes()
            .get(..m.len())
            .is_some_and(|a| a.eq_ignore_ascii_case(m.as_bytes()))
    });
    let struck = before.ends_with("~~") && text[span.end..].starts_with("~~");
    let section = note.headings.partition_point(|h| h.span.end <= span.start);
    let heading = (section.checked_sub(1))
        .and_then(|i| note.headings.get(i))
        .is_some_and(|h| is_absence_label(h.text.trim_end_matches(':')));
    labelled || marked || struck || heading
}

/// True when `label` (a line's label, a heading, a property key) lists people not there.
fn is_absence_label(label: &str) -> bool {
    let label = fold(label.trim()).replace('_', " ");
    ABSENCE_LABELS.contains(&label.as_str()) || ABSENT_ABROAD.contains(&label.as_str())
}

/// True when one of `phrases` (lowercase words, one or more) stands in `text` (folded) as
/// whole words: `text` is split into words once.
fn holds_any(text: &str, phrases: &[&str]) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    phrases.iter().any(|phrase| {
        let parts: Vec<&str> = phrase.split(' ').collect();
        words.windows(parts.len()).any(|w| w == parts.as_slice())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn absent_of(text: &str) -> Vec<String> {
        let note = Note::parse("M.md", text);
        not_met(&note, &[], &[], &[]).into_iter().collect()
    }

    #[test]
    fn a_person_linked_only_as_absent_was_not_met() {
        assert_eq!(
            absent_of("# Sync\nApologies: [[Amara Okafor]] (on leave).\n"),
            ["amara okafor"]
        );
        assert_eq!(absent_of("- **Absent:** [[Ana]], [[Bo]]\n"), ["ana", "bo"]);
        assert_eq!(absent_of("Met [[Ana]] (absent at first)\n"), ["ana"]);
        assert_eq!(
            absent_of("- [[Ana]] — sent apologies\n- ~~[[Bo]]~~\n"),
            ["ana", "bo"]
        );
        assert_eq!(
            absent_of("Attendees: [[Ana]]; Absent: [[Bo]] (declined:: [[Cy]])\n"),
            ["bo", "cy"]
        );
        assert_eq!(
            absent_of("## Apologies\n- [[Ana]]\n## Notes\n- [[Bo]]\n"),
            ["ana"]
        );
        // Linked elsewhere as there: met.
        assert!(absent_of("Absent: [[Ana]]\n\n[[Ana]] joined late.\n").is_empty());
        assert!(absent_of("Attendees: [[Ana]]\nNotes: absent data [[Bo]]\n").is_empty());
    }

    #[test]
    fn an_absence_property_links_no_one_met() {
        let note = Note::parse("M.md", "# Sync\n");
        let links = [
            ("absent".to_string(), "Ana"),
            ("participants".to_string(), "Bo"),
        ];
        assert_eq!(
            not_met(&note, &links, &[], &[])
                .into_iter()
                .collect::<Vec<_>>(),
            ["ana"]
        );
    }

    #[test]
    fn a_person_a_meeting_discusses_but_does_not_list_was_not_met() {
        let note = Note::parse(
            "M.md",
            "- Discussed [[Dean Glas]]'s deck with [[Rob Benoit]] and [[Cy Diaz]].\n",
        );
        let listed = ["Derek Wu", "Rob Banga", "Cy Diaz"].map(String::from);
        let not = not_met(&note, &[], &listed, &["Cy".to_string()]);
        assert_eq!(
            not.into_iter().collect::<Vec<_>>(),
            ["cy diaz", "dean glas"]
        );
    }

    #[test]
    fn an_entry_says_when_its_person_was_not_there() {
        assert!(marked_not_there("Yuki Tanaka (absent)"));
        assert!(marked_not_there(" ~~Yuki Tanaka~~"));
        assert!(marked_not_there("Rafael (optional, did not join)"));
        assert!(!marked_not_there("Ada Lovett (CTO, Corvid)"));
        assert!(!marked_not_there("Absentia Ltd"));
    }

    #[test]
    fn a_meeting_called_off_says_so() {
        let note = Note::parse(
            "2024-06-20 Offsite.md",
            "# Offsite — cancelled, did not take place\n",
        );
        assert!(cancelled(&note, &[], false, &[]));
        let plain = Note::parse("2024-06-20 Offsite.md", "# Offsite\n");
        let status = |s: &str| [s.to_string()];
        let tag = |s: &str| [s.to_string()];
        assert!(cancelled(&plain, &status("Cancelled"), false, &[]));
        assert!(cancelled(&plain, &status("❌ Abgesagt"), false, &[]));
        assert!(cancelled(&plain, &[], true, &[]));
        assert!(cancelled(&plain, &[], false, &tag("Meeting/Canceled")));
        assert!(!cancelled(&plain, &status("done"), false, &tag("meeting")));
        let callout = Note::parse("Sync.md", "# Sync\n\n> [!warning] Abgesagt\n> Nicht.\n");
        assert!(cancelled(&callout, &[], false, &[]));
        let word = Note::parse("Uncancelled plans.md", "# Cancellation policy\n");
        assert!(!cancelled(&word, &[], false, &[]));
        // In the other languages vaults are written in, Turkish `İ` too.
        for called_off in [
            "Inställt",
            "Zrušeno",
            "İptal edildi",
            "Dibatalkan",
            "Afgelast",
        ] {
            assert!(
                cancelled(&plain, &status(called_off), false, &[]),
                "{called_off}"
            );
        }
    }

    #[test]
    fn absence_is_said_in_the_languages_vaults_are_written_in() {
        for label in [
            "Afwezig",
            "Afgemeld",
            "Frånvarande",
            "Omluveni",
            "Katılmayanlar",
            "Tidak hadir",
        ] {
            let text = format!("**Aanwezig:** [[Ola Berg]]\n**{label}:** [[Pia Holm]]\n");
            assert_eq!(absent_of(&text), ["pia holm"], "{label}");
        }
        assert_eq!(absent_of("- [[Pia Holm]] (afwezig)\n"), ["pia holm"]);
        for entry in [
            "Pia Holm (entschuldigt)",
            "Pia Holm (afwezig)",
            "Pia (frånvarande)",
        ] {
            assert!(marked_not_there(entry), "{entry}");
        }
    }
}
