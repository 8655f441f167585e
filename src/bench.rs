//! `secretary-studio bench`: the figures issues name, measured in-process (use a release
//! build). Times are reported, never asserted.

use crate::app::App;
use crate::import::{parse_roster, read_sheet};
use crate::settings::Settings;
use crate::store::Store;
use crate::ui::Screen;
use std::io::Write;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

/// A studio with the demo plus invented secretaries up to `secretaries`.
fn studio_with(secretaries: usize) -> crate::store::Result<Store> {
    let mut store = Store::open_in_memory(crate::demo::DEMO_STUDIO)?;
    crate::demo::seed(&mut store)?;
    crate::demo::add_many_secretaries(&mut store, secretaries.saturating_sub(20))?;
    Ok(store)
}

/// CPU time of one frame of `screen` (layout and tessellation, no GPU): the median of many.
pub fn frame_times(store: Store, screen: Screen, frames: usize) -> (Duration, Duration) {
    let settings = Settings {
        lang: crate::i18n::Lang::Zh,
        screen,
        period: None,
        studio_names: std::collections::BTreeMap::new(),
        theme: egui::ThemePreference::System,
        ..Settings::default()
    };
    // Inside the county file's years, so period screens show real data.
    let mut app = App::new(store, settings)
        .with_today(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default());
    let ctx = egui::Context::default();
    crate::fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    };
    let first = Instant::now();
    let output = ctx.run_ui(input(), |ui| app.ui(ui));
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    let first = first.elapsed();
    for _ in 0..10 {
        let output = ctx.run_ui(input(), |ui| app.ui(ui));
        let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    }
    let samples = (0..frames)
        .map(|_| {
            let start = Instant::now();
            let output = ctx.run_ui(input(), |ui| app.ui(ui));
            let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
            start.elapsed()
        })
        .collect();
    (first, median(samples))
}

/// One frame of `app` as the window draws it (layout and tessellation, no GPU); its time.
fn one_frame(ctx: &egui::Context, app: &mut App) -> Duration {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    };
    let start = Instant::now();
    let output = ctx.run_ui(input, |ui| app.ui(ui));
    let _ = ctx.tessellate(output.shapes, output.pixels_per_point);
    start.elapsed()
}

/// Draws frames until what the screen asked for is read and shown (or 20 s pass); returns
/// the longest frame and the time until the data was on screen.
fn frames_until_shown(ctx: &egui::Context, app: &mut App) -> (Duration, Duration) {
    let start = Instant::now();
    let mut longest = Duration::ZERO;
    let mut settled = 0;
    // Two quiet frames: one takes the result, the next draws what it changed.
    while settled < 2 && start.elapsed() < Duration::from_secs(20) {
        longest = longest.max(one_frame(ctx, app));
        if app.is_loading() {
            settled = 0;
            // As the window would, waiting for the loader to wake it.
            std::thread::sleep(Duration::from_millis(1));
        } else {
            settled += 1;
        }
    }
    (longest, start.elapsed())
}

