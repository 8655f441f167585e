//! Typed work not yet saved: the question asked before it is left behind (保存 / 不保存 /
//! 取消), and the copy kept on disk while it is typed, so that a crash or a pulled plug loses
//! nothing.

use crate::domain::SessionId;
use crate::domain::session::SessionDraft;
use crate::i18n::Lang;
use crate::ui::problems::ProblemDraft;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A form's typed work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Draft {
    /// The session form: a new session, or changes to session `editing`.
    Session {
        /// The session changed, if not a new one.
        editing: Option<SessionId>,
        /// The fields as typed.
        draft: Box<SessionDraft>,
    },
    /// The form raising a new problem.
    Problem(Box<ProblemDraft>),
    /// Another form with changes: asked about before it is left, not kept across a crash.
    #[serde(skip)]
    Unkept,
}

impl Draft {
    /// Whether the draft is kept on disk while it is typed.
    pub fn is_kept(&self) -> bool {
        !matches!(self, Self::Unkept)
    }

    /// What the draft is, in a few words ("新建活动“季度比拼”").
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Self::Session { editing, draft } => {
                let form = if editing.is_some() {
                    lang.edit_session()
                } else {
                    lang.new_session()
                };
                quoted(form, &draft.topic)
            }
            Self::Problem(draft) => quoted(lang.raise_problem(), draft.title()),
            Self::Unkept => lang.unsaved_form().to_owned(),
        }
    }
}

fn quoted(form: &str, title: &str) -> String {
    if title.trim().is_empty() {
        form.to_owned()
    } else {
        format!("{form}“{}”", title.trim())
    }
}

/// The drafts kept on disk, with the studio file they belong to.
#[derive(Debug, Serialize, Deserialize)]
pub struct Kept {
    /// The studio file the drafts were typed for.
    pub studio: PathBuf,
    /// The drafts, one per form.
    pub drafts: Vec<Draft>,
}

/// Writes the drafts of `studio` into `path` whole (never half a file), or removes the file
/// when there are none.
pub fn keep(path: &Path, studio: &Path, drafts: &[Draft]) -> Result<(), String> {
    let drafts: Vec<Draft> = drafts.iter().filter(|d| d.is_kept()).cloned().collect();
    if drafts.is_empty() {
        return match std::fs::remove_file(path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.to_string()),
            _ => Ok(()),
        };
    }
    let kept = Kept {
        studio: studio.to_owned(),
        drafts,
    };
    let text = ron::ser::to_string_pretty(&kept, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
    }
    crate::durable::write_whole(path, text.as_bytes()).map_err(|e| e.to_string())
}

/// The drafts kept in `path` for `studio`, if any (a file for another studio, or one that
/// does not read, gives none and is left alone).
pub fn kept_for(path: &Path, studio: &Path) -> Vec<Draft> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    match ron::from_str::<Kept>(&text) {
        Ok(kept) if kept.studio == studio => kept.drafts,
        _ => Vec::new(),
    }
}

/// What the user answered when asked about unsaved work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// 保存: save it, then go on.
    Save,
    /// 不保存: drop it and go on.
    Discard,
    /// 取消: stay with the form.
    Stay,
}

/// The question before typed work is left behind; `None` until answered.
pub fn ask(ctx: &egui::Context, lang: Lang, draft: &Draft) -> Option<Answer> {
    let mut answer = None;
    let modal = crate::ui::widgets::message_box("unsaved-question").show(ctx, |ui| {
        ui.set_width(380.0);
        // Long text wraps inside; the dialog never runs past the window's edge.
        ui.set_max_width(380.0);
        ui.heading(lang.unsaved_title());
        ui.add_space(6.0);
        ui.label(lang.unsaved_question(&draft.describe(lang)));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(lang.save()).clicked() || super::widgets::enter_confirms(ui) {
                answer = Some(Answer::Save);
            }
            if ui.button(lang.dont_save()).clicked() {
                answer = Some(Answer::Discard);
            }
            if ui.button(lang.cancel()).clicked() {
                answer = Some(Answer::Stay);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Answer::Stay);
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_kept_whole_for_their_studio_and_removed_when_none_are_left() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("草稿.ron");
        let studio = folder.path().join("古城镇.db");
        let mut draft =
            SessionDraft::new(chrono::NaiveDate::from_ymd_opt(2026, 5, 20).expect("day"));
        draft.topic = "季度比拼".to_owned();
        let drafts = vec![
            Draft::Session {
                editing: None,
                draft: Box::new(draft),
            },
            Draft::Unkept,
        ];
        keep(&path, &studio, &drafts).expect("kept");
        assert_eq!(kept_for(&path, &studio), drafts[..1]);
        assert!(
            kept_for(&path, &folder.path().join("别的.db")).is_empty(),
            "another studio's drafts are not offered"
        );
        keep(&path, &studio, &[Draft::Unkept]).expect("nothing to keep");
        assert!(!path.exists());
        std::fs::write(&path, "不是草稿").expect("write");
        assert!(
            kept_for(&path, &studio).is_empty(),
            "a damaged file gives none"
        );
    }
}
