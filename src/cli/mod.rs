//! The command line: the same binary runs the app or does batch work. Every failure exits
//! non-zero with one clear line on stderr and changes no file.

use crate::i18n::Lang;
use crate::store::Store;
use std::io::Write;
use std::path::PathBuf;

mod files;
mod parse;
mod practice;
mod town;

use files::{check, import_people, import_roster, merge};
pub use parse::parse;

/// Usage, printed by `--help`.
pub const USAGE: &str = "\
Secretary Studio (书记工作室)

USAGE:
  secretary-studio [--db PATH]                    open the app (default: the file used last)
  secretary-studio import-roster FILE --db PATH [--dry-run]
                                                  import a roster sheet (.xlsx or .csv, UTF-8 or GBK)
  secretary-studio import-people FILE --db PATH [--dry-run] [--skip-errors]
                                                  import people into the register and the 百人团 groups
                                                  (.xlsx or .csv); rows in error stop it unless --skip-errors
  secretary-studio roster --db PATH               print the roster as CSV (UTF-8 with BOM, for Excel)
  secretary-studio check PATH                     check a studio file (integrity, version, counts)
  secretary-studio new PATH [--name NAME] [--town TOWN]
                                                  start an empty studio in a new file
  secretary-studio print summary|sign-in SESSION_NO -o FILE.pdf|FILE.docx --db PATH
                                                  a session's summary or sign-in sheet as an A4 PDF,
                                                  or as Word (.docx) in the official document format
                                                  (SESSION_NO: its 活动编号, e.g. 20261120-a3f9)
  secretary-studio print problems [--period P] | ranking --period P -o FILE.pdf|.docx --db PATH
                                                  the problem ledger, or a period's ranking and commendations
  secretary-studio print report --period P -o FILE.pdf|FILE.docx --db PATH
                                                  a period's report: sessions, attendance, problems,
                                                  pairings, points and ranking, with charts
  secretary-studio print letters [--group NAME] -o FILE.pdf|FILE.docx --db PATH
                                                  letters of appointment (聘书) of a group's members in office
                                                  (or of all groups), A4 landscape, one a page; members
                                                  without a number are numbered first (issued today)
  secretary-studio print checkups|appraisals --year Y -o FILE.pdf|FILE.docx --db PATH
                                                  the year's check-ups summary, or the appraisal's ballot count
  secretary-studio print checkup --year Y --who NAME -o FILE.pdf|FILE.docx --db PATH
                                                  one person's party-spirit check-up form of the year
  secretary-studio print bases --year Y | base --name NAME|NO -o FILE.pdf|FILE.docx --db PATH
                                                  the year's list of industry demonstration bases, or one
                                                  base's sheet (by its name, a part of it, or its number)
  secretary-studio print duties | tasks --period P -o FILE.pdf|FILE.docx --db PATH
                                                  the officials' duties (责任清单), or a period's task list
                                                  (任务清单, overdue tasks marked 逾期)
  secretary-studio print decisions --period P | decision --id NO|--title TEXT -o FILE.pdf|.docx --db PATH
                                                  a period's register of village decisions (四议两公开), or
                                                  one decision's record through the six steps
  secretary-studio due [--days 14] --db PATH      what is due in the next days (14 unless told), overdue first:
                                                  sessions, theme days, deadlines, visits, milestones, decisions
  secretary-studio attach SESSION_NO FILE|FOLDER… --db PATH [--caption TEXT] [--scan]
                                                  attach photos (JPEG, PNG) or, with --scan, scans of the signed
                                                  sign-in sheet (a PDF is always a scan) to a session; each at most 8 MB
  secretary-studio archive --period P -o FOLDER --db PATH
                                                  the period's archive (一事一档): a folder per session with its
                                                  summary (PDF, Word), sign-in sheet, scans and photos, and an index
  secretary-studio share -o FILE --db PATH [--passphrase] [--thumbnails-only]
                                                  write a share file (a copy with a manifest) for another village;
                                                  --passphrase protects it with one read from standard input;
                                                  --thumbnails-only leaves photos' originals out (a smaller file)
  secretary-studio merge FILE --db PATH [--dry-run] [--other-studio] [--passphrase]
                                                  merge another village's studio file (a backup is made first);
                                                  a file of another studio only with --other-studio
  secretary-studio export LEDGER -o FILE.xlsx|FILE.csv --db PATH [--period 2021-Q3]
                                                  export a ledger: roster, sessions, attendance,
                                                  problems, points or assessments; people, members,
                                                  theme-days, checkups or appraisals (of the period's year);
                                                  bases (with figures by year), tasks or decisions
  secretary-studio demo --db PATH [--scale county] [--secretaries N]
                                                  write the demo studio (or a county-scale file) to a new file
  secretary-studio stress-writes --db PATH [MERGE_FILE] [--count N]
                                                  write sessions and imports (after merging MERGE_FILE) until
                                                  stopped, saying each commit: for the crash test
  secretary-studio bench [--secretaries N]        measure start-up, roster frame time and import
  secretary-studio bench --scale county | --db COUNTY.db
                                                  every figure in one table: start-up, roster and import,
                                                  then the county file's screens, PDFs, merge and memory
  secretary-studio bench merge --db COUNTY.db     only the merge's figures, phase by phase
  secretary-studio --help | --version
";

/// 用法, printed by `--help` when `LANG` is Chinese.
pub const USAGE_ZH: &str = "\
书记工作室（Secretary Studio）

用法：
  secretary-studio [--db 文件]                     打开程序（默认打开上次使用的文件）
  secretary-studio import-roster 表格 --db 文件 [--dry-run]
                                                  导入花名册（.xlsx 或 .csv，UTF-8 或 GBK）；--dry-run 只预览不写入
  secretary-studio import-people 表格 --db 文件 [--dry-run] [--skip-errors]
                                                  导入百人团人员（人员库、所在团、团内职务、聘期）；有不能导入的行时
                                                  不写入，加 --skip-errors 则跳过这些行
  secretary-studio roster --db 文件                以 CSV 输出花名册（带 BOM 的 UTF-8，可直接用 Excel 打开）
  secretary-studio check 文件                      检查工作室文件（完整性、数据版本、记录数）
  secretary-studio new 新文件 [--name 工作室名称] [--town 乡镇]
                                                  新建一个空的工作室文件
  secretary-studio print summary|sign-in 活动编号 -o 文件.pdf|文件.docx --db 文件
                                                  生成活动纪要或签到表（A4 PDF；文件名以 .docx 结尾则生成
                                                  公文格式的 Word 文件，其他 print 命令也一样）
  secretary-studio print problems [--period 期间] | ranking --period 期间 -o 文件.pdf|.docx --db 文件
                                                  生成问题台账，或某期比拼排名及表彰名单
  secretary-studio print report --period 期间 -o 文件.pdf|文件.docx --db 文件
                                                  生成某期工作情况报告（活动、出勤、难题、结对、积分、排名，附图表）
  secretary-studio print letters [--group 团名] -o 文件.pdf|文件.docx --db 文件
                                                  生成某团（不加 --group 则各团）任期内成员的聘书（A4 横向，每人一页）；
                                                  尚无编号的先按今天的日期统一编号
  secretary-studio print checkups|appraisals --year 年度 -o 文件.pdf|文件.docx --db 文件
                                                  生成某年党性体检情况汇总表，或民主测评票统计表
  secretary-studio print checkup --year 年度 --who 姓名 -o 文件.pdf|文件.docx --db 文件
                                                  生成某人某年的党性体检表
  secretary-studio print bases --year 年度 | base --name 基地名称或编号 -o 文件.pdf|文件.docx --db 文件
                                                  生成某年产业示范基地一览表，或某个基地的情况表（可写名称、
                                                  名称中的一段或编号）
  secretary-studio print duties | tasks --period 期间 -o 文件.pdf|文件.docx --db 文件
                                                  生成责任清单，或某期任务清单（逾期任务标明“逾期”）
  secretary-studio print decisions --period 期间 | decision --id 编号|--title 事项 -o 文件.pdf|.docx --db 文件
                                                  生成某期“四议两公开”台账，或某项决策的六步记录表
  secretary-studio due [--days 14] --db 文件       列出今后若干天（默认 14 天）到期和已逾期的事项，逾期的在前：
                                                  活动、主题党日、难题和任务时限、结对走访、基地节点、四议两公开
  secretary-studio attach 活动编号 文件或文件夹… --db 文件 [--caption 说明] [--scan]
                                                  给活动添加照片（JPEG、PNG），加 --scan 为签字的签到表扫描件
                                                  （PDF 总是扫描件）；每个文件不超过 8 MB
  secretary-studio archive --period 期间 -o 文件夹 --db 文件
                                                  导出期间的活动档案（一事一档）：每次活动一个文件夹，含纪要（PDF、
                                                  Word）、签到表、扫描件和照片，另有索引表
  secretary-studio share -o 分享文件 --db 文件 [--passphrase] [--thumbnails-only]
                                                  写出分享文件（带清单的完整副本），带到其他村合并；
                                                  --passphrase 用从标准输入读到的口令加密；
                                                  --thumbnails-only 不带照片原图（文件更小）
  secretary-studio merge 对方文件 --db 文件 [--dry-run] [--other-studio] [--passphrase]
                                                  合并其他村的工作室文件（合并前自动备份）；--dry-run 只预览；
                                                  另一个工作室的文件须加 --other-studio 才合并
  secretary-studio export 台账 -o 文件.xlsx|文件.csv --db 文件 [--period 2021-Q3]
                                                  导出台账：roster 花名册、sessions 活动、attendance 出勤表、
                                                  problems 难题、points 积分、assessments 考评、people 人员库、
                                                  members 百人团成员、theme-days 主题党日、checkups 党性体检、
                                                  appraisals 述职评议（后三者按期间所在年度）、bases 产业基地（含
                                                  历年数据）、tasks 任务清单、decisions 四议两公开
  secretary-studio demo --db 文件 [--scale county] [--secretaries N]
                                                  把演示工作室（或县级规模的测试文件）写入一个新文件
  secretary-studio stress-writes --db 文件 [先合并的文件] [--count N]
                                                  不停地记录活动、导入花名册并报告每次提交（用于断电/强杀测试）
  secretary-studio bench [--secretaries N]        测量启动、花名册每帧耗时和导入速度
  secretary-studio bench --scale county | --db 县级文件
                                                  一张表列出所有性能指标：启动、花名册、导入，以及县级规模文件的
                                                  各页面、PDF、合并和内存
  secretary-studio bench merge --db 县级文件       只测合并（分阶段计时）
  secretary-studio --help | --version
";

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    /// Run the app, optionally on a given file.
    Gui {
        /// `--db PATH`
        db: Option<PathBuf>,
    },
    /// A batch command; the app does not open.
    Command(CliCommand),
}

