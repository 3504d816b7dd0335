//! Settings shared by the plugin and the CLI.
//!
//! The plugin stores them in `.obsidian/plugins/vault-curator/data.json`; the CLI reads the same
//! file, so both run the engine with the same configuration. Every field has a default, and
//! unknown fields are ignored, so older and newer data files load.

use crate::rule::Rule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a rewritten YAML list is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListStyle {
    /// Keep the style the note already uses.
    #[default]
    Keep,
    /// `[a, b]`
    Flow,
    /// `- a` lines.
    Block,
}

/// How owner handles are written when the `owner_handles` rule is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HandleStyle {
    /// Use the form the vault's own people-note queries use (`@GlennLockwood`), when detectable.
    #[default]
    Detect,
    /// `@First Last`
    Spaced,
    /// `@FirstLast`
    Camel,
}

/// Where a vault's own settings declare templates, as `(settings file, where its JSON holds
/// vault-relative paths)`, files relative to the vault's configuration folder (`.obsidian/`
/// unless the user renamed it), and the place a key path: `.` steps into an object, `[]` into
/// every item of a list ([`templates_named_in`]). The core Templates plugin's folder,
/// Templater's folder and the templates it applies to folders and files, the template files of
/// the core Daily notes and Unique note creator plugins, of Periodic Notes, and QuickAdd's
/// template folder and the templates of its choices; and Metadata Menu's fileClass folder,
/// whose notes define the fields of a kind of note, as a template does. The CLI and the plugin read these files and put what they name, where the vault
/// has it, in [`Settings::declared_templates`].
pub const TEMPLATE_SETTINGS: &[(&str, &str)] = &[
    ("templates.json", "folder"),
    ("plugins/templater-obsidian/data.json", "templates_folder"),
    (
        "plugins/templater-obsidian/data.json",
        "folder_templates[].template",
    ),
    (
        "plugins/templater-obsidian/data.json",
        "file_templates[].template",
    ),
    ("daily-notes.json", "template"),
    ("zk-prefixer.json", "template"),
    ("plugins/periodic-notes/data.json", "daily.template"),
    ("plugins/periodic-notes/data.json", "weekly.template"),
    ("plugins/periodic-notes/data.json", "monthly.template"),
    ("plugins/periodic-notes/data.json", "quarterly.template"),
    ("plugins/periodic-notes/data.json", "yearly.template"),
    ("plugins/quickadd/data.json", "templateFolderPath"),
    ("plugins/quickadd/data.json", "choices[].templatePath"),
    ("plugins/metadata-menu/data.json", "classFilesPath"),
];

/// A plugin's settings file as JSON, as much of it as [`templates_named_in`] reads: strings,
/// lists and objects; anything else is kept as nothing. The CLI reads it with `serde_json`, the
/// plugin hands the object it parsed to the WASM module.
#[derive(Debug, Clone)]
pub enum SettingsJson {
    /// A string.
    Text(String),
    /// A list.
    List(Vec<SettingsJson>),
    /// An object.
    Object(BTreeMap<String, SettingsJson>),
    /// A number, a boolean or null.
    Other,
}

impl<'de> Deserialize<'de> for SettingsJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SettingsJsonVisitor)
    }
}

/// Reads any JSON value into a [`SettingsJson`] (a visitor rather than an untagged enum, which
/// would buffer every value first and weighs more in the WASM module).
struct SettingsJsonVisitor;

impl<'de> serde::de::Visitor<'de> for SettingsJsonVisitor {
    type Value = SettingsJson;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<SettingsJson, E> {
        Ok(SettingsJson::Text(v.to_string()))
    }