/// For each screen of the county file, as the window runs it (data loaded on the loader's
/// thread): the longest frame on the window's thread when the screen opens and after a
/// write (any write makes every screen read again), the time until the data shows, and the
/// CPU of a frame once shown.
fn screen_stalls(path: &std::path::Path, out: &mut dyn Write) -> Result<(), String> {
    use crate::ui::{Change, Command};
    let io = |e: std::io::Error| e.to_string();
    let error = |e: crate::store::Error| e.to_string();
    let store = Store::open(path).map_err(error)?;
    let session = store.sessions().map_err(error)?.first().map(|s| s.id);
    let problem = store.problems().map_err(error)?.first().map(|p| p.id);
    let secretary = store.roster().map_err(error)?.first().map(|e| e.id);
    let base = store.bases().map_err(error)?.first().map(|b| b.id);
    let settings = Settings {
        lang: crate::i18n::Lang::Zh,
        screen: Screen::Dashboard,
        period: None,
        studio_names: std::collections::BTreeMap::new(),
        theme: egui::ThemePreference::System,
        ..Settings::default()
    };
    let mut app = App::new(store, settings)
        .with_today(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default());
    let ctx = egui::Context::default();
    crate::fonts::install(&ctx);
    app.load_in_background(ctx.clone());
    frames_until_shown(&ctx, &mut app);

    let mut screens = vec![
        (Screen::Dashboard, "dashboard 概览"),
        (Screen::Roster, "roster 花名册"),
        (Screen::Sessions, "sessions 活动台账"),
        (Screen::Problems, "problems 难题台账"),
        (Screen::Learn, "learn 学习"),
        (Screen::Help, "help 帮扶"),
        (Screen::Compare, "compare 比拼"),
        (Screen::Communicate, "communicate 交流"),
        (Screen::Incentivise, "incentivise 激励"),
        (Screen::AreasBranches, "areas 片区与支部"),
        (Screen::Review, "review 核对"),
        (Screen::League, "league 百人团"),
        (Screen::ThemeDays, "theme days 主题党日"),
        (Screen::Appraise, "check-ups 体检评议"),
        (Screen::Calendar, "calendar 日程"),
        (Screen::Bases, "bases 产业基地"),
        (Screen::Tasks, "tasks 两三三"),
        (Screen::Decisions, "decisions 四议两公开"),
    ];
    screens.extend(session.map(|id| (Screen::Session(id), "a session 活动")));
    screens.extend(problem.map(|id| (Screen::Problem(id), "a problem 难题")));
    screens.extend(secretary.map(|id| (Screen::Secretary(id), "a secretary 书记")));
    screens.extend(base.map(|id| (Screen::Base(id), "a base 基地")));
    let (mut worst_open, mut worst_write, mut worst_cpu) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for (n, (screen, name)) in screens.into_iter().enumerate() {
        app.apply(Command::Navigate(screen));
        let (open, shown) = frames_until_shown(&ctx, &mut app);
        app.apply(Command::Write(Change::SetSetting(
            "bench.generation",
            n.to_string(),
        )));
        let (write, _) = frames_until_shown(&ctx, &mut app);
        let cpu = median((0..50).map(|_| one_frame(&ctx, &mut app)).collect());
        worst_open = worst_open.max(open);
        worst_write = worst_write.max(write);
        worst_cpu = worst_cpu.max(cpu);
        for (figure, value, goal) in [
            ("opens: longest frame", open, "50 ms"),
            ("a write: longest frame", write, "50 ms"),
            ("data on screen after", shown, "-"),
            ("CPU per frame (median of 50)", cpu, "2 ms"),
        ] {
            writeln!(
                out,
                "{:<52} {:>12} {:>10}",
                format!("{name}: {figure}"),
                ms(value),
                goal
            )
            .map_err(io)?;
        }
    }
    for (figure, value, goal) in [
        (
            "every screen: longest frame as it opens",
            worst_open,
            "50 ms",
        ),
        (
            "every screen: longest frame after a write",
            worst_write,
            "50 ms",
        ),
        ("every screen: CPU per frame", worst_cpu, "2 ms"),
    ] {
        writeln!(out, "{figure:<52} {:>12} {goal:>10}", ms(value)).map_err(io)?;
    }
    Ok(())
}

/// Writes an `.xlsx` roster of `rows` secretaries with a merged title row, as offices do.
pub fn write_roster_xlsx(
    path: &std::path::Path,
    rows: usize,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let title = rust_xlsxwriter::Format::new()
        .set_bold()
        .set_align(rust_xlsxwriter::FormatAlign::Center);
    sheet.merge_range(0, 0, 0, 8, "古城镇支部书记花名册", &title)?;
    let headers = [
        "序号",
        "姓名",
        "性别",
        "出生年月",
        "文化程度",
        "所在党支部",
        "片区",
        "职务",
        "联系电话",
    ];
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string(1, column as u16, *header)?;
    }
    for i in 0..rows {
        let row = (i + 2) as u32;
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write_string(row, 1, format!("测试{}号", i + 1))?;
        sheet.write_string(row, 2, if i % 2 == 0 { "男" } else { "女" })?;
        sheet.write_string(row, 3, format!("{}.{:02}", 1960 + i % 40, 1 + i % 12))?;
        sheet.write_string(row, 4, "高中")?;
        sheet.write_string(row, 5, format!("第{}村党支部", i % 50 + 1))?;
        sheet.write_string(row, 6, ["东片区", "中片区", "西片区"][i % 3])?;
        sheet.write_string(row, 7, "村党支部书记")?;
        sheet.write_number(row, 8, 13_900_000_000.0 + i as f64)?;
    }
    workbook.save(path)
}

