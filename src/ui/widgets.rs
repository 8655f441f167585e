//! Small shared widgets.

use egui::{Color32, RichText, Ui};

/// A screen's print buttons: per document "Print …" (written into the documents folder and
/// opened in the viewer), then "Save PDF…", which asks where (a menu of the documents when
/// there are several).
pub fn print_buttons(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    documents: &[(&str, crate::print::Printable)],
    commands: &mut Vec<super::Command>,
) {
    // Ctrl+P prints the screen's first document.
    let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::P);
    let keyed = ui.input_mut(|i| i.consume_shortcut(&shortcut));
    for (n, (label, printable)) in documents.iter().enumerate() {
        let mut button = ui.button(*label);
        if n == 0 {
            button = button.on_hover_text("Ctrl+P");
        }
        if button.clicked() || (n == 0 && keyed) {
            commands.push(super::Command::Print(*printable));
        }
    }
    for (label, format) in [
        (lang.save_pdf(), crate::print::DocFormat::Pdf),
        (lang.save_word(), crate::print::DocFormat::Word),
    ] {
        match documents {
            [(_, printable)] => {
                if ui.button(label).clicked() {
                    commands.push(super::Command::AskSavePdf(*printable, format));
                }
            }
            _ => {
                ui.menu_button(label, |ui| {
                    for (_, printable) in documents {
                        if ui.button(printable.title(lang)).clicked() {
                            commands.push(super::Command::AskSavePdf(*printable, format));
                            ui.close();
                        }
                    }
                });
            }
        }
    }
}

/// The red used for validation messages.
pub const ERROR_RED: Color32 = Color32::from_rgb(200, 40, 40);

/// A labelled single-line text field, findable by its label; an error, if any, shows beside it.
pub fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    error: Option<&str>,
) -> egui::Response {
    let label_response = ui.label(label);
    let response = ui
        .horizontal(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(260.0),
            );
            if let Some(error) = error {
                ui.label(RichText::new(error).color(ERROR_RED));
            }
            response
        })
        .inner
        .labelled_by(label_response.id);
    ui.end_row();
    response
}

/// A labelled combo box choosing one of `options` (or none, shown as `none_label`).
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    value: &mut Option<T>,
    options: &[T],
    none_label: Option<&str>,
    name: impl Fn(T) -> String,
) -> bool {
    ui.label(label);
    combo(ui, id_salt, label, value, options, none_label, name)
}

/// A combo box without a visible label (in a table row under its column header); `label` is
/// its accessible name. A long list (people, branches) opens with a filter field in focus —
/// type a name or its pinyin initials, Enter takes the first match — and the chosen one in view.
pub fn combo<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    value: &mut Option<T>,
    options: &[T],
    none_label: Option<&str>,
    name: impl Fn(T) -> String,
) -> bool {
    let selected = value.map_or_else(|| none_label.unwrap_or("").to_owned(), &name);
    let mut picked = None;
    let response = filtered_popup(ui, id_salt, label, selected, options.len(), |ui, pick| {
        if let Some(none_label) = none_label
            && pick.offer(ui, none_label, value.is_none())
        {
            picked = Some(None);
        }
        for option in options {
            if pick.offer(ui, &name(*option), *value == Some(*option)) {
                picked = Some(Some(*option));
            }
        }
    });
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, label));
    match picked {
        Some(new) if new != *value => {
            *value = new;
            true
        }
        _ => false,
    }
}

/// A labelled name field for someone who may or may not be on the roster (a host, a
/// recorder): picked from `names` like a combo box, or typed when the person is an outsider.
pub fn name_picker(ui: &mut Ui, id_salt: &str, label: &str, value: &mut String, names: &[String]) {
    ui.label(label);
    name_pick(ui, id_salt, label, value, names);
    ui.end_row();
}

