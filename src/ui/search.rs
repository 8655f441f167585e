//! 查找 (Ctrl+K): one search over secretaries, sessions, problems and experience notes, by
//! text or pinyin initials, that jumps to the record.

use super::data::Memo;
use super::{Command, Screen, ViewContext};
use crate::domain::search::SearchKey;
use crate::i18n::Lang;
use crate::store::Store;
use egui::{RichText, Ui};

/// How many matches are listed.
const LISTED: usize = 30;

/// How many of each kind come first.
const LISTED_PER_KIND: usize = 6;

/// What a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A secretary on the roster.
    Secretary,
    /// A session.
    Session,
    /// A problem.
    Problem,
    /// An experience note or a notice.
    Note,
}

/// One thing that can be found: what it is, how it reads, where it leads.
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// How it is listed (a name, a date and topic, a title).
    pub label: String,
    /// What is matched: its label and, for a note or a session, the words in it.
    key: SearchKey,
    /// The text matched as it is (notes and discussions), for words inside.
    text: String,
    /// Where choosing it goes.
    pub screen: Screen,
}

/// Everything the search looks through, built once per store generation.
fn load(store: &Store, (): &()) -> crate::store::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for e in store.roster()? {
        entries.push(Entry {
            kind: Kind::Secretary,
            label: format!("{}　{}", e.fields.name, e.branch_name),
            key: SearchKey::new(&e.fields.name),
            text: String::new(),
            screen: Screen::Secretary(e.id),
        });
    }
    for s in store.sessions()? {
        entries.push(Entry {
            kind: Kind::Session,
            label: format!(
                "{}　{}",
                s.fields.held_on.format("%Y-%m-%d"),
                s.fields.topic
            ),
            key: SearchKey::new(&s.fields.topic),
            text: format!("{} {}", s.fields.place, s.fields.discussion),
            screen: Screen::Session(s.id),
        });
    }
    for p in store.problems()? {
        entries.push(Entry {
            kind: Kind::Problem,
            // Its day first, as a session's: a problem raised again in another year differs.
            label: format!(
                "{}　{}",
                p.fields.raised_on.format("%Y-%m-%d"),
                p.fields.title
            ),
            key: SearchKey::new(&p.fields.title),
            text: format!("{} {}", p.fields.description, p.fields.responsible),
            screen: Screen::Problem(p.id),
        });
    }
    let notes = store
        .notes()?
        .into_iter()
        .map(|n| (n.fields.title, n.fields.text));
    let notices = store
        .notices()?
        .into_iter()
        .map(|n| (n.fields.title, n.fields.text));
    for (title, text) in notes.chain(notices) {
        entries.push(Entry {
            kind: Kind::Note,
            key: SearchKey::new(&title),
            label: title,
            text,
            screen: Screen::Communicate,
        });
    }
    Ok(entries)
}

/// The entries `query` finds, names and titles first, then words inside.
pub fn find<'e>(entries: &'e [Entry], query: &str) -> Vec<&'e Entry> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<&Entry> = entries.iter().filter(|e| e.key.matches(query)).collect();
    found.extend(
        entries
            .iter()
            .filter(|e| !e.key.matches(query) && e.text.contains(query)),
    );
    // Every kind that has a hit shows among the first: a word found in fifty sessions'
    // titles does not push the one problem of that name out of the list.
    let mut shown_of = std::collections::HashMap::new();
    let (mut first, mut rest): (Vec<&Entry>, Vec<&Entry>) = (Vec::new(), Vec::new());
    for entry in found {
        let shown = shown_of.entry(entry.kind).or_insert(0);
        *shown += 1;
        if *shown <= LISTED_PER_KIND {
            first.push(entry);
        } else {
            rest.push(entry);
        }
    }
    first.sort_by_key(|e| e.kind);
    first.extend(rest);
    first
}

/// The search dialog.
#[derive(Default)]
pub struct SearchDialog {
    query: String,
    entries: Memo<(), Vec<Entry>>,
    opened: bool,
}

impl SearchDialog {
    /// Draws the dialog; returns where to go, and whether it was closed.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> (Option<Command>, bool) {
        let lang = ctx.lang;
        let mut command = None;
        let mut closed = false;
        self.entries.refresh(ctx, &(), load);
        let modal = crate::ui::widgets::modal("global-search").show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            // Long text wraps inside; the dialog never runs past the window's edge.
            ui.set_max_width(560.0);
            ui.heading(lang.search_everything());
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(lang.search_everything_hint())
                    .desired_width(f32::INFINITY),
            );
            let field = super::widgets::name_text_field(field, lang.search_everything());
            if !self.opened {
                self.opened = true;
                field.request_focus();
            }
            let enter = super::widgets::submitted(&field);
            ui.add_space(6.0);
            let Some(Ok(entries)) = self.entries.get(&()) else {
                super::data::waiting(ui, lang);
                return;
            };
            let found = find(entries, &self.query);
            if found.is_empty() && !self.query.trim().is_empty() {
                ui.label(RichText::new(lang.search_nothing()).weak());
            }
            egui::ScrollArea::vertical()
                .max_height(380.0)
                // Inside a box the room below is not known: as tall as the rows, up to this.
                .min_scrolled_height(380.0)
                .show(ui, |ui| {
                    for (n, entry) in found.iter().take(LISTED).enumerate() {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(kind_name(lang, entry.kind)).weak());
                            if ui.link(&entry.label).clicked() || (n == 0 && enter) {
                                command = Some(Command::Navigate(entry.screen));
                            }
                        });
                    }
                    if found.len() > LISTED {
                        ui.label(RichText::new(lang.search_more(found.len() - LISTED)).weak());
                    }
                });
        });
        if command.is_some() || modal.should_close() {
            closed = true;
        }
        (command, closed)
    }
}

fn kind_name(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::Secretary => lang.search_kind_secretary(),
        Kind::Session => lang.search_kind_session(),
        Kind::Problem => lang.search_kind_problem(),
        Kind::Note => lang.search_kind_note(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_by_pinyin_and_titles_and_words_inside() {
        let store = Store::open_in_memory("古城镇").expect("store");
        let mut store = store;
        crate::demo::seed_all(
            &mut store,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("day"),
        )
        .expect("demo");
        let entries = load(&store, &()).expect("entries");
        let kinds = |q: &str| -> Vec<Kind> { find(&entries, q).iter().map(|e| e.kind).collect() };
        assert_eq!(
            find(&entries, "wjg")[0].label.split('　').next(),
            Some("王建国")
        );
        assert!(kinds("冷库").contains(&Kind::Problem));
        // A word in many sessions' titles leaves room for the problem named by it.
        let cold_store = kinds("冷库");
        assert!(
            cold_store.iter().filter(|k| **k == Kind::Session).count() > LISTED_PER_KIND,
            "{cold_store:?}"
        );
        assert!(
            cold_store[..LISTED].contains(&Kind::Problem)
                && cold_store[..LISTED_PER_KIND * 2].contains(&Kind::Problem),
            "{cold_store:?}"
        );
        assert!(kinds("食用菌").contains(&Kind::Session));
        assert!(find(&entries, "").is_empty());
        assert!(find(&entries, "没有这样的字").is_empty());
    }
}