/// Passes the table through, adding "≤" to each goal and whether the figure met it (where the
/// figure and the goal are in the same kind of unit).
pub struct Verdicts<'a> {
    out: &'a mut dyn Write,
    line: Vec<u8>,
}

impl<'a> Verdicts<'a> {
    /// Writes to `out`.
    pub fn new(out: &'a mut dyn Write) -> Self {
        Self {
            out,
            line: Vec::new(),
        }
    }

    fn amount(text: &str) -> Option<(f64, &'static str)> {
        let (number, unit) = text.trim().split_once(' ')?;
        let number: f64 = number.parse().ok()?;
        match unit {
            "ms" => Some((number, "time")),
            "s" => Some((number * 1000.0, "time")),
            "MB" => Some((number, "memory")),
            _ => None,
        }
    }

    fn judged(line: &str) -> String {
        let columns: Vec<&str> = line
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if let [.., measured, goal] = columns.as_slice()
            && let (Some((m, a)), Some((g, b))) = (Self::amount(measured), Self::amount(goal))
            && a == b
        {
            let verdict = if m <= g { "met" } else { "NOT MET" };
            let at = line.rfind(goal).unwrap_or(line.len());
            return format!("{}≤ {goal}  {verdict}", &line[..at.saturating_sub(2)]);
        }
        line.to_owned()
    }
}

impl Write for Verdicts<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &byte in buf {
            if byte == b'\n' {
                let line = String::from_utf8_lossy(&self.line).into_owned();
                writeln!(self.out, "{}", Self::judged(&line))?;
                self.line.clear();
            } else {
                self.line.push(byte);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Runs the benchmarks and prints one table.
pub fn run(secretaries: usize, out: &mut dyn Write) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let error = |e: crate::store::Error| e.to_string();
    writeln!(out, "{:<52} {:>12} {:>10}", "figure", "measured", "goal").map_err(io)?;

    let (first, roster_frame) = frame_times(
        studio_with(secretaries).map_err(error)?,
        Screen::Roster,
        300,
    );
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        format!("first roster frame in-process, {secretaries} secretaries"),
        ms(first),
        "-"
    )
    .map_err(io)?;
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        format!("roster frame CPU (median), {secretaries} secretaries"),
        ms(roster_frame),
        "2 ms"
    )
    .map_err(io)?;
    let (_, dashboard_frame) = frame_times(
        studio_with(secretaries).map_err(error)?,
        Screen::Dashboard,
        300,
    );
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        "dashboard frame CPU (median)",
        ms(dashboard_frame),
        "2 ms"
    )
    .map_err(io)?;

    let folder =
        std::env::temp_dir().join(format!("secretary-studio-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder).map_err(io)?;
    let sheet_path = folder.join("roster-1000.xlsx");
    write_roster_xlsx(&sheet_path, 1_000).map_err(|e| e.to_string())?;
    let db_path = folder.join("bench.db");
    let mut store = Store::create_with(&db_path, "bench", "", crate::demo::seed).map_err(error)?;
    let start = Instant::now();
    let today = chrono::Local::now().date_naive();
    let parsed = read_sheet(&sheet_path)
        .and_then(|s| parse_roster(&s, today))
        .map_err(|e| e.to_string())?;
    let plan = store.plan_roster_import(parsed).map_err(error)?;
    let outcome = store
        .write(|w| w.apply_roster_import(&plan))
        .map_err(error)?;
    let import = start.elapsed();
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        format!("import 1,000-row xlsx to a file ({} added)", outcome.added),
        ms(import),
        "500 ms"
    )
    .map_err(io)?;
    drop(store);
    let starts: Vec<Duration> = (0..5)
        .filter_map(|_| start_to_first_frame(&db_path))
        .collect();
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        format!(
            "start to first frame, {} secretaries, median of 5",
            outcome.added + 20
        ),
        if starts.is_empty() {
            "no display".to_owned()
        } else {
            ms(median(starts.clone()))
        },
        "250 ms"
    )
    .map_err(io)?;
    let _ = std::fs::remove_dir_all(&folder);
    Ok(())
}

