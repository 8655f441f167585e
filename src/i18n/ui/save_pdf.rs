//! The labels of the save-as-PDF dialog (`ui/save_pdf.rs`).

use crate::i18n::Lang;

texts! {
    save_pdf_title: "另存为 PDF", "Save as PDF";
    save_word_title: "另存为 Word", "Save as Word";
    save_as_pdf_choice: "PDF（打印、存档）", "PDF (to print and file)";
    save_as_word_choice: "Word（公文格式，可修改）", "Word (official format, to edit)";
    save_action: "保存", "Save";
    folder_missing: "文件夹不存在（U 盘是否已拔出？）", "The folder does not exist (was the USB stick pulled out?)";
}