/// What `print` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintWhat {
    /// A ledger (problems, ranking, report).
    Ledger(crate::print::LedgerPrintout),
    /// A session's summary or sign-in sheet, by its number (`20261120-a3f9`, the same in every
    /// village's file) or its local id.
    Session(crate::print::Printout, String),
    /// Letters of appointment of the members in office of a group (by name) or of all; those
    /// without a number are numbered first.
    Letters {
        /// The group's name; all groups if none.
        group: Option<String>,
    },
    /// An industry demonstration base's sheet, by its number or name.
    Base(Which),
    /// A village decision's record, by its number or title.
    Decision(Which),
    /// A person's check-up form of a year, by their name.
    Checkup {
        /// The year checked.
        year: i32,
        /// Whose (the name).
        who: String,
    },
}

/// A record the command line names: by its number (编号, the local key) or by its name (the
/// whole name, or a part that only one name holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    /// Its number.
    Number(i64),
    /// Its name or title, or a part of one.
    Name(String),
}

/// A batch command.
#[derive(Debug, PartialEq, Eq)]
pub enum CliCommand {
    /// `import-roster FILE --db PATH [--dry-run]`
    ImportRoster {
        /// The sheet.
        file: PathBuf,
        /// The studio file.
        db: PathBuf,
        /// Only show what would happen.
        dry_run: bool,
    },
    /// `import-people FILE --db PATH [--dry-run] [--skip-errors]`
    ImportPeople {
        /// The sheet.
        file: PathBuf,
        /// The studio file.
        db: PathBuf,
        /// Only show what would happen.
        dry_run: bool,
        /// Import the good rows and leave the rows in error out.
        skip_errors: bool,
    },
    /// `roster --db PATH`
    Roster {
        /// The studio file.
        db: PathBuf,
    },
    /// `check PATH`
    Check {
        /// The studio file.
        path: PathBuf,
    },
    /// `new PATH [--name NAME] [--town TOWN]`: an empty studio in a new file.
    New {
        /// The new file.
        path: PathBuf,
        /// The studio's name.
        name: String,
        /// Its town.
        town: String,
    },
    /// `demo --db PATH`
    Demo {
        /// The new file.
        db: PathBuf,
        /// Extra invented secretaries (for benchmarks).
        secretaries: usize,
        /// `--scale county`: the synthetic county-scale file instead of the demo studio.
        county: bool,
    },
    /// `stress-writes --db PATH [--merge FILE] [--count N]`: writes until killed (the crash
    /// test).
    StressWrites {
        /// The studio file.
        db: PathBuf,
        /// A file to merge first.
        merge: Option<PathBuf>,
        /// Stop after this many writes.
        count: Option<usize>,
    },
    /// `archive --period P -o FOLDER --db PATH`: the period's archive, a folder made in FOLDER.
    Archive {
        /// Which sessions.
        period: crate::domain::period::Period,
        /// Where the archive's folder is made.
        folder: PathBuf,
        /// The studio file.
        db: PathBuf,
    },
    /// `attach SESSION_NO FILE… --db PATH [--caption TEXT] [--scan]`: photos or scans of a
    /// session.
    Attach {
        /// The session's number (or local id).
        number: String,
        /// The pictures.
        files: Vec<PathBuf>,
        /// The studio file.
        db: PathBuf,
        /// Their caption.
        caption: String,
        /// They are scans of the signed sign-in sheet.
        scan: bool,
    },
    /// `bench`
    Bench {
        /// How many secretaries the roster holds.
        secretaries: usize,
        /// `--db PATH`: a county-scale file to measure as well.
        db: Option<PathBuf>,
        /// `--scale county`: make a county-scale file and measure it as well.
        county: bool,
        /// `bench merge --db PATH`: only the merge's figures on that file.
        merge_only: bool,
    },
    /// `share -o FILE --db PATH`
    Share {
        /// The share file to write.
        output: PathBuf,
        /// Our studio file (opened read-only).
        db: PathBuf,
        /// `--passphrase`: protect it with a passphrase read from standard input.
        passphrase: bool,
        /// `--thumbnails-only`: leave the pictures' originals out.
        thumbnails_only: bool,
    },
    /// `merge FILE --db PATH [--dry-run]`
    Merge {
        /// The other village's file.
        file: PathBuf,
        /// Our studio file.
        db: PathBuf,
        /// Only show what would change.
        dry_run: bool,
        /// Merge a file of another studio all the same.
        other_studio: bool,
        /// `--passphrase`: the share file's passphrase, read from standard input.
        passphrase: bool,
    },
    /// `export LEDGER -o FILE --db PATH [--period P]`
    Export {
        /// Which ledger.
        ledger: crate::export::Ledger,
        /// The `.xlsx` or `.csv` file to write.
        output: PathBuf,
        /// The studio file (opened read-only).
        db: PathBuf,
        /// Only this period (all time if none).
        period: Option<crate::domain::period::Period>,
    },
    /// `print {summary|sign-in} SESSION_NO | {problems|ranking|report} [--period P] |
    /// letters [--group NAME] | {checkups|appraisals} --year Y | checkup --year Y --who NAME
    /// -o FILE.pdf --db PATH`
    Print {
        /// Which document: a ledger, a session's by its number, letters, a check-up form.
        printable: PrintWhat,
        /// The PDF (or Word file) to write.
        output: PathBuf,
        /// The studio file (opened read-only, but for letters, which are numbered first).
        db: PathBuf,
    },
    /// `due [--days 14] --db PATH`: what is due, overdue first (the calendar's list).
    Due {
        /// How many days ahead.
        days: i64,
        /// The studio file (opened read-only).
        db: PathBuf,
    },
    /// `--help`
    Help,
    /// `--version`
    Version,
}