/// Start to first frame on screen: this program started on `db`, drawing one frame and
/// closing (it says how long from its start); `None` without a display. Its settings go to a
/// folder of its own, so the user's are untouched.
fn start_to_first_frame(db: &std::path::Path) -> Option<Duration> {
    let home = std::env::temp_dir().join(format!(
        "secretary-studio-bench-home-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&home).ok()?;
    let output = std::process::Command::new(std::env::current_exe().ok()?)
        .arg("--db")
        .arg(db)
        .env("SECRETARY_STUDIO_EXIT_AFTER_FIRST_FRAME", "1")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("APPDATA", &home)
        .env("LOCALAPPDATA", &home)
        .output()
        .ok()?;
    let _ = std::fs::remove_dir_all(&home);
    let said = String::from_utf8_lossy(&output.stderr);
    let ms: f64 = said.lines().find_map(|l| {
        l.strip_prefix("first frame after ")?
            .strip_suffix(" ms")?
            .parse()
            .ok()
    })?;
    Some(Duration::from_secs_f64(ms / 1000.0))
}

/// The most memory this process has held (resident, MB), where the system says
/// (`/proc/self/status` on Linux); `None` elsewhere.
fn peak_memory_mb() -> Option<f64> {
    memory_mb("VmHWM:")
}

/// Starts the process's peak resident memory again from now (Linux: `clear_refs` 5); false
/// where it cannot.
fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// A memory figure of this process from `/proc/self/status` (`VmHWM:` the peak, `VmRSS:`
/// now), in MB; none where there is no `/proc`.
fn memory_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(key))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn memory_row(out: &mut dyn Write, what: &str) -> Result<(), String> {
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        what,
        peak_memory_mb().map_or_else(|| "n/a".to_owned(), |mb| format!("{mb:.0} MB")),
        "150 MB"
    )
    .map_err(|e| e.to_string())
}

