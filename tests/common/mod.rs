//! Shared test helpers: a studio file with the demo, and the app in a kittest harness with the
//! app's own CJK font (loaded exactly as the app loads it).
#![allow(dead_code)]

pub mod practice;

use chrono::NaiveDate;
use egui_kittest::Harness;
use secretary_studio::App;
use secretary_studio::i18n::Lang;
use secretary_studio::settings::Settings;
use secretary_studio::store::Store;
use secretary_studio::ui::Screen;
use std::path::{Path, PathBuf};

/// The date tests treat as today.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date")
}

/// A new studio file holding the demo studio, in `folder`.
pub fn demo_file(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    Store::create_with(
        &path,
        secretary_studio::demo::DEMO_STUDIO,
        "古城镇",
        secretary_studio::demo::seed,
    )
    .expect("demo studio");
    path
}

/// A studio in memory holding the demo roster (areas, branches, 20 secretaries).
pub fn demo_store() -> Store {
    let mut store = Store::open_in_memory("古城镇").expect("store");
    secretary_studio::demo::seed(&mut store).expect("demo roster");
    store
}

/// The demo roster with a year of sessions and problems before [`today`].
pub fn ledger_store() -> Store {
    let mut store = demo_store();
    secretary_studio::demo::seed_ledger(&mut store, today()).expect("demo ledger");
    store
}

/// The whole demo studio: roster, ledger and the five systems' records.
pub fn systems_store() -> Store {
    let mut store = ledger_store();
    secretary_studio::demo::seed_systems(&mut store, today()).expect("demo systems");
    store
}

/// A new studio file holding the whole demo studio (as the app's first start writes it).
pub fn full_demo_file(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    Store::create_with(
        &path,
        secretary_studio::demo::DEMO_STUDIO,
        "古城镇",
        |store| secretary_studio::demo::seed_all(store, today()),
    )
    .expect("demo studio");
    path
}

/// The app on `store`, in Chinese, on `screen`, in a 1280 × 800 harness.
pub fn harness(store: Store, screen: Screen) -> Harness<'static, App> {
    harness_in(store, screen, Lang::Zh)
}

/// The app on `store` in `lang`.
pub fn harness_in(store: Store, screen: Screen, lang: Lang) -> Harness<'static, App> {
    let settings = Settings {
        lang,
        screen,
        period: None,
        studio_names: std::collections::BTreeMap::new(),
        theme: egui::ThemePreference::System,
        recent_files: Vec::new(),
        actor: String::new(),
    };
    let app = App::new(store, settings).with_today(today());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(secretary_studio::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    harness.run();
    harness
}

/// Lets long work the app started (a printout, an export) finish on its worker thread, drawing
/// frames meanwhile as the window would.
pub fn wait_for_work(harness: &mut Harness<'static, App>) {
    let started = std::time::Instant::now();
    // The click is taken (and the work started) in the next frame.
    harness.step();
    while harness.state().is_busy() {
        assert!(
            started.elapsed() < std::time::Duration::from_mins(2),
            "the work did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    // A frame or two for what the result changes; the worker's wake-up may still arrive.
    harness.run_steps(2);
}

/// SHA-like fingerprint of a file's bytes (the whole content, for "unchanged" checks).
pub fn bytes_of(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

/// Types `text` into the text field labelled `label`, as a user would: click into it, select
/// what is there, type.
pub fn type_into(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable;
    // A passphrase field is a text field whose letters are hidden.
    let role = [
        egui::accesskit::Role::PasswordInput,
        egui::accesskit::Role::MultilineTextInput,
    ]
    .into_iter()
    .find(|role| harness.query_by_role_and_label(*role, label).is_some())
    .unwrap_or(egui::accesskit::Role::TextInput);
    harness.get_by_role_and_label(role, label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

/// Opens the combo box named `combo` and picks the option showing `option`.
pub fn pick(harness: &mut Harness<'static, App>, combo: &str, option: &str) {
    use egui_kittest::kittest::Queryable;
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .click();
    harness.run();
    harness
        .get_all_by_label(option)
        .last()
        .expect("option")
        .click();
    harness.run();
}

/// File → `item`, then types `path` into the dialog's path field.
pub fn file_menu_path(harness: &mut Harness<'static, App>, item: &str, path: &Path) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
    type_into(harness, "文件路径", &path.display().to_string());
}
