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
    for (label, printable) in documents {
        if ui.button(*label).clicked() {
            commands.push(super::Command::Print(*printable));
        }
    }
    match documents {
        [(_, printable)] => {
            if ui.button(lang.save_pdf()).clicked() {
                commands.push(super::Command::AskSavePdf(*printable));
            }
        }
        _ => {
            ui.menu_button(lang.save_pdf(), |ui| {
                for (_, printable) in documents {
                    if ui.button(printable.title(lang)).clicked() {
                        commands.push(super::Command::AskSavePdf(*printable));
                        ui.close();
                    }
                }
            });
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
/// its accessible name.
pub fn combo<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    label: &str,
    value: &mut Option<T>,
    options: &[T],
    none_label: Option<&str>,
    name: impl Fn(T) -> String,
) -> bool {
    let mut changed = false;
    let selected = value.map_or_else(|| none_label.unwrap_or("").to_owned(), &name);
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            if let Some(none_label) = none_label {
                changed |= ui.selectable_value(value, None, none_label).changed();
            }
            for option in options {
                changed |= ui
                    .selectable_value(value, Some(*option), name(*option))
                    .changed();
            }
        });
    let enabled = ui.is_enabled();
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, label));
    changed
}

/// Whether Enter was pressed in this (single-line) text field.
pub fn submitted(response: &egui::Response) -> bool {
    response.lost_focus() && response.ctx.input(|i| i.key_pressed(egui::Key::Enter))
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

/// The window every form is shown in: centred, of fixed size, never collapsed. A window and
/// not a modal, so drop-down lists open above it and a stray click outside loses nothing.
pub fn form_window(ui: &Ui, title: &str, id: &str, width: f32, add_contents: impl FnOnce(&mut Ui)) {
    egui::Window::new(title)
        .id(egui::Id::unique(id))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            ui.set_width(width);
            add_contents(ui);
        });
}

/// A period typed as `2021-Q3`, `2021-H1`, `2021` or `2021-05`, labelled; says beside it when
/// the text is not a period. Returns the period when it reads.
pub fn period_field(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    text: &mut String,
) -> Option<crate::domain::period::Period> {
    let label = ui.label(lang.period());
    ui.add(
        egui::TextEdit::singleline(text)
            .hint_text("2021-Q3")
            .desired_width(90.0),
    )
    .labelled_by(label.id);
    let period = crate::domain::period::Period::parse(text).ok();
    if period.is_none() {
        ui.colored_label(ERROR_RED, lang.period_hint());
    }
    period
}

/// The secretaries in office, in roster order, for drop-down lists.
pub fn in_office(roster: &[crate::domain::RosterEntry]) -> Vec<crate::domain::SecretaryId> {
    roster
        .iter()
        .filter(|e| !e.fields.archived)
        .map(|e| e.id)
        .collect()
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
