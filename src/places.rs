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

/// This computer's name as the system knows it (`COMPUTERNAME` on Windows, the host name
/// elsewhere), or empty.
pub fn computer_name() -> String {
    let from_env = ["COMPUTERNAME", "HOSTNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok())
        .filter(|name| !name.trim().is_empty());
    from_env
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|name| name.trim().chars().take(64).collect())
        .unwrap_or_default()
}
