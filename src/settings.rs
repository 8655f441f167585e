//! What the app remembers between runs: language, recent files, the last screen. (eframe
//! remembers the window size itself.)

use crate::i18n::Lang;
use crate::ui::Screen;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files the File menu lists.
const RECENT_FILES: usize = 8;

/// Settings kept in eframe's storage.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(from = "Stored", into = "Stored")]
pub struct Settings {
    /// The interface language.
    pub lang: Lang,
    /// Studio files opened recently, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The screen shown last.
    pub screen: Screen,
    /// The period 比拼 and 激励 work on (the current quarter until one is picked).
    pub period: Option<crate::domain::period::Period>,
    /// The studio's name of each recent file, as last seen open (最近打开 lists names).
    pub studio_names: std::collections::BTreeMap<PathBuf, String>,
    /// Light, dark, or as the system says (light where it says nothing).
    pub theme: egui::ThemePreference,
    /// Who works at this computer, as last typed for 经办人: it names the edits made here in
    /// a problem's history.
    pub actor: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::from_system(),
            recent_files: Vec::new(),
            screen: Screen::Dashboard,
            period: None,
            studio_names: std::collections::BTreeMap::new(),
            theme: egui::ThemePreference::System,
            actor: String::new(),
        }
    }
}

/// The settings as written. The last screen is kept as text: a screen added by a later
/// version is then one this version does not know, read as the overview, instead of a value
/// that fails the whole record (and with it the language and the recent files).
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Stored {
    #[serde(default = "Lang::from_system")]
    lang: Lang,
    recent_files: Vec<PathBuf>,
    /// The last screen as earlier versions wrote it (read, never written).
    #[serde(skip_serializing)]
    screen: Screen,
    /// The last screen, as text (empty in settings of earlier versions).
    last_screen: String,
    /// The period worked on, as `2026-Q3` (empty: the current quarter).
    period: String,
    /// The studio names of recent files.
    studio_names: std::collections::BTreeMap<PathBuf, String>,
    /// `light`, `dark`, or empty for the system's.
    theme: String,
    /// The last 经办人 typed (empty in settings of earlier versions).
    actor: String,
}

impl From<Stored> for Settings {
    fn from(stored: Stored) -> Self {
        let screen = if stored.last_screen.is_empty() {
            stored.screen
        } else {
            ron::from_str::<Screen>(&stored.last_screen).unwrap_or_default()
        };
        Self {
            lang: stored.lang,
            recent_files: stored.recent_files,
            screen,
            period: crate::domain::period::Period::parse(&stored.period).ok(),
            studio_names: stored.studio_names,
            theme: match stored.theme.as_str() {
                "light" => egui::ThemePreference::Light,
                "dark" => egui::ThemePreference::Dark,
                _ => egui::ThemePreference::System,
            },
            actor: stored.actor,
        }
    }
}

impl From<Settings> for Stored {
    fn from(settings: Settings) -> Self {
        Self {
            lang: settings.lang,
            recent_files: settings.recent_files,
            screen: Screen::Dashboard,
            last_screen: ron::to_string(&settings.screen).unwrap_or_default(),
            period: settings.period.map(|p| p.to_string()).unwrap_or_default(),
            studio_names: settings.studio_names,
            theme: match settings.theme {
                egui::ThemePreference::Light => "light",
                egui::ThemePreference::Dark => "dark",
                egui::ThemePreference::System => "",
            }
            .to_owned(),
            actor: settings.actor,
        }
    }
}

impl Settings {
    /// The key under which eframe stores these settings.
    pub const STORAGE_KEY: &'static str = "secretary-studio-settings";

    /// Puts `path` at the top of the recent files.
    pub fn remember_file(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
        let recent = &self.recent_files;
        self.studio_names.retain(|p, _| recent.contains(p));
    }

    /// How 最近打开 lists `path`: its studio's name (with the file's name when two recent
    /// files hold studios of the same name), else the file's name.
    pub fn recent_label(&self, path: &Path) -> String {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match self.studio_names.get(path) {
            Some(name)
                if self
                    .recent_files
                    .iter()
                    .filter(|p| self.studio_names.get(*p) == Some(name))
                    .count()
                    > 1 =>
            {
                format!("{name}（{file}）")
            }
            Some(name) => name.clone(),
            None => file,
        }
    }
}

/// Where studio files live by default: the user's data folder.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("cn", "SecretaryStudio", "secretary-studio")
        .map(|dirs| dirs.data_dir().to_owned())
}

/// The default studio file, created with the demo studio on first run.
pub fn default_database_path() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join("studio.db"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screen_a_later_version_added_reads_as_the_overview_and_keeps_the_rest() {
        let saved = Settings {
            lang: Lang::En,
            recent_files: vec![PathBuf::from("村里.db")],
            screen: Screen::Session(crate::domain::SessionId(7)),
            period: crate::domain::period::Period::parse("2026-Q3").ok(),
            studio_names: [(
                PathBuf::from("村里.db"),
                "古城镇联村共建书记工作室".to_owned(),
            )]
            .into(),
            theme: egui::ThemePreference::Dark,
            actor: "刘芳".to_owned(),
        };
        let text = ron::to_string(&saved).expect("ron");
        assert_eq!(ron::from_str::<Settings>(&text).expect("read back"), saved);
        for later in ["Almanac", "Photo(3)", "Group((id: 2))"] {
            let text = text.replace("Session((7))", later);
            assert!(text.contains(later), "{text}");
            let read: Settings = ron::from_str(&text).expect("still read");
            assert_eq!(read.screen, Screen::Dashboard, "{later}");
            assert_eq!(read.lang, Lang::En, "{later}");
            assert_eq!(read.recent_files, saved.recent_files, "{later}");
        }
    }

    #[test]
    fn settings_written_by_earlier_versions_are_read() {
        let earlier = r#"(lang:En,recent_files:["村里.db"],screen:Problems)"#;
        let read: Settings = ron::from_str(earlier).expect("read");
        assert_eq!(read.lang, Lang::En);
        assert_eq!(read.screen, Screen::Problems);
        assert_eq!(read.recent_files, [PathBuf::from("村里.db")]);
    }

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut settings = Settings::default();
        for i in 0..10 {
            settings.remember_file(Path::new(&format!("{i}.db")));
        }
        settings.remember_file(Path::new("5.db"));
        assert_eq!(settings.recent_files.len(), RECENT_FILES);
        assert_eq!(settings.recent_files[0], Path::new("5.db"));
        assert_eq!(
            settings
                .recent_files
                .iter()
                .filter(|p| *p == Path::new("5.db"))
                .count(),
            1
        );
    }
}
