//! The labels of the in-app folder browser (`ui/browse.rs`).

use crate::i18n::Lang;

texts! {
    browse: "浏览…", "Browse…";
    browse_no_system_dialog: "这台电脑没有可用的系统文件对话框：请在下面选文件夹和文件，或直接输入路径。", "No system file dialog is available here: choose the folder and file below, or type the path.";
    browse_up: "上一级", "Up";
    browse_use_folder: "选用这个文件夹", "Use this folder";
    browse_home: "主目录", "Home";
    browse_documents: "文档", "Documents";
    browse_desktop: "桌面", "Desktop";
    browse_root: "根目录 /", "Root /";
    browse_location: "位置：", "Folder: ";
    browse_empty: "（这里没有文件夹，也没有这类文件）", "(no folders here, and no files of this kind)";
}