/// Runs a batch command, writing results to `out`; the error is the one line for stderr.
pub fn run(command: CliCommand, out: &mut dyn Write) -> Result<(), String> {
    let lang = Lang::for_cli();
    let io = |e: std::io::Error| e.to_string();
    match command {
        CliCommand::Help => out
            .write_all(lang.pick(USAGE_ZH, USAGE).as_bytes())
            .map_err(io),
        CliCommand::Version => {
            writeln!(out, "secretary-studio {}", env!("CARGO_PKG_VERSION")).map_err(io)
        }
        CliCommand::Check { path } => check(&path, lang, out),
        CliCommand::Due { days, db } => {
            let store = Store::open_read_only(&db).map_err(|e| lang.file_error(&db, &e))?;
            let today = chrono::Local::now().date_naive();
            town::due(&store, days, today, lang, out)
        }
        CliCommand::Roster { db: path } => {
            // The same table as File → Export and `export roster`, to standard output.
            let store = Store::open_read_only(&path).map_err(|e| lang.file_error(&path, &e))?;
            let today = chrono::Local::now().date_naive();
            let tables =
                crate::export::tables(&store, crate::export::Ledger::Roster, lang, None, today)
                    .map_err(|e| lang.store_error(&e))?;
            tables
                .first()
                .map_or(Ok(()), |table| {
                    crate::report::table::write_csv_to(out, table)
                })
                .map_err(|e| e.to_string())
        }
        CliCommand::ImportRoster { file, db, dry_run } => {
            import_roster(&file, &db, dry_run, lang, out)
        }
        CliCommand::ImportPeople {
            file,
            db,
            dry_run,
            skip_errors,
        } => import_people(&file, &db, (dry_run, skip_errors), lang, out),
        CliCommand::Merge {
            file,
            db,
            dry_run,
            other_studio,
            passphrase,
        } => {
            let passphrase = if passphrase {
                Some(read_passphrase(lang)?)
            } else {
                None
            };
            merge(&file, &db, (dry_run, other_studio, passphrase), lang, out)
        }
        CliCommand::Archive { period, folder, db } => {
            let store = Store::open_read_only(&db).map_err(|e| lang.file_error(&db, &e))?;
            let studio = store.studio().map_err(|e| lang.store_error(&e))?.name;
            let target = folder.join(crate::archive::folder_name(&studio, lang, period));
            let today = chrono::Local::now().date_naive();
            let summary = crate::archive::write(
                &store,
                lang,
                period,
                today,
                &target,
                &crate::work::Progress::new(),
            )
            .map_err(|e| lang.work_error(e))?;
            writeln!(out, "{}", lang.archived(&summary)).map_err(io)
        }
        CliCommand::Attach {
            number,
            files,
            db,
            caption,
            scan,
        } => files::attach(&number, &files, &db, (&caption, scan), lang, out),
        CliCommand::Share {
            output,
            db,
            passphrase,
            thumbnails_only,
        } => {
            let store = Store::open_read_only(&db).map_err(|e| lang.file_error(&db, &e))?;
            let passphrase = if passphrase {
                Some(read_passphrase(lang)?)
            } else {
                None
            };
            let manifest = store
                .share_as(
                    &output,
                    passphrase.as_deref(),
                    thumbnails_only,
                    &crate::work::Progress::new(),
                )
                .map_err(|e| lang.save_error(&output, &e))?;
            writeln!(out, "{}", lang.shared(&output, &manifest)).map_err(io)
        }
        CliCommand::StressWrites { db, merge, count } => {
            crate::stress::run(&db, merge.as_deref(), count, out)
        }
        CliCommand::New { path, name, town } => {
            Store::create(&path, &name, &town).map_err(|e| lang.file_error(&path, &e))?;
            writeln!(out, "{}", lang.cli_empty_studio_written()).map_err(io)?;
            writeln!(out, "{}", path.display()).map_err(io)
        }
        CliCommand::Demo {
            db,
            secretaries,
            county,
        } => {
            let today = chrono::Local::now().date_naive();
            Store::create_with(&db, crate::demo::DEMO_STUDIO, "古城镇", |store| {
                if county {
                    return crate::demo::seed_county(store);
                }
                crate::demo::seed_all(store, today)?;
                crate::demo::add_many_secretaries(store, secretaries)
            })
            .map_err(|e| lang.file_error(&db, &e))?;
            writeln!(out, "{}", lang.cli_demo_studio_written()).map_err(io)?;
            writeln!(out, "{}", db.display()).map_err(io)
        }
        CliCommand::Export {
            ledger,
            output,
            db,
            period,
        } => {
            let store = Store::open_read_only(&db).map_err(|e| lang.file_error(&db, &e))?;
            let today = chrono::Local::now().date_naive();
            let rows = crate::export::export(
                &store,
                ledger,
                lang,
                period,
                today,
                &output,
                &crate::work::Progress::new(),
            )
            .map_err(|e| lang.work_error(e))?;
            writeln!(out, "{}", lang.exported(rows, &output)).map_err(io)
        }
        CliCommand::Print {
            printable,
            output,
            db,
        } => {
            // Letters are numbered before they are printed: only they write to the file.
            let mut store = match printable {
                PrintWhat::Letters { .. } => Store::open(&db),
                _ => Store::open_read_only(&db),
            }
            .map_err(|e| lang.file_error(&db, &e))?;
            let today = chrono::Local::now().date_naive();
            let printable = match printable {
                PrintWhat::Letters { group } => {
                    crate::print::Printable::Letters(practice::number_letters(
                        &mut store,
                        (group.as_deref(), &output),
                        today,
                        lang,
                        out,
                    )?)
                }
                PrintWhat::Checkup { year, who } => crate::print::Printable::Checkup(
                    practice::checkup_of(&store, year, &who, lang)?,
                ),
                PrintWhat::Ledger(ledger) => crate::print::Printable::Ledger(ledger),
                PrintWhat::Base(which) => {
                    crate::print::Printable::Base(town::base_of(&store, &which, lang)?)
                }
                PrintWhat::Decision(which) => {
                    crate::print::Printable::Decision(town::decision_of(&store, &which, lang)?)
                }
                PrintWhat::Session(printout, number) => {
                    let id = store
                        .session_by_code(&number)
                        .map_err(|e| lang.store_error(&e))?
                        .ok_or_else(|| lang.no_such_session_number(&number))?;
                    crate::print::Printable::Session(printout, id)
                }
            };
            let pages = crate::print::write(
                &store,
                printable,
                lang,
                today,
                &output,
                &crate::work::Progress::new(),
            )
            .map_err(|e| lang.work_error(e))?;
            writeln!(out, "{}", lang.printed(pages, &output)).map_err(io)
        }
        CliCommand::Bench {
            secretaries,
            db,
            county,
            merge_only,
        } => {
            let mut out = crate::bench::Verdicts::new(out);
            match (db, county) {
                (Some(path), _) if merge_only => crate::bench::run_merge(&path, &mut out),
                (Some(path), _) => crate::bench::run_all(secretaries, Some(&path), &mut out),
                (None, true) => crate::bench::run_all(secretaries, None, &mut out),
                (None, false) => crate::bench::run(secretaries, &mut out),
            }
        }
    }
}

