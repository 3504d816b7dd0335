//! Reading a vault from disk: its notes, its settings, and its property types.

use crate::output;
use curator_core::settings::{templates_named_in, TEMPLATE_SETTINGS};
use curator_core::vault::content_hash;
use curator_core::Settings;
use rayon::prelude::*;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the plugin keeps its settings, relative to the vault root.
pub const PLUGIN_DATA: &str = ".obsidian/plugins/vault-curator/data.json";
/// Obsidian's configuration folder, relative to the vault root.
pub const CONFIG_DIR: &str = ".obsidian";
/// Where Obsidian keeps property types, relative to the vault root.
pub const TYPES_JSON: &str = ".obsidian/types.json";
/// Where the Tasks plugin keeps its settings (its global filter), relative to the vault root.
pub const TASKS_PLUGIN_DATA: &str = ".obsidian/plugins/obsidian-tasks-plugin/data.json";

/// One Markdown note read from disk.
pub struct NoteFile {
    /// Vault-relative path with `/` separators.
    pub path: String,
    /// The file's text, exactly as read (shared with the engine's warm state, not copied).
    pub text: Arc<str>,
}

/// A vault on disk: its root, settings and notes.
pub struct Vault {
    /// The vault's root folder.
    pub root: PathBuf,
    /// Settings from the plugin's data file (defaults when absent), with types.json and the Tasks
    /// plugin's settings applied.
    pub settings: Settings,
    /// Every Markdown note outside dot folders, in byte order of their paths.
    pub notes: Vec<NoteFile>,
    /// Notes that could not be read (not UTF-8, permissions), with the reason.
    pub unreadable: Vec<(String, String)>,
}

/// A vault on disk as a run that may answer from the cache first sees it: its settings and
/// every note's content hash, the texts read but not kept.
pub struct Scan {
    /// As [`Vault::settings`].
    pub settings: Settings,
    /// Every note's path and [`content_hash`], in byte order of the paths.
    pub notes: Vec<(String, u64)>,
    /// As [`Vault::unreadable`].
    pub unreadable: Vec<(String, String)>,
}

impl Vault {
    /// Reads the vault at `root`. Fails only when the folder or a settings file cannot be used.
    pub fn open(root: &Path) -> Result<Vault, String> {
        let (settings, files, mut unreadable) = list(root)?;
        let bar = output::progress(files.len(), "reading");
        let notes = read_each(files, &mut unreadable, |path, text| {
            bar.inc(1);
            NoteFile {
                path,
                text: Arc::from(text),
            }
        });
        bar.finish_and_clear();
        Ok(Vault {
            root: root.to_path_buf(),
            settings,
            notes,
            unreadable,
        })
    }

    /// Reads the vault at `root` as [`Vault::open`] does, keeping only each note's hash.
    pub fn scan(root: &Path) -> Result<Scan, String> {
        let (settings, files, mut unreadable) = list(root)?;
        let notes = read_each(files, &mut unreadable, |path, text| {
            (path, content_hash(text))
        });
        Ok(Scan {
            settings,
            notes,
            unreadable,
        })
    }

    /// The absolute path of a vault-relative note path.
    pub fn file(&self, path: &str) -> PathBuf {
        self.root.join(path)
    }
}

/// The vault at `root`: its settings, every Markdown note outside dot folders that the
/// settings do not ignore (path and file, in byte order of the paths), and the entries that
/// could not be listed.
type Listing = (Settings, Vec<(String, PathBuf)>, Vec<(String, String)>);

/// Lists the vault at `root` (see [`Listing`]).
fn list(root: &Path) -> Result<Listing, String> {
    if !root.is_dir() {
        return Err(format!(
            "{} is not a folder: give the path of an Obsidian vault",
            root.display()
        ));
    }
    let settings = load_settings(root)?;
    let mut unreadable = Vec::new();
    let mut paths = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                unreadable.push((
                    e.path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    e.to_string(),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|x| x != "md") {
            continue;
        }
        let path = relative(root, entry.path());
        if !settings.is_ignored(&path) {
            paths.push((path, entry.into_path()));
        }
    }
    // Byte order of the paths: the order the engine's vault lists notes in.
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((settings, paths, unreadable))
}

/// What `keep` makes of each file's path and text, read in parallel, each into a buffer reused
/// per thread; the files that cannot be read go to `unreadable` with the reason.
fn read_each<T: Send>(
    files: Vec<(String, PathBuf)>,
    unreadable: &mut Vec<(String, String)>,
    keep: impl Fn(String, &str) -> T + Sync + Send,
) -> Vec<T> {
    let read: Vec<Result<T, (String, String)>> = files
        .into_par_iter()
        .map_init(Vec::new, |buffer, (path, file)| {
            match read_text(&file, buffer) {
                Ok(text) => Ok(keep(path, text)),
                Err(why) => Err((path, why)),
            }
        })
        .collect();
    let mut kept = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(note) => kept.push(note),
            Err(why) => unreadable.push(why),
        }
    }
    kept
}

