//! The labels of the question about unsaved work and of kept drafts (`ui/drafts.rs`).

use crate::i18n::Lang;

texts! {
    unsaved_title: "有未保存的修改", "Unsaved changes";
    unsaved_form: "正在填写的表单", "The form being filled in";
    dont_save: "不保存", "Don't save";
}

impl Lang {
    /// Asks whether to save `what` before leaving it.
    pub fn unsaved_question(self, what: &str) -> String {
        match self {
            Self::Zh => format!("{what}还没有保存。要先保存吗？"),
            Self::En => format!("{what} is not saved yet. Save it first?"),
        }
    }

    /// Says that typed work from before a crash was put back.
    pub fn drafts_restored(self, what: &str) -> String {
        match self {
            Self::Zh => format!("上次没有保存就关闭了，已恢复：{what}。请检查后保存。"),
            Self::En => format!(
                "The app closed last time before this was saved; it is back: {what}. Check it and save."
            ),
        }
    }

    /// Says that typed work could not be kept on disk.
    pub fn drafts_not_kept(self, error: &str) -> String {
        match self {
            Self::Zh => format!("无法把正在填写的内容暂存到磁盘（{error}）；请尽快保存。"),
            Self::En => {
                format!("What is being typed could not be kept on disk ({error}); save it soon.")
            }
        }
    }
}
