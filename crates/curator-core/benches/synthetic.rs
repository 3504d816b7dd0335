//! A deterministic synthetic vault for benchmarks: people, organisations, projects and meeting
//! notes with transcripts, tasks, placeholders, mixed dates, messy tags, mojibake and misheard
//! names — the same kinds of defects as real AI-fed vaults, at any size.

/// A tiny deterministic generator (xorshift), so every run benchmarks the same vault.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Ada", "Bram", "Cleo", "Dario", "Edda", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kaia",
    "Lars", "Mira", "Nils", "Oona", "Pavel", "Quinn", "Rosa", "Soren", "Tilde", "Umar", "Vera",
    "Wim", "Xenia", "Yusuf", "Zora", "Bjørn", "Zoë", "Łukasz", "Renée",
];
const LAST: &[&str] = &[
    "Halden",
    "Brask",
    "Corvel",
    "Dunmore",
    "Eskola",
    "Farrow",
    "Gimeno",
    "Hartwell",
    "Ilves",
    "Jaskula",
    "Kestrel",
    "Lindqvist",
    "Marlowe",
    "Nørgaard",
    "Ostrowski",
    "Pellam",
    "Quarry",
    "Rasmussen",
    "Strand",
    "Tavener",
    "Ulloa",
    "Vasquez",
    "Whitcombe",
    "Yarrow",
    "Zeller",
    "Müller",
    "Gómez",
    "Çelik",
    "Oyelaran",
    "Fairbairn",
];
const ORG: &[&str] = &[
    "Larchmont",
    "Quillfield",
    "Brightwater",
    "Corvid",
    "Northgale",
    "Tamarind",
    "Ostrava",
    "Pinecrest",
];
const SUFFIX: &[&str] = &[
    "Systems",
    "Analytics",
    "Labs",
    "Robotics",
    "Cloud",
    "Insurance",
];
const SENTENCES: &[&str] = &[
    "We reviewed the pilot plan and the open risks for the storage tier.",
    "The procurement timeline is about a quarter, so the pilot should start early.",
    "Network layout adds an extra hop; the team wants a simpler topology.",
    "Capacity planning depends on the final scale target, still under discussion.",
    "The checkpoint writes are bursty, every twenty minutes or so.",
    "Marketplace packaging should expose tenant outcomes, not cluster administration.",
];

/// One person of the synthetic vault.
struct Person {
    first: &'static str,
    last: &'static str,
    org: String,
}

