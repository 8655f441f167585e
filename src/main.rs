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
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("书记工作室")
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
            secretary_studio::fonts::install(&cc.egui_ctx);
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
            let message = format!(
                "{}: {error}",
                lang.pick("无法启动图形界面", "cannot start the window")
            );
            eprintln!("secretary-studio: {message}");
            let _ = rfd::MessageDialog::new()
                .set_title(lang.app_title())
                .set_description(message)
                .set_level(rfd::MessageLevel::Error)
                .show();
            ExitCode::FAILURE
        }
    }
}
