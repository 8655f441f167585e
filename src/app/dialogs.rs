//! The dialogs the shell opens over a screen, one at a time.

use crate::store::merge::MergePreview;
use crate::ui::backups::BackupsDialog;
use crate::ui::export::ExportDialog;
use crate::ui::file_dialog::PathDialog;
use crate::ui::import::ImportDialog;
use crate::ui::save_pdf::SavePdfDialog;
use crate::ui::{Command, ViewContext};

/// The dialog open over the screen.
pub(super) enum Dialog {
    /// Where to create, open, share, merge or copy a studio file.
    Path(PathDialog),
    /// 备份…: the backups of the open file, to restore one.
    Backups(BackupsDialog),
    /// A merge read and planned, for the user to confirm.
    MergePreview(Box<MergePreview>),
    /// 另存为 PDF…: where to write a document.
    SavePdf(SavePdfDialog),
    /// 导出台账…
    Export(ExportDialog),
    /// 导入花名册…
    Import(ImportDialog),
    /// 导入百人团人员…
    PeopleImport(crate::ui::people_import::PeopleImportDialog),
    /// 查找 (Ctrl+K).
    Search(crate::ui::search::SearchDialog),
    /// 文书格式… or 导出年度档案….
    Documents(crate::ui::documents::DocumentsDialog),
}

impl Dialog {
    /// Draws the dialog; returns what it asks for and whether it is closed.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>) -> (Option<Command>, bool) {
        let lang = ctx.lang;
        match self {
            Self::Path(dialog) => dialog.ui(ui, lang),
            Self::Backups(dialog) => dialog.ui(ui, lang),
            // Closed by the command it returns (confirm or cancel).
            Self::MergePreview(preview) => {
                (crate::ui::merge::preview_dialog(ui, lang, preview), false)
            }
            Self::SavePdf(dialog) => dialog.ui(ui, lang),
            Self::Export(dialog) => dialog.ui(ui, lang, ctx.today),
            Self::Import(dialog) => dialog.ui(ui, ctx),
            Self::PeopleImport(dialog) => dialog.ui(ui, ctx),
            Self::Search(dialog) => dialog.ui(ui, ctx),
            Self::Documents(dialog) => dialog.ui(ui, lang),
        }
    }
}