/// [`name_picker`] without its row: the picker alone, named `label` for screen readers and
/// tests (two of them share a row).
pub fn name_pick(ui: &mut Ui, id_salt: &str, label: &str, value: &mut String, names: &[String]) {
    let mut picked = None;
    let response = filtered_popup(ui, id_salt, label, value.clone(), usize::MAX, |ui, pick| {
        for name in names {
            if pick.offer(ui, name, name == value) {
                picked = Some(name.clone());
            }
        }
        let typed = pick.filter.trim().to_owned();
        if !typed.is_empty() && !names.contains(&typed) && pick.offer_typed(ui, &typed) {
            picked = Some(typed);
        }
    });
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, label));
    if let Some(name) = picked {
        *value = name;
    }
}

/// Lists longer than this get a filter field.
const FILTER_FROM: usize = 8;

/// What a filtered popup's contents offer their options through.
pub struct Pick {
    /// What was typed into the filter field.
    pub filter: String,
    /// The popup opened this frame: the chosen option scrolls into view.
    just_opened: bool,
    /// Enter was pressed in the filter field: the first option shown is taken.
    enter: bool,
    /// Whether any option was shown yet.
    shown: bool,
    /// The option Enter takes, as the last frame found it: the first whose name or pinyin
    /// the filter starts (`jg` takes 菌菇… before 镇机关…), else the first shown.
    enter_takes: Option<String>,
    /// This frame's such option.
    best: Option<String>,
}

impl Pick {
    /// Shows `text` as an option if it matches the filter; true when it was chosen.
    pub fn offer(&mut self, ui: &mut Ui, text: &str, selected: bool) -> bool {
        if !self.filter.is_empty() {
            let key = crate::domain::search::SearchKey::new(text);
            if !key.matches(&self.filter) {
                return false;
            }
            if self.best.is_none() && key.matches_start(&self.filter) {
                self.best = Some(text.to_owned());
            }
        }
        self.show(ui, text, RichText::new(text), selected)
    }

    /// Shows the filter itself as an option (a name not on the list); true when chosen.
    pub fn offer_typed(&mut self, ui: &mut Ui, text: &str) -> bool {
        self.show(
            ui,
            text,
            RichText::new(format!("“{text}”")).italics(),
            false,
        )
    }

    fn show(&mut self, ui: &mut Ui, raw: &str, text: RichText, selected: bool) -> bool {
        let first = !self.shown;
        self.shown = true;
        let response = ui.selectable_label(selected, text);
        if self.just_opened && selected {
            response.scroll_to_me(Some(egui::Align::Center));
        }
        let takes = self
            .enter_takes
            .as_deref()
            .map_or(first, |takes| takes == raw);
        let chosen = response.clicked() || (takes && self.enter);
        if chosen {
            ui.close();
        }
        chosen
    }
}

/// A combo box whose popup, for more than a few options, starts with a filter field in focus.
fn filtered_popup(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    selected_text: String,
    count: usize,
    contents: impl FnOnce(&mut Ui, &mut Pick),
) -> egui::Response {
    // The id the combo box gives itself, to know whether its list is open.
    let combo_id = ui.make_persistent_id(egui::IdSalt::new(id_salt));
    let filter_id = combo_id.with("filter");
    let was_open = egui::ComboBox::is_open(ui.ctx(), combo_id);
    let filterable = count > FILTER_FROM;
    let mut combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected_text)
        .height(320.0);
    if filterable {
        // Clicking into the filter field must not close the list.
        combo = combo.close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    }
    let inner = combo.show_ui(ui, |ui| {
        let mut pick = Pick {
            filter: String::new(),
            just_opened: !was_open,
            enter: false,
            shown: false,
            enter_takes: None,
            best: None,
        };
        if filterable {
            let mut filter = ui
                .data(|d| d.get_temp::<String>(filter_id))
                .unwrap_or_default();
            let field = ui.add(
                egui::TextEdit::singleline(&mut filter)
                    .hint_text(crate::i18n::Lang::of(ui.ctx()).filter_hint())
                    .desired_width(f32::INFINITY),
            );
            let field = name_text_field(
                field,
                &format!(
                    "{label} · {}",
                    crate::i18n::Lang::of(ui.ctx()).filter_hint()
                ),
            );
            if !was_open {
                field.request_focus();
            }
            // Enter takes what the last frame found best for this very filter; a key typed
            // in the same frame as Enter makes that stale, and Enter waits one frame.
            let pending = ui
                .data(|d| d.get_temp::<bool>(filter_id.with("enter")))
                .unwrap_or(false);
            let typed_enter = submitted(&field);
            if typed_enter {
                // The Enter that picks from the list does not also confirm the form.
                ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
            }
            let enter = typed_enter || pending;
            let found: Option<(String, String)> = ui.data(|d| d.get_temp(filter_id.with("best")));
            match found {
                Some((for_filter, best)) if enter && for_filter == filter => {
                    pick.enter = true;
                    pick.enter_takes = (!best.is_empty()).then_some(best);
                    ui.data_mut(|d| d.remove::<bool>(filter_id.with("enter")));
                }
                _ if enter => {
                    ui.data_mut(|d| d.insert_temp(filter_id.with("enter"), true));
                    ui.ctx().request_repaint();
                }
                _ => {}
            }
            ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
            pick.filter = filter;
            ui.separator();
        }
        contents(ui, &mut pick);
        let best = (pick.filter.clone(), pick.best.take().unwrap_or_default());
        ui.data_mut(|d| d.insert_temp(filter_id.with("best"), best));
    });
    if was_open && !egui::ComboBox::is_open(ui.ctx(), combo_id) {
        ui.data_mut(|d| {
            d.remove::<String>(filter_id);
            d.remove::<bool>(filter_id.with("enter"));
        });
    }
    inner.response
}