impl Person {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// Generates `n` notes as `(path, text)` pairs: 10 % people, 2 % organisations, 3 % projects,
/// the rest meetings (2–40 KB, a third of them with raw transcripts).
pub fn vault(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let orgs: Vec<String> = (0..(n / 50).max(2))
        .map(|i| {
            format!(
                "{} {}{}",
                ORG[i % ORG.len()],
                SUFFIX[(i / ORG.len()) % SUFFIX.len()],
                i / 48
            )
        })
        .collect();
    let people: Vec<Person> = (0..(n / 10).max(4))
        .map(|i| Person {
            first: FIRST[i % FIRST.len()],
            last: LAST[(i / FIRST.len() + i * 7) % LAST.len()],
            org: orgs[i % orgs.len()].clone(),
        })
        .collect();
    let mut notes = Vec::with_capacity(n);
    let mut seen = std::collections::HashSet::new();
    for (i, p) in people.iter().enumerate() {
        let title = if seen.insert(p.name()) {
            p.name()
        } else {
            format!("{} {}", p.name(), i)
        };
        notes.push((format!("People/{title}.md"), person_note(&mut rng, p)));
    }
    for org in &orgs {
        notes.push((
            format!("Organizations/{org}.md"),
            format!("---\ntype: customer\ntags: [type/customer]\n---\n\n# {org}\n\nA customer.\n"),
        ));
    }
    let mut i = 0;
    while notes.len() < n {
        let (path, text) = if i % 33 == 0 {
            (
                format!("Projects/Project {i}.md"),
                format!(
                    "---\ntype: project\ntags: [project]\n---\n\n# Project {i}\n\n{}\n",
                    rng.pick(SENTENCES)
                ),
            )
        } else {
            meeting_note(&mut rng, &people, i)
        };
        notes.push((path, text));
        i += 1;
    }
    notes
}

fn person_note(rng: &mut Rng, p: &Person) -> String {
    let review = if rng.below(4) == 0 {
        "\n- needs-review"
    } else {
        ""
    };
    let company_tag = p.org.to_lowercase().replace(' ', "-");
    format!(
        "---\ntype: people\ntitle: {name}\ncreated: '2026-01-03'\nlast_contact: '2025-10-0{d}'\ntags:\n- type/people\n- company/{company_tag}{review}\n---\n\n# {name}\n\n## Contact Information\n\n| Field | Value |\n|-------|-------|\n| **Role** | Engineer |\n| **Company** | {org} |\n\n## Tasks They Own\n\n```dataview\nTASK\nWHERE contains(text, \"@{camel}\") AND !completed\n```\n\n## Key Facts\n\n- {fact}\n",
        name = p.name(),
        d = 1 + rng.below(9),
        org = p.org,
        camel = p.name().replace(' ', ""),
        fact = rng.pick(SENTENCES),
    )
}

fn misheard(rng: &mut Rng, name: &str) -> String {
    match rng.below(5) {
        0 => name.to_uppercase(),
        1 => name.split(' ').next().unwrap_or(name).to_string(),
        2 => name.replace('o', "u").replace('e', "a"),
        3 => name
            .replace("ü", "Ã¼")
            .replace("ø", "Ã¸")
            .replace("é", "Ã©"),
        _ => name.to_string(),
    }
}

fn meeting_note(rng: &mut Rng, people: &[Person], i: usize) -> (String, String) {
    let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
    let date = format!("2025-{month:02}-{day:02}");
    let attendees: Vec<&Person> = (0..2 + rng.below(4)).map(|_| rng.pick(people)).collect();
    let names: Vec<String> = attendees.iter().map(|p| p.name()).collect();
    let created = match rng.below(5) {
        0 => "{ { DATE } }".to_string(),
        1 => format!("2025/{month:02}/{day:02}"),
        2 => format!("\"{date}\""),
        _ => date.clone(),
    };
    let participants = if rng.below(6) == 0 {
        "[{ { PARTICIPANTS } }]".to_string()
    } else {
        format!(
            "[{}]",
            names
                .iter()
                .map(|n| format!("\"[[{n}]]\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let tags = if rng.below(4) == 0 {
        "meeting, Group, #meeting".to_string()
    } else {
        "[meeting, group]".to_string()
    };
    let mut body = format!(
        "---\ntype: \"group-meeting\"\ncreated: {created}\nparticipants: {participants}\ntags: {tags}\n---\n\n# Meeting {i}\n\n**Date:** {date}  \n**Participants:** {}\n\n## Summary\n\n{}\n\n## Action items\n\n",
        names.join(", "),
        rng.pick(SENTENCES),
    );
    for _ in 0..2 + rng.below(6) {
        let owner = rng.pick(&attendees).name();
        let handle = if rng.below(2) == 0 {
            owner.replace(' ', "")
        } else {
            owner
        };
        let prio = *rng.pick(&["⏫", "🔼", "🔽", "â«", ""]);
        body.push_str(&format!(
            "- [{}] {} @{handle} {prio} 📅 2025-{:02}-{:02}\n",
            rng.pick(&[" ", "x", "/", "-"]),
            rng.pick(SENTENCES).trim_end_matches('.'),
            1 + rng.below(12),
            1 + rng.below(28)
        ));
    }
    if rng.below(3) == 0 {
        body.push_str("\n---\n\n## Transcript (auto)\n\n```text\n");
        let target = 2_000 + rng.below(38_000);
        let mut t = 0.0f64;
        while body.len() < target {
            let speaker = rng.pick(&attendees).name();
            let heard = rng.pick(people).name();
            let other = misheard(rng, &heard);
            t += 7.3;
            body.push_str(&format!(
                "[00:{:02}:{:05.2}]  {speaker}{} Hey {other}, {}\n\n",
                (t / 60.0) as u32 % 60,
                t % 60.0,
                rng.pick(SENTENCES),
                rng.pick(SENTENCES)
            ));
        }
        body.push_str("```\n");
    }
    (format!("Meetings/{date} - Meeting {i}.md"), body)
}
