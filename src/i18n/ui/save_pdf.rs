//! The labels of the save-as-PDF dialog (`ui/save_pdf.rs`).

use crate::i18n::Lang;

texts! {
    save_pdf_title: "另存为 PDF", "Save as PDF";
    save_action: "保存", "Save";
    folder_missing: "文件夹不存在（U 盘是否已拔出？）", "The folder does not exist (was the USB stick pulled out?)";
}