/// A screen's search field, labelled 搜索; Ctrl+F puts the cursor in it.
pub fn search_field(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    text: &mut String,
    hint: &str,
    width: f32,
) -> egui::Response {
    let label = ui.label(lang.search());
    let response = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(width),
        )
        .labelled_by(label.id)
        .on_hover_text("Ctrl+F");
    let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::F);
    if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
        response.request_focus();
    }
    response
}

/// Whether Enter was pressed in this (single-line) text field.
pub fn submitted(response: &egui::Response) -> bool {
    response.lost_focus() && response.ctx.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Whether Enter was pressed to confirm a dialog: without a modifier, and with no widget
/// holding the key — a multi-line field keeps Enter for a new line and a focused button takes
/// it as its own click, while a one-line field lets go of the focus on Enter, so Enter typed
/// there confirms too.
pub fn enter_confirms(ui: &Ui) -> bool {
    ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.is_none())
        && ui.memory(|m| m.focused().is_none())
}

/// A heading for a screen.
pub fn screen_title(ui: &mut Ui, title: &str) {
    ui.heading(title);
    ui.add_space(4.0);
}

/// A small button showing `text` whose accessible name also says what it acts on (“编辑
/// 东坪村党支部”), so a screen reader — and a test — can tell the rows' buttons apart.
pub fn row_button(ui: &mut Ui, text: &str, target: &str) -> egui::Response {
    let response = ui.button(text);
    let name = format!("{text} {target}");
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
    response
}

/// Names a text field for screen readers (and tests) when no visible label stands beside it.
pub fn name_text_field(response: egui::Response, label: &str) -> egui::Response {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, enabled, label));
    response
}

/// A modal dialog, its top edge fixed below the menu bar: content that appears inside (a
/// message, a preview) grows it downwards instead of moving every field and button.
pub fn modal(id: &str) -> egui::Modal {
    modal_at(id, 60.0)
}

/// A message or question box: lower than a dialog, so a form's title beneath stays in view
/// above it instead of two titles on one another.
pub fn message_box(id: &str) -> egui::Modal {
    modal_at(id, 140.0)
}

fn modal_at(id: &str, top: f32) -> egui::Modal {
    let id = egui::Id::unique(id);
    egui::Modal::new(id)
        .area(egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, top]))
}

/// How far below the window's top a form opens: over the menu bar's middle (its menus are at
/// the left), so a session form fits a 768-pixel laptop screen whole.
const FORM_TOP: f32 = 8.0;

/// Where [`form_window`] notes the frame it last drew a form in.
const FORM_SHOWN: &str = "form-window-shown";