/// The text of the note at `file`, read into `buffer`, or why it cannot be used.
fn read_text<'a>(file: &Path, buffer: &'a mut Vec<u8>) -> Result<&'a str, String> {
    buffer.clear();
    fs::File::open(file)
        .and_then(|mut f| f.read_to_end(buffer))
        .map_err(|e| e.to_string())?;
    std::str::from_utf8(buffer).map_err(|_| "not UTF-8 text; left untouched".to_string())
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads the plugin's `data.json`, `.obsidian/types.json` and the Tasks plugin's `data.json`,
/// each if present.
fn load_settings(root: &Path) -> Result<Settings, String> {
    let mut settings = match read_json(&root.join(PLUGIN_DATA))? {
        Some(json) => serde_json::from_str::<Settings>(&json).map_err(|e| {
            format!("{PLUGIN_DATA}: {e}; fix the file or delete it to use the defaults")
        })?,
        None => Settings::default(),
    };
    if let Some(json) = read_json(&root.join(TYPES_JSON))? {
        #[derive(serde::Deserialize)]
        struct Types {
            #[serde(default)]
            types: std::collections::BTreeMap<String, String>,
        }
        let types: Types = serde_json::from_str(&json)
            .map_err(|e| format!("{TYPES_JSON}: {e}; Obsidian rewrites this file on start"))?;
        settings.property_types.extend(types.types);
    }
    if let Some(json) = read_json(&root.join(TASKS_PLUGIN_DATA))? {
        #[derive(Default, serde::Deserialize)]
        #[serde(default, rename_all = "camelCase")]
        struct TasksPlugin {
            global_filter: String,
            remove_global_filter: bool,
            status_settings: StatusSettings,
        }
        #[derive(Default, serde::Deserialize)]
        #[serde(default, rename_all = "camelCase")]
        struct StatusSettings {
            core_statuses: Vec<serde_json::Value>,
            custom_statuses: Vec<serde_json::Value>,
        }
        let tasks: TasksPlugin = serde_json::from_str(&json).map_err(|e| {
            format!("{TASKS_PLUGIN_DATA}: {e}; the Tasks plugin rewrites this file when its settings change")
        })?;
        settings.tasks_global_filter = tasks.global_filter;
        settings.tasks_remove_global_filter = tasks.remove_global_filter;
        // A status whose symbol or type this engine does not read keeps the default type.
        let statuses = tasks.status_settings;
        for status in statuses
            .core_statuses
            .iter()
            .chain(&statuses.custom_statuses)
        {
            let symbol = status.get("symbol").and_then(|s| s.as_str());
            let kind = status
                .get("type")
                .and_then(|t| serde_json::from_value(t.clone()).ok());
            if let (Some(symbol), Some(kind)) = (symbol.filter(|s| s.chars().count() == 1), kind) {
                settings.tasks_statuses.insert(symbol.to_string(), kind);
            }
        }
    }
    settings.declared_templates = declared_templates(root)?;
    settings.today = crate::today::today()?;
    Ok(settings)
}

/// The template folders and files the vault declares (see [`TEMPLATE_SETTINGS`]). A settings
/// file that is missing, or is not the JSON its plugin writes, declares nothing, and so does a
/// folder or file the vault does not have (Templater's default `Templates` where the templates
/// live elsewhere): the engine then finds template folders by their names.
fn declared_templates(root: &Path) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut files: Vec<&str> = TEMPLATE_SETTINGS.iter().map(|(file, _)| *file).collect();
    files.dedup();
    for file in files {
        let Some(json) = read_optional(&root.join(CONFIG_DIR).join(file))? else {
            continue;
        };
        // A file that is not the JSON its plugin writes names nothing.
        let Ok(json) = serde_json::from_str(&json) else {
            continue;
        };
        for path in templates_named_in(file, &json) {
            let exists = root.join(&path).exists() || root.join(format!("{path}.md")).exists();
            if exists && !out.contains(&path) {
                out.push(path);
            }
        }
    }
    Ok(out)
}

/// A settings file's JSON, if the file holds any: an empty file (Obsidian leaves one behind
/// at times, and writes it again on start) declares nothing, as an absent one.
fn read_json(path: &Path) -> Result<Option<String>, String> {
    Ok(read_optional(path)?.filter(|json| !json.trim().is_empty()))
}

fn read_optional(path: &Path) -> Result<Option<String>, String> {
    match fs::read_to_string(path) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}