    fn visit_bool<E>(self, _: bool) -> Result<SettingsJson, E> {
        Ok(SettingsJson::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<SettingsJson, E> {
        Ok(SettingsJson::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<SettingsJson, E> {
        Ok(SettingsJson::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<SettingsJson, E> {
        Ok(SettingsJson::Other)
    }

    fn visit_unit<E>(self) -> Result<SettingsJson, E> {
        Ok(SettingsJson::Other)
    }

    fn visit_none<E>(self) -> Result<SettingsJson, E> {
        Ok(SettingsJson::Other)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<SettingsJson, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(SettingsJson::List(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SettingsJson, A::Error> {
        let mut fields = BTreeMap::new();
        while let Some((key, value)) = map.next_entry::<String, SettingsJson>()? {
            fields.insert(key, value);
        }
        Ok(SettingsJson::Object(fields))
    }
}

impl SettingsJson {
    /// The values `place` reaches (see [`TEMPLATE_SETTINGS`]).
    fn at<'a>(&'a self, place: &str) -> Vec<&'a SettingsJson> {
        let mut found = vec![self];
        for step in place.split('.') {
            let (key, every) = match step.strip_suffix("[]") {
                Some(key) => (key, true),
                None => (step, false),
            };
            found = found
                .into_iter()
                .filter_map(|v| match v {
                    SettingsJson::Object(fields) => fields.get(key),
                    _ => None,
                })
                .flat_map(|v| match v {
                    SettingsJson::List(items) if every => items.iter().collect(),
                    _ if every => Vec::new(),
                    _ => vec![v],
                })
                .collect();
        }
        found
    }
}

/// The template folders and files the settings file `file` (a path of [`TEMPLATE_SETTINGS`])
/// names, given its JSON: each a vault-relative path without surrounding slashes, once.
pub fn templates_named_in(file: &str, json: &SettingsJson) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, place) in TEMPLATE_SETTINGS.iter().filter(|(f, _)| *f == file) {
        for value in json.at(place) {
            let SettingsJson::Text(path) = value else {
                continue;
            };
            let path = path.trim().trim_matches('/');
            if !path.is_empty() && !out.iter().any(|p| p == path) {
                out.push(path.to_string());
            }
        }
    }
    out
}

/// Words that name a folder of templates (compared without case with each word of a folder's
/// name: `_Templates`, `01-Templates`, `🧩 Templates`, `My Templates`, `templates-old`): a
/// folder so named holds templates, whatever folder a templates plugin declares besides (an old
/// one, another plugin's; see [`Settings::is_template`]). Vaults name it in their own language
/// (`Plantillas`, `Vorlagen`, `Шаблоны`, `模板`); a note taken for a template is left alone, a
/// template taken for a note is filled in, so the list errs on the side of templates.
const TEMPLATE_FOLDER_NAMES: &[&str] = &[
    "template",
    "templates",
    "templater",
    "tpl",
    "tmpl",
    // Spanish, Portuguese, Catalan, Italian, French
    "plantilla",
    "plantillas",
    "modelo",
    "modelos",
    "modello",
    "modelli",
    "modèle",
    "modèles",
    // German, Dutch, Danish, Polish, Czech, Turkish
    "vorlage",
    "vorlagen",
    "sjabloon",
    "sjablonen",
    "skabelon",
    "skabeloner",
    "szablon",
    "szablony",
    "šablona",
    "šablony",
    "şablon",
    "şablonlar",
    // Slovak, Hungarian, Romanian, Lithuanian, Latvian, Croatian, Turkish
    "šablóna",
    "šablóny",
    "sablon",
    "sablonok",
    "șablon",
    "șabloane",
    "şabloane",
    "šablonas",
    "šablonai",
    "veidne",
    "veidnes",
    "predložak",
    "predlošci",
    "kalıplar",
    // Catalan, Swedish, Norwegian, Estonian, Finnish, Icelandic, Greek, Indonesian (the plural
    // alone where the singular is an everyday word elsewhere: `mall`, `mal`, `pohja`)
    "plantilles",
    "mallar",
    "maler",
    "mallid",
    "pohjat",
    "sniðmát",
    "πρότυπο",
    "πρότυπα",
    "templat",
    // Russian, Ukrainian, Japanese, Chinese, Korean, Vietnamese
    "шаблон",
    "шаблоны",
    "шаблони",
    "テンプレート",
    "模板",
    "템플릿",
    "mẫu",
    // Hebrew, Arabic and Persian; Czech and Slovak written without their accents
    "תבנית",
    "תבניות",
    "قالب",
    "قوالب",
    "sablona",
    "sablony",
];

/// True when a file's name, without `.md`, opens or ends with `template`, `tpl` or `tmpl` set
/// apart by a dash or an underscore (`Template - Meeting`, `tpl_person`,
/// `minutes-template`). Joined by a space it may be a note on the word (`Template Method
/// Pattern`, `Template Intent`), and alone a note about templates.
fn file_named_as_template(stem: &str) -> bool {
    let lower = stem.to_lowercase();
    ["template", "tpl", "tmpl"].iter().any(|word| {
        let opens = lower
            .strip_prefix(word)
            .map(|rest| rest.trim_start_matches(' '))
            .is_some_and(|rest| rest.starts_with(['-', '_', '–']) && rest.len() > 1);
        let ends = lower
            .strip_suffix(word)
            .map(|rest| rest.trim_end_matches(' '))
            .is_some_and(|rest| rest.ends_with(['-', '_', '–']) && rest.len() > 1);
        opens || ends
    })
}

/// True when `word` names templates in one language and is an everyday word in another
/// (`modelo`, a model): it names a folder of templates, not a file.
fn is_everyday_elsewhere(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.starts_with("model") || lower.starts_with("modèl")
}

/// The placeholders of templates plugins `text` writes outside code, from their opening: the
/// first `{{…}}` (core Templates, Periodic Notes, QuickAdd) and the first `<%…%>` (Templater)
/// of each line.
fn placeholders_outside_code(text: &str) -> impl Iterator<Item = &str> {
    let mut fenced = false;
    text.lines().flat_map(move |line| {
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        fenced ^= fence;
        let code = fence || fenced;
        [("{{", "}}"), ("<%", "%>")]
            .into_iter()
            .filter_map(move |(open, close)| {
                let at = line.find(open).filter(|_| !code)?;
                // An even count of backticks before it: not inside inline code.
                (line[..at].matches('`').count() % 2 == 0
                    && line[at + open.len()..].contains(close))
                .then(|| &line[at..])
            })
    })
}

/// True when `placeholder` opens a Templater command (`<% tp.file.title %>`, `<%* … %>`):
/// Templater runs them when it makes a note, so a note still holding one is a template
/// (`tags: <% tp.file.folder() %>`, wherever it is kept), never a note to normalise.
fn is_templater_command(placeholder: &str) -> bool {
    placeholder.strip_prefix("<%").is_some_and(|rest| {
        let rest = rest.trim_start_matches(['_', '-', '+']);
        rest.starts_with('*') || rest.trim_start().starts_with("tp.")
    })
}

/// True when `word`, in any case, is one of [`TEMPLATE_FOLDER_NAMES`].
fn names_templates(word: &str) -> bool {
    // Lowercase letters take as many bytes as their capitals, but for a few no folder name
    // here holds.
    TEMPLATE_FOLDER_NAMES.iter().any(|template| {
        word.len() == template.len()
            && word
                .chars()
                .flat_map(char::to_lowercase)
                .eq(template.chars())
    })
}

/// A review answer the user gave, remembered for next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    /// The mention text as written (e.g. `Rob Banga`).
    pub text: String,
    /// The note title it refers to (e.g. `Rob Benoit`).
    pub entity: String,
}

/// The engine's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    /// Rule switches by the rules' settings keys (`keyCase: false`); a rule not listed runs as
    /// its default says (see [`crate::rules`]).
    pub rules: BTreeMap<String, bool>,
    /// Layout of rewritten `tags`/`aliases` lists.
    pub list_style: ListStyle,
    /// Folders whose notes are people (vault-relative, matched as path prefixes).
    pub people_folders: Vec<String>,
    /// Folders whose notes are organisations.
    pub org_folders: Vec<String>,
    /// `type:` values (or `type/…` tags) that mark a person note.
    pub people_types: Vec<String>,
    /// `type:` values (or `type/…` tags) that mark an organisation note.
    pub org_types: Vec<String>,
    /// Keys always treated as dates, besides those `.obsidian/types.json` declares.
    pub date_keys: Vec<String>,
    /// Property types from `.obsidian/types.json` (`key` → `date`, `datetime`, `text`, …).
    pub property_types: BTreeMap<String, String>,
    /// Frontmatter key that switches rules off for one note: `true`/`off` for all, or a list of
    /// rule names (`dates`, `tags`, …).
    pub opt_out_key: String,
    /// Owner handle form for the `owner_handles` rule.
    pub handle_style: HandleStyle,
    /// The list property the `mention_links` rule keeps in meeting notes (`mentions`).
    pub mentions_key: String,
    /// Mentions the user confirmed: used exactly next time.
    pub accepted: Vec<Resolution>,
    /// Suggestions the user rejected: never made again.
    pub rejected: Vec<Resolution>,
    /// Written words the user said are not names: never resolved or asked about again.
    pub not_names: Vec<String>,
    /// Paths (vault-relative prefixes) the engine never touches.
    pub ignore: Vec<String>,
    /// Folders (vault-relative) that hold templates, besides those the vault declares.
    pub template_folders: Vec<String>,
    /// Template folders and files the vault's own settings declare (the core Templates plugin,
    /// Templater, daily notes): filled from `.obsidian/` each time the vault is loaded, never
    /// saved in `data.json`.
    pub declared_templates: Vec<String>,
    /// The Tasks plugin's global filter (`globalFilter` in its own data.json): only checklist
    /// items whose text contains it are tasks (`#task`, `TODO`); empty when every checklist item
    /// is a task. The CLI and the plugin read it from the Tasks plugin's settings at every start;
    /// the plugin never saves it in its own data.json.
    pub tasks_global_filter: String,
    /// The Tasks plugin's `removeGlobalFilter`: leave the global filter out of descriptions.
    pub tasks_remove_global_filter: bool,
    /// The status types the Tasks plugin's settings give checkbox symbols (its core and custom
    /// statuses, `statusSettings` in its data.json: `d` → `DONE`), read with the global filter;
    /// a symbol not listed has its default type.
    pub tasks_statuses: BTreeMap<String, crate::task_status::StatusType>,
    /// Today's date (`YYYY-MM-DD`), which the CLI and the plugin give at every start: a meeting
    /// dated later has not taken place. Empty, no meeting is in the future. Saved states do not
    /// depend on it ([`crate::answers::lasting`]).
    pub today: String,
}

impl Default for Settings {
    fn default() -> Self {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Settings {
            rules: BTreeMap::new(),
            list_style: ListStyle::Keep,
            people_folders: strings(&["People"]),
            org_folders: strings(&[
                "Organizations",
                "Organisations",
                "Orgs",
                "Companies",
                "Customers",
                "Clients",
                "Vendors",
                "Partners",
            ]),
            people_types: strings(&["people", "person", "contact"]),
            org_types: strings(&[
                "organization",
                "organisation",
                "org",
                "company",
                "client",
                "customer",
                "partner",
                "vendor",
            ]),
            date_keys: strings(&[
                "created",
                "date",
                "last_contact",
                "updated",
                "modified",
                "due",
            ]),
            property_types: BTreeMap::new(),
            opt_out_key: "curator".into(),
            handle_style: HandleStyle::Detect,
            mentions_key: "mentions".into(),
            accepted: Vec::new(),
            rejected: Vec::new(),
            not_names: Vec::new(),
            ignore: Vec::new(),
            template_folders: strings(&["Templates"]),
            declared_templates: Vec::new(),
            tasks_global_filter: String::new(),
            tasks_statuses: BTreeMap::new(),
            today: String::new(),
            tasks_remove_global_filter: false,
        }
    }
}

impl Settings {
    /// True when `rule` runs: as switched in [`Settings::rules`], else its default.
    pub fn rule_on(&self, rule: &Rule) -> bool {
        self.rules.get(rule.key).copied().unwrap_or(rule.default_on)
    }

    /// Switches `rule` on or off.
    pub fn set_rule(&mut self, rule: &Rule, on: bool) {
        self.rules.insert(rule.key.to_string(), on);
    }

    /// True when `key` holds a date: a default date key or declared `date`/`datetime` in types.json.
    pub fn is_date_key(&self, key: &str) -> bool {
        match self.property_types.get(key).map(String::as_str) {
            Some("date") | Some("datetime") => true,
            Some(_) => false,
            None => self.date_keys.iter().any(|k| k == key),
        }
    }

    /// True when the note at `path` is a template: inside a template folder (ours or one the vault
    /// declares) or a template file the vault declares, or inside a folder named like one, also
    /// where the vault declares another (a word of its name: `templates`, `_templates`,
    /// `01-Templates`, `My Templates`, `Templates (old)`, `zz-tmpl`, at any depth), or a file named
    /// as one ([`file_named_as_template`]: `Template - Meeting.md`, `tpl-person.md`). A template is not a note: its placeholders are meant to stay, its people are
    /// not people, and the engine never edits, reviews or indexes it as an entity.
    pub fn is_template(&self, path: &str) -> bool {
        let named = self
            .template_folders
            .iter()
            .chain(&self.declared_templates)
            .map(|t| t.trim_matches('/'))
            .filter(|t| !t.is_empty())
            .any(|t| {
                path.strip_prefix(t)
                    .is_some_and(|rest| rest.starts_with('/') || rest.is_empty() || rest == ".md")
            });
        let (folders, file) = path.rsplit_once('/').unwrap_or(("", path));
        named
            || folders
                .split('/')
                .flat_map(|folder| folder.split(|c: char| !c.is_alphanumeric()))
                .any(names_templates)
            || file_named_as_template(file.strip_suffix(".md").unwrap_or(file))
    }

    /// True when the note at `path`, whose text is `text`, is a template: [`Settings::is_template`]
    /// says so by its place or name, or a word of its file's name names templates (`Daily
    /// Template`, `Vorlage Besprechung`) and its text writes a template's placeholder
    /// (`{{date}}`), or its text holds a Templater command outside code (see
    /// [`is_templater_command`]). A name alone may be a note on the word (`Template Method
    /// Pattern`); a name the placeholders bear out is a template's.
    pub fn is_template_note(&self, path: &str, text: &str) -> bool {
        let file = path.rsplit_once('/').map_or(path, |(_, file)| file);
        self.is_template(path)
            || (file
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| names_templates(word) && !is_everyday_elsewhere(word))
                && placeholders_outside_code(text).next().is_some())
            // Most notes hold no `<%`: found with SIMD before reading them line by line.
            || (memchr::memmem::find(text.as_bytes(), b"<%").is_some()
                && placeholders_outside_code(text).any(is_templater_command))
    }

    /// True when the file is no note to read or edit: a template ([`Settings::is_template_note`])
    /// or an Excalidraw drawing, whose `## Text Elements` mirror the scene's JSON below them
    /// (edited apart, the two disagree).
    pub fn is_not_a_note(&self, path: &str, text: &str) -> bool {
        self.is_template_note(path, text) || is_drawing(path, text)
    }

    /// True when the path is under an ignored prefix or inside a dot folder (`.obsidian/`, `.trash/`).
    pub fn is_ignored(&self, path: &str) -> bool {
        path.split('/').any(|part| part.starts_with('.'))
            || self
                .ignore
                .iter()
                .any(|p| !p.is_empty() && path.starts_with(p.as_str()))
    }
}

/// True when the file at `path` is an Excalidraw drawing: named `….excalidraw.md`, or its
/// frontmatter's first lines (600 bytes) say `excalidraw-plugin:`.
fn is_drawing(path: &str, text: &str) -> bool {
    let head = text.as_bytes().get(..600).unwrap_or(text.as_bytes());
    path.ends_with(".excalidraw.md")
        || (text.starts_with("---")
            && memchr::memmem::find(head, b"\nexcalidraw-plugin:").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_is_no_note() {
        let settings = Settings::default();
        let drawing =
            "---\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n---\n# Text Elements\n@Ana\n";
        assert!(settings.is_not_a_note("Drawings/Board.md", drawing));
        assert!(settings.is_not_a_note("Board.excalidraw.md", "# Text Elements\n"));
        assert!(!settings.is_not_a_note("Notes/Board.md", "---\ntags: [excalidraw]\n---\n"));
    }

    fn named(file: &str, json: &str) -> Vec<String> {
        templates_named_in(file, &serde_json::from_str(json).unwrap())
    }

    #[test]
    fn plugins_name_their_templates_at_every_place_listed() {
        assert_eq!(
            named(
                "plugins/periodic-notes/data.json",
                r#"{"daily": {"enabled": true, "template": "Meta/Daily Template"},
                    "weekly": {"template": ""}, "monthly": {"template": 3}}"#
            ),
            ["Meta/Daily Template"]
        );
        assert_eq!(
            named(
                "plugins/templater-obsidian/data.json",
                r#"{"templates_folder": "/Tpl/", "trigger_on_file_creation": true,
                    "folder_templates": [{"folder": "People", "template": "Tpl/Person.md"},
                                         {"folder": "/", "template": "Tpl/Person.md"}],
                    "file_templates": [{"regex": ".*", "template": "Meta/Any"}]}"#
            ),
            ["Tpl", "Tpl/Person.md", "Meta/Any"]
        );
        assert_eq!(
            named(
                "plugins/quickadd/data.json",
                r#"{"choices": [{"type": "Template", "templatePath": "Meta/Book.md"},
                                {"type": "Macro"}]}"#
            ),
            ["Meta/Book.md"]
        );
        assert_eq!(
            named(
                "plugins/quickadd/data.json",
                r#"{"templateFolderPath": "Sablonok", "choices": []}"#
            ),
            ["Sablonok"]
        );
        // A list where an object is expected, or an object where a list is, names nothing.
        assert!(named(
            "plugins/quickadd/data.json",
            r#"{"choices": {"templatePath": "x"}}"#
        )
        .is_empty());
        assert!(named("templates.json", r#"[{"folder": "x"}]"#).is_empty());
        assert!(named("unknown.json", r#"{"folder": "x"}"#).is_empty());
    }
}