/// Whether a form window was drawn in this frame (Esc then closes it).
pub fn form_shown(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<u64>(egui::Id::unique(FORM_SHOWN))) == Some(ctx.cumulative_frame_nr())
}

/// A form shown in a window, which waits for the app to write what it saved.
pub trait FormWindow {
    /// Set while the app writes what the form saved.
    fn saving(&mut self) -> &mut bool;
}

/// After a write: a form that was saving closes if the write succeeded, and stays open (with
/// what was typed) if it failed.
pub fn close_after_write<F: FormWindow>(form: &mut Option<F>, succeeded: bool) {
    if let Some(open) = form {
        if succeeded && *open.saving() {
            *form = None;
        } else {
            *open.saving() = false;
        }
    }
}

/// The window every form is shown in: centred across, its top edge fixed (a message that
/// appears inside grows it downwards instead of moving every field), never collapsed. A window
/// and not a modal, so drop-down lists open above it and a stray click outside loses nothing.
pub fn form_window(ui: &Ui, title: &str, id: &str, width: f32, add_contents: impl FnOnce(&mut Ui)) {
    let frame = ui.ctx().cumulative_frame_nr();
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::unique(FORM_SHOWN), frame));
    let opened = ui
        .ctx()
        .data(|d| d.get_temp::<u64>(egui::Id::unique(id).with("shown")))
        .is_none_or(|last| last + 1 < frame);
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::unique(id).with("shown"), frame));
    // From near the top of the window to above the status line: the tallest a form can be
    // on a laptop with a taskbar before its fields scroll.
    let tallest = ui.ctx().content_rect().height() - FORM_TOP - 90.0;
    egui::Window::new(title)
        .id(egui::Id::unique(id))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, FORM_TOP])
        .default_height(tallest)
        .show(ui.ctx(), |ui| {
            ui.set_width(width);
            // Long text wraps inside; the dialog never runs past the window's edge.
            ui.set_max_width(width);
            // The bar beside the fields, not over their right edge.
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            // On a short screen the fields scroll inside the window instead of the buttons
            // falling off the bottom; a form opened again starts at its top.
            let mut area = egui::ScrollArea::vertical().max_height(tallest);
            if opened {
                area = area.vertical_scroll_offset(0.0);
            }
            area.show(ui, add_contents);
        });
}

/// The bar atop 比拼 and 激励: the shared period (a change is asked for as
/// [`super::Command::SetPeriod`]) and the screen's printouts of it.
pub fn period_bar(
    ui: &mut Ui,
    ctx: &super::ViewContext<'_>,
    documents: &[(&str, crate::print::Printable)],
    commands: &mut Vec<super::Command>,
) {
    ui.horizontal(|ui| {
        if let Some(picked) = period_picker(ui, ctx.lang, ctx.period, ctx.today) {
            commands.push(super::Command::SetPeriod(picked));
        }
        ui.separator();
        print_buttons(ui, ctx.lang, documents, commands);
    });
}

/// The period picker of 比拼 and 激励: a year and a part of it (全年, 上半年, 第三季度, 5月),
/// labelled; always a period, so nothing on the screen goes blank. Returns the period picked
/// this frame, if another.
fn period_picker(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    period: crate::domain::period::Period,
    today: chrono::NaiveDate,
) -> Option<crate::domain::period::Period> {
    use crate::domain::period::{Period, PeriodPart};
    use chrono::Datelike;
    ui.label(lang.period());
    let newest = today.year().max(period.year_number());
    let years: Vec<i32> = (newest.min(today.year() - 10)..=newest + 1).rev().collect();
    let mut year = Some(period.year_number());
    let mut part = Some(period.part());
    let year_changed = combo(
        ui,
        "period-year",
        lang.period_year(),
        &mut year,
        &years,
        None,
        |y| lang.year_name(y),
    );
    let part_changed = combo(
        ui,
        "period-part",
        lang.period_part_label(),
        &mut part,
        &PeriodPart::all(),
        None,
        |p| lang.period_part(p),
    );
    let picked = match (year, part) {
        (Some(year), Some(part)) if year_changed || part_changed => Period::of(year, part),
        _ => None,
    };
    // The period in words, with its days: what every chart and printout below is about.
    let shown = picked.unwrap_or(period);
    ui.label(
        RichText::new(format!(
            "{}（{} – {}）",
            lang.period_name(shown),
            shown.start.format("%Y-%m-%d"),
            shown.end.format("%Y-%m-%d")
        ))
        .strong(),
    );
    picked
}

