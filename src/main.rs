//! Secretary Studio: runs the app, or a batch command (see `--help`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use secretary_studio::cli::{self, Invocation};
use secretary_studio::{App, i18n::Lang, settings};
use std::process::ExitCode;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    match cli::parse(std::env::args_os().skip(1), Lang::for_cli()) {
        Ok(Invocation::Gui { db }) => run_gui(db, started),
        Ok(Invocation::Command(command)) => {
            let mut stdout = std::io::stdout().lock();
            match cli::run(command, &mut stdout) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("secretary-studio: {message}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(message) => {
            eprintln!("secretary-studio: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_gui(db: Option<std::path::PathBuf>, started: std::time::Instant) -> ExitCode {
    show_panics_in_a_dialog();
    let mut viewport = egui::ViewportBuilder::default().with_title("书记工作室");
    if let Ok(icon) =
        eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon/secretary-studio.png"))
    {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            // Fits a 1366 × 768 office laptop with its taskbar and the window's title bar, so
            // the status line (with Undo) is never below the screen.
            .with_inner_size([1200.0, 660.0])
            .with_min_inner_size([900.0, 560.0]),
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    let result = eframe::run_native(
        "secretary-studio",
        options,
        Box::new(move |cc| {
            secretary_studio::look::install(&cc.egui_ctx);
            let saved: Option<settings::Settings> = cc
                .storage
                .and_then(|s| eframe::get_value(s, settings::Settings::STORAGE_KEY));
            let settings = saved.unwrap_or_default();
            let (store, error) = secretary_studio::app::open_at_start(
                db.as_deref(),
                &settings,
                settings::default_database_path(),
            );
            let mut app = App::new(store, settings);
            // What is being typed is kept on disk, and put back after a crash.
            if let Some(folder) = settings::data_dir() {
                app.keep_drafts_in(folder.join("drafts.ron"));
            }
            // Opening a screen of a big studio reads on another thread; the window goes on.
            app.load_in_background(cc.egui_ctx.clone());
            if let Some(error) = error {
                app.show_error(error);
            }
            if std::env::var_os("SECRETARY_STUDIO_EXIT_AFTER_FIRST_FRAME").is_some() {
                app.report_first_frame(started);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let lang = Lang::from_system();
            error_dialog(&format!("{}: {error}", lang.say_cannot_start_window()));
            ExitCode::FAILURE
        }
    }
}

/// Says `message` on stderr and in a system message box: a program started from the Start
/// menu has no terminal to print to.
fn error_dialog(message: &str) {
    eprintln!("secretary-studio: {message}");
    let _ = rfd::MessageDialog::new()
        .set_title(Lang::from_system().app_title())
        .set_description(message)
        .set_level(rfd::MessageLevel::Error)
        .show();
}

/// A fault in the window's own thread ends the program; it is said in a message box, with the
/// reassurance that every saved change is in the file (each write is one transaction). Faults
/// on worker threads are reported by the window itself and keep it running.
fn show_panics_in_a_dialog() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        default_hook(info);
        if std::thread::current().name() != Some("main") {
            return;
        }
        let lang = Lang::from_system();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        error_dialog(&format!(
            "{}\n\n{what}\n({place})",
            lang.say_program_hit_fault_must()
        ));
    }));
}
