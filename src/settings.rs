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
#[serde(default)]
pub struct Settings {
    /// The interface language.
    pub lang: Lang,
    /// Studio files opened recently, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The screen shown last.
    pub screen: Screen,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::from_system(),
            recent_files: Vec::new(),
            screen: Screen::Dashboard,
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