/// The secretaries in office, in roster order, for drop-down lists.
pub fn in_office(roster: &[crate::domain::RosterEntry]) -> Vec<crate::domain::SecretaryId> {
    roster
        .iter()
        .filter(|e| !e.fields.archived)
        .map(|e| e.id)
        .collect()
}

/// A form's 保存 button: clicked, Ctrl+S pressed (⌘S on a Mac), or Enter typed in a one-line
/// field, while the form is open and not already saving.
pub fn save_button(ui: &mut Ui, lang: crate::i18n::Lang, saving: bool) -> bool {
    let clicked = ui
        .add_enabled(!saving, egui::Button::new(lang.save()))
        .on_hover_text("Ctrl+S · Enter")
        .clicked();
    clicked || (!saving && (save_requested(ui) || enter_confirms(ui)))
}

/// What was clicked on a form's last line.
#[derive(Debug, Clone, Copy, Default)]
pub struct FooterAction {
    /// 保存 (or Ctrl+S, or Enter in a one-line field).
    pub save: bool,
    /// 取消.
    pub cancel: bool,
}

/// A form's last line: 保存, 取消, and the error of the last save beside them.
pub fn form_footer(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    saving: bool,
    error: Option<&str>,
) -> FooterAction {
    ui.horizontal(|ui| {
        let save = save_button(ui, lang, saving);
        let cancel = ui.button(lang.cancel()).clicked();
        if let Some(error) = error {
            ui.colored_label(ERROR_RED, error);
        }
        FooterAction { save, cancel }
    })
    .inner
}

/// ◀ 2026年 ▶: steps a screen's year back and forth.
pub fn year_stepper(ui: &mut Ui, lang: crate::i18n::Lang, year: &mut i32) {
    ui.horizontal(|ui| {
        if ui.button("◀").on_hover_text(lang.previous_year()).clicked() {
            *year -= 1;
        }
        ui.strong(lang.year_label(*year));
        if ui.button("▶").on_hover_text(lang.next_year()).clicked() {
            *year += 1;
        }
    });
}

/// Whether the form drawn should save now: 保存 was answered to the question about unsaved
/// work, or Ctrl+S pressed (either is taken, so one form saves).
pub fn save_requested(ui: &Ui) -> bool {
    let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
    ui.data_mut(|d| d.remove_temp::<bool>(save_request_id()))
        .is_some()
        || ui.input_mut(|i| i.consume_shortcut(&shortcut))
}

/// Asks the form shown to save, as if its 保存 were clicked (the user answered 保存 to the
/// question about unsaved work).
pub fn request_save(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(save_request_id(), true));
    ctx.request_repaint();
}

fn save_request_id() -> egui::Id {
    egui::Id::unique("save-requested")
}

/// Whether Escape was pressed this frame (a form window closes, as a dialog would).
pub fn escape_pressed(ui: &Ui) -> bool {
    ui.input(|i| i.key_pressed(egui::Key::Escape))
}

/// The name paired with `id` in a list of choices (empty if not there).
pub fn name_in<T: PartialEq>(list: &[(T, String)], id: &T) -> String {
    list.iter()
        .find(|(i, _)| i == id)
        .map(|(_, n)| n.clone())
        .unwrap_or_default()
}

/// Tabs across the top of a screen; returns true when one was picked.
pub fn tabs<T: Copy + PartialEq>(ui: &mut Ui, current: &mut T, tabs: &[(T, &str)]) -> bool {
    let mut picked = false;
    ui.horizontal(|ui| {
        for (tab, label) in tabs {
            if ui.selectable_label(*current == *tab, *label).clicked() && *current != *tab {
                *current = *tab;
                picked = true;
            }
        }
    });
    ui.separator();
    picked
}