/// Every figure the issues name, in one table: the small studio's (start-up, roster, import),
/// then the county file's (`county`, or one made here with `demo --scale county`).
pub fn run_all(
    secretaries: usize,
    county: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> Result<(), String> {
    run(secretaries, out)?;
    if let Some(path) = county {
        run_county(path, out)
    } else {
        let folder = std::env::temp_dir().join(format!(
            "secretary-studio-bench-make-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        let path = folder.join("county.db");
        let _ = std::fs::remove_file(&path);
        Store::create_with(
            &path,
            crate::demo::DEMO_STUDIO,
            "古城镇",
            crate::demo::seed_county,
        )
        .map_err(|e| e.to_string())?;
        let result = run_county(&path, out);
        let _ = std::fs::remove_dir_all(&folder);
        result
    }
}

/// The figures on a county-scale file (`demo --scale county`), measured on a copy of it.
/// Two copies of the county file, a tenth of the records changed on each (different ones),
/// then one merged into the other, and the same file merged again.
fn merge_figures(
    folder: &std::path::Path,
    county: &std::path::Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let error = |e: crate::store::Error| e.to_string();
    let (a_path, b_path) = (folder.join("village-a.db"), folder.join("village-b.db"));
    std::fs::copy(county, &a_path).map_err(io)?;
    std::fs::copy(county, &b_path).map_err(io)?;
    let mut a = Store::open(&a_path).map_err(error)?;
    let mut b = Store::open(&b_path).map_err(error)?;
    let touched_a = a.write(|w| w.touch_for_bench(10, 0)).map_err(error)?;
    let touched_b = b.write(|w| w.touch_for_bench(10, 5)).map_err(error)?;
    drop(b);
    // The copies made above are on disk before the clock starts: the merge is not charged
    // for the system writing them out.
    for path in [&a_path, &b_path] {
        std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
    }
    let progress = crate::work::Progress::new();
    let start = Instant::now();
    let preview = a.plan_merge(&b_path, &progress).map_err(error)?;
    let planned = Instant::now();
    let written = a
        .apply_merge(&preview, &crate::work::Progress::new())
        .map_err(error)?;
    let applied = planned.elapsed();
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        format!("merge county files, 10% changed each side ({written} in)"),
        ms(start.elapsed()),
        "1 s"
    )
    .map_err(io)?;
    let phases: Vec<String> = preview
        .phases
        .spent
        .iter()
        .map(|(name, spent)| format!("{name} {}", ms(*spent)))
        .chain(std::iter::once(format!("write {}", ms(applied))))
        .collect();
    writeln!(out, "  (where the time went: {})", phases.join(", ")).map_err(io)?;
    drop(preview);
    let start = Instant::now();
    let again = a.plan_merge(&b_path, &progress).map_err(error)?;
    let unchanged = again.is_empty();
    writeln!(
        out,
        "{:<52} {:>12} {:>10}",
        format!("merge the same file again (no change: {unchanged})"),
        ms(start.elapsed()),
        "100 ms"
    )
    .map_err(io)?;
    writeln!(
        out,
        "  ({touched_a} records changed in one file, {touched_b} in the other)"
    )
    .map_err(io)
}

/// Only the merge's figures on a copy of a county file (`bench merge --db COUNTY.db`), with the
/// peak memory of this process (which did nothing else).
pub fn run_merge(path: &std::path::Path, out: &mut dyn Write) -> Result<(), String> {
    let folder = std::env::temp_dir().join(format!(
        "secretary-studio-bench-merge-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    row(out, "figure (county file)", "measured", "goal")?;
    let result = merge_figures(&folder, path, out)
        .and_then(|()| memory_row(out, "peak memory, the merge alone"));
    let _ = std::fs::remove_dir_all(&folder);
    result
}

pub fn run_county(path: &std::path::Path, out: &mut dyn Write) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let error = |e: crate::store::Error| e.to_string();
    let folder = std::env::temp_dir().join(format!(
        "secretary-studio-bench-county-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&folder).map_err(io)?;
    let copy = folder.join("county.db");
    std::fs::copy(path, &copy).map_err(io)?;
    row(out, "figure (county file)", "measured", "goal")?;
    screen_stalls(&copy, out)?;
    memory_row(out, "peak memory, every screen visited (resident)")?;
    let mut store = Store::open(&copy).map_err(error)?;
    query_figures(&mut store, out)?;
    document_figures(&store, &folder, out)?;
    drop(store);
    photo_figures(&folder, &copy, out)?;
    // The merge on the county file as made (the copy above holds the photos by now), with its
    // own peak: the process's peak is reset once the figures before are taken.
    let before = peak_memory_mb();
    memory_row(out, "peak memory, all of the above")?;
    let reset = reset_peak_memory();
    merge_figures(&folder, path, out)?;
    if reset {
        memory_row(out, "peak memory while merging two county files")?;
    }
    let whole = match (before, peak_memory_mb()) {
        (Some(a), Some(b)) => format!("{:.0} MB", a.max(b)),
        _ => "n/a".to_owned(),
    };
    row(
        out,
        "peak memory of the whole run, the merge included",
        &whole,
        "150 MB",
    )?;
    let _ = std::fs::remove_dir_all(&folder);
    let shell = sqlite3_shell_time(path, ATTENDANCE_SQL);
    row(
        out,
        "the same attendance SQL in the sqlite3 shell",
        &shell.map_or_else(|| "no sqlite3".to_owned(), ms),
        "-",
    )?;
    writeln!(
        out,
        "\n  printf '.timer on\\n{ATTENDANCE_SQL}\\n' | sqlite3 -readonly {} | tail -1",
        path.display()
    )
    .map_err(io)
}

/// One line of the table: the figure, what was measured and the goal.
fn row(out: &mut dyn Write, figure: &str, measured: &str, goal: &str) -> Result<(), String> {
    writeln!(out, "{figure:<52} {measured:>12} {goal:>10}").map_err(|e| e.to_string())
}

/// The median time of `n` runs of `run`.
fn median_of<T>(n: usize, mut run: impl FnMut() -> Result<T, String>) -> Result<Duration, String> {
    let samples = (0..n)
        .map(|_| {
            let start = Instant::now();
            run().map(|_| start.elapsed())
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(median(samples))
}

/// The year the county's queries and documents are measured on.
fn county_year() -> Result<crate::domain::period::Period, String> {
    crate::domain::period::Period::parse("2024").map_err(|e| e.to_string())
}

/// Recording a session, and the store's big queries.
fn query_figures(store: &mut Store, out: &mut dyn Write) -> Result<(), String> {
    let error = |e: crate::store::Error| e.to_string();
    let roster: Vec<_> = store
        .roster()
        .map_err(error)?
        .into_iter()
        .take(20)
        .map(|e| e.id)
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
    let mut draft = crate::domain::session::SessionDraft::new(today);
    "基准测试".clone_into(&mut draft.topic);
    let fields = draft.validate().map_err(|e| format!("{e:?}"))?;
    let took = median_of(20, || {
        crate::stress::record_session(store, &fields, &roster).map_err(error)
    })?;
    row(
        out,
        "record a session with 20 attendances (median of 20)",
        &ms(took),
        "5 ms",
    )?;
    let year = county_year()?;
    let took = median_of(10, || store.attendance_counts(year).map_err(error))?;
    row(
        out,
        "attendance per secretary, one year (median of 10)",
        &ms(took),
        "1.2x shell",
    )?;
    let took = median_of(10, || store.ledger_year(year).map_err(error))?;
    row(
        out,
        "dashboard year aggregates (median of 10)",
        &ms(took),
        "-",
    )?;
    let took = median_of(5, || store.points_ledger(None).map_err(error))?;
    row(
        out,
        "points ledger, all years, derived (median of 5)",
        &ms(took),
        "-",
    )?;
    let took = median_of(5, || store.assessments(year).map_err(error))?;
    row(
        out,
        "a year's assessment and ranking (median of 5)",
        &ms(took),
        "-",
    )
}

/// Printed documents and an export of the county file.
fn document_figures(
    store: &Store,
    folder: &std::path::Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    use crate::i18n::Lang;
    let work_error = |e| Lang::En.work_error(e);
    let year = county_year()?;
    let session = store
        .sessions()
        .map_err(|e| e.to_string())?
        .first()
        .map(|s| s.id)
        .ok_or_else(|| "no session".to_owned())?;
    let pdf = folder.join("summary.pdf");
    let took = median_of(5, || {
        crate::print::print(
            store,
            crate::print::Printout::Summary,
            session,
            Lang::Zh,
            &pdf,
        )
    })?;
    row(
        out,
        "session summary PDF, laid out and written (median of 5)",
        &ms(took),
        "100 ms",
    )?;
    let mut pages = 0;
    let took = median_of(3, || {
        pages = crate::print::print_ledger(
            store,
            crate::print::LedgerPrintout::Report(year),
            Lang::Zh,
            chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap_or_default(),
            &folder.join("report.pdf"),
            &crate::work::Progress::new(),
        )
        .map_err(work_error)?;
        Ok(())
    })?;
    row(
        out,
        &format!("a year's report PDF ({pages} pages, median of 3)"),
        &ms(took),
        "1 s",
    )?;
    let day = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
    let took = median_of(1, || {
        pages = crate::print::print_ledger(
            store,
            crate::print::LedgerPrintout::Problems(
                Some(year),
                crate::domain::problem::ProblemFilter::default(),
            ),
            Lang::Zh,
            day,
            &folder.join("problems.pdf"),
            &crate::work::Progress::new(),
        )
        .map_err(work_error)?;
        Ok(())
    })?;
    row(
        out,
        &format!("problem ledger PDF, one year ({pages} pages)"),
        &ms(took),
        "-",
    )?;
    let mut rows = 0;
    let took = median_of(1, || {
        rows = crate::export::export(
            store,
            crate::export::Ledger::Attendance,
            Lang::Zh,
            Some(year),
            day,
            &folder.join("attendance.xlsx"),
            &crate::work::Progress::new(),
        )
        .map_err(work_error)?;
        Ok(())
    })?;
    row(
        out,
        &format!("attendance matrix, one year, to xlsx ({rows} rows)"),
        &ms(took),
        "-",
    )
}

/// The resident memory now (MB), sampled while work runs.
fn resident_mb() -> Option<f64> {
    memory_mb("VmRSS:")
}

/// A phone-like photo, 4000 × 3000, about 4 MB: light, shade and grain differ with `n`.
fn phone_photo(n: u32) -> Result<Vec<u8>, String> {
    let mut seed = 0x9E37_79B9_u32.wrapping_mul(n + 1);
    let image = image::RgbImage::from_fn(4000, 3000, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 48) as u8;
        image::Rgb([
            ((x / 16 + n * 7) % 200) as u8 + grain,
            ((y / 12 + n * 3) % 200) as u8 + grain / 2,
            ((x + y) / 40 % 200) as u8 + grain / 3,
        ])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88)
        .encode_image(&image)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Photos: fifty phone photos attached as the window's worker does (time, resident memory at
/// its peak while it runs), a summary with six of them as PDF and Word, share files with and
/// without originals, then 20,000 pictures' thumbnails across the county's sessions and every
/// screen's frame time again.
fn photo_figures(
    folder: &std::path::Path,
    county: &std::path::Path,
    out: &mut dyn Write,
) -> Result<(), String> {
    use crate::domain::picture::{PictureKind, PictureOwner};
    use crate::i18n::Lang;
    let io = |e: std::io::Error| e.to_string();
    let error = |e: crate::store::Error| e.to_string();
    let path = folder.join("photos.db");
    std::fs::copy(county, &path).map_err(io)?;
    let photos = folder.join("phone");
    std::fs::create_dir_all(&photos).map_err(io)?;
    let mut total = 0;
    for n in 0..50 {
        let bytes = phone_photo(n)?;
        total += bytes.len();
        std::fs::write(photos.join(format!("IMG_{n:04}.jpg")), bytes).map_err(io)?;
    }
    let mut store = Store::open(&path).map_err(error)?;
    let sessions = store.sessions().map_err(error)?;
    let (first, second) = match sessions.as_slice() {
        [a, b, ..] => (a.id, b.id),
        _ => return Err("no sessions".to_owned()),
    };
    let files = crate::pictures::files_at(&photos);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut peak = 0.0_f64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(resident_mb().unwrap_or(0.0));
                std::thread::sleep(Duration::from_millis(5));
            }
            peak
        })
    };
    let before = resident_mb().unwrap_or(0.0);
    let start = Instant::now();
    store
        .write(|w| {
            for file in &files {
                let picture = crate::pictures::read(file)
                    .map_err(|e| crate::store::Error::Corrupt(format!("{e:?}")))?;
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
                w.attach_picture(
                    PictureOwner::Session(second),
                    PictureKind::Photo,
                    "入户走访",
                    &name.unwrap_or_default(),
                    &picture,
                )?;
            }
            Ok(())
        })
        .map_err(error)?;
    let took = start.elapsed();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = sampler.join().unwrap_or(0.0);
    row(
        out,
        &format!(
            "attach 50 phone photos ({:.1} MB each, 4000x3000)",
            total as f64 / 50.0 / 1024.0 / 1024.0
        ),
        &ms(took),
        "-",
    )?;
    row(
        out,
        &format!("  resident memory at its peak while attaching (was {before:.0} MB)"),
        &format!("{peak:.0} MB"),
        "200 MB",
    )?;
    // Six of them on the first session.
    let six: Vec<_> = store
        .pictures_of(PictureOwner::Session(second))
        .map_err(error)?
        .into_iter()
        .take(6)
        .collect();
    store
        .write(|w| {
            for p in &six {
                let prepared = crate::pictures::Prepared {
                    digest: p.digest.clone(),
                    media: p.media,
                    size: p.size,
                    taken_at: p.taken_at.clone(),
                    original: Vec::new(),
                    display: Vec::new(),
                    thumb: Vec::new(),
                };
                w.attach_picture(
                    PictureOwner::Session(first),
                    PictureKind::Photo,
                    "现场",
                    "",
                    &prepared,
                )?;
            }
            Ok(())
        })
        .map_err(error)?;
    let quiet = crate::work::Progress::new();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap_or_default();
    let print = |printable, file: &str| {
        crate::print::write(
            &store,
            printable,
            Lang::Zh,
            today,
            &folder.join(file),
            &quiet,
        )
        .map_err(|e| Lang::En.work_error(e))
    };
    let summary = crate::print::Printable::Session(crate::print::Printout::Summary, first);
    let plain = crate::print::Printable::Session(
        crate::print::Printout::Summary,
        sessions.get(2).map_or(first, |s| s.id),
    );
    row(
        out,
        "session summary .docx, no photos (median of 5)",
        &ms(median_of(5, || print(plain, "plain.docx"))?),
        "100 ms",
    )?;
    row(
        out,
        "session summary with six photos, PDF (median of 5)",
        &ms(median_of(5, || print(summary, "six.pdf"))?),
        "300 ms",
    )?;
    row(
        out,
        "session summary with six photos, .docx (median of 5)",
        &ms(median_of(5, || print(summary, "six.docx"))?),
        "-",
    )?;
    let size = |p: &std::path::Path| {
        std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1024.0 / 1024.0)
    };
    let (full, thin) = (folder.join("share-full.db"), folder.join("share-thin.db"));
    store.share_as(&full, None, false, &quiet).map_err(error)?;
    store.share_as(&thin, None, true, &quiet).map_err(error)?;
    row(
        out,
        "share file with the 50 photos: with originals",
        &format!("{:.0} MB", size(&full)),
        "-",
    )?;
    row(
        out,
        "  the same, thumbnails only (只带缩略图)",
        &format!("{:.0} MB", size(&thin)),
        "-",
    )?;
    // 20,000 pictures' thumbnails (and document copies) across the sessions.
    let thumb = store
        .picture_bytes(&six[0].digest, crate::store::PictureCopy::Thumb)
        .map_err(error)?
        .unwrap_or_default();
    let start = Instant::now();
    store
        .write(|w| {
            for n in 0..20_000_usize {
                let session = sessions[n % sessions.len()].id;
                let prepared = crate::pictures::Prepared {
                    digest: format!("{n:064x}"),
                    media: crate::domain::picture::Media::Jpeg,
                    size: (4000, 3000),
                    taken_at: None,
                    original: Vec::new(),
                    display: thumb.clone(),
                    thumb: thumb.clone(),
                };
                w.attach_picture(
                    PictureOwner::Session(session),
                    PictureKind::Photo,
                    "",
                    "",
                    &prepared,
                )?;
            }
            Ok(())
        })
        .map_err(error)?;
    row(
        out,
        "20,000 pictures' thumbnails written (one write)",
        &ms(start.elapsed()),
        "-",
    )?;
    drop(store);
    writeln!(
        out,
        "  every screen again, the county file holding 20,000 pictures:"
    )
    .map_err(io)?;
    screen_stalls(&path, out)?;
    let store = Store::open(&path).map_err(error)?;
    store.share_as(&thin, None, true, &quiet).map_err(error)?;
    row(
        out,
        "share file of it, thumbnails only",
        &format!("{:.0} MB", size(&thin)),
        "-",
    )?;
    drop(store);
    for file in [&path, &full, &thin] {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            std::fs::remove_file(name).ok();
        }
    }
    std::fs::remove_dir_all(&photos).ok();
    Ok(())
}

/// The per-secretary attendance of one year, as the store asks it.
const ATTENDANCE_SQL: &str = "SELECT a.secretary_id, a.status, count(*) FROM live_session s JOIN attendance a ON a.session_id = s.id AND a.deleted = 0 WHERE s.held_on BETWEEN '2024-01-01' AND '2024-12-31' GROUP BY a.secretary_id, a.status ORDER BY a.secretary_id;";

/// The `sqlite3` shell's own timing of `sql` on `path` (the best of three), if the shell is
/// installed.
fn sqlite3_shell_time(path: &std::path::Path, sql: &str) -> Option<Duration> {
    (0..3)
        .filter_map(|_| {
            // The shell prints its timer only for commands read from its input.
            let mut child = std::process::Command::new("sqlite3")
                .arg("-readonly")
                .arg(path)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .ok()?;
            child
                .stdin
                .take()?
                .write_all(format!(".timer on\n{sql}\n").as_bytes())
                .ok()?;
            let output = child.wait_with_output().ok()?;
            let said = String::from_utf8_lossy(&output.stdout);
            let seconds: f64 = said.lines().rev().find_map(|l| {
                l.strip_prefix("Run Time: real ")?
                    .split_whitespace()
                    .next()?
                    .parse()
                    .ok()
            })?;
            Some(Duration::from_secs_f64(seconds))
        })
        .min()
}