/// The passphrase, as the first line of standard input (so it is not in the shell's history
/// or the process list).
fn read_passphrase(lang: Lang) -> Result<String, String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        eprint!("{}", lang.cli_passphrase());
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let passphrase = line.trim_end_matches(['\r', '\n']).to_owned();
    if passphrase.is_empty() {
        return Err(lang.cli_passphrase_on_standard_input().to_owned());
    }
    Ok(passphrase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn args(text: &str) -> Vec<OsString> {
        text.split_whitespace().map(OsString::from).collect()
    }

    fn parse(args: Vec<OsString>) -> Result<Invocation, String> {
        super::parse(args, Lang::En)
    }

    #[test]
    fn parses_every_command() {
        assert_eq!(parse(args("")), Ok(Invocation::Gui { db: None }));
        assert_eq!(
            parse(args("--db a.db")),
            Ok(Invocation::Gui {
                db: Some("a.db".into())
            })
        );
        assert_eq!(
            parse(args("import-roster r.xlsx --db a.db --dry-run")),
            Ok(Invocation::Command(CliCommand::ImportRoster {
                file: "r.xlsx".into(),
                db: "a.db".into(),
                dry_run: true
            }))
        );
        assert_eq!(
            parse(args("check a.db")),
            Ok(Invocation::Command(CliCommand::Check {
                path: "a.db".into()
            }))
        );
        assert_eq!(
            parse(args(
                "new 古城镇.db --name 古城镇联村共建书记工作室 --town 古城镇"
            )),
            Ok(Invocation::Command(CliCommand::New {
                path: "古城镇.db".into(),
                name: "古城镇联村共建书记工作室".into(),
                town: "古城镇".into()
            }))
        );
        assert_eq!(
            parse(args("demo --db d.db")),
            Ok(Invocation::Command(CliCommand::Demo {
                db: "d.db".into(),
                secretaries: 0,
                county: false
            }))
        );
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert!(parse(args("frobnicate")).is_err());
        assert!(parse(args("import-roster")).is_err());
        assert!(parse(args("check a.db b.db")).is_err());
        assert!(parse(args("demo")).is_err());
        assert!(
            parse(args("roster")).is_err(),
            "--db is required: no silent default file"
        );
        assert!(parse(args("import-roster r.xlsx")).is_err());
        let chinese = super::parse(args("frobnicate"), Lang::Zh).expect_err("unknown");
        assert!(chinese.starts_with("没有这个命令"), "{chinese}");
        assert!(parse(args("--bogus")).is_err());
    }
}
