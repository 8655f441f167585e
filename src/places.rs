//! The user's own folders, as the system names them (Documents may be 文档 or on another drive).
//! Imports nothing of ours.

use std::path::{Path, PathBuf};

/// The user's documents folder (or, without one, the home folder): where printouts go and
/// where file choices start.
pub fn documents_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let home = dirs.home_dir().to_owned();
    Some(
        dirs.document_dir()
            .map(Path::to_owned)
            .or_else(|| Some(home.join("Documents")))
            .filter(|dir| dir.is_dir())
            .unwrap_or(home),
    )
}

/// `name` made fit for a file name on Windows too: no \ / : * ? " < > | or control
/// characters (each becomes `_`).
pub fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}
