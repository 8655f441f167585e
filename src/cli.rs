//! The command line: the same binary runs the app or does batch work. Every failure exits
//! non-zero with one clear line on stderr and changes no file.

use crate::i18n::Lang;
use crate::import::{parse_roster, read_sheet};
use crate::store::Store;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Usage, printed by `--help`.
pub const USAGE: &str = "\
Secretary Studio (书记工作室)

USAGE:
  secretary-studio [--db PATH]                    open the app (default: the file used last)
  secretary-studio import-roster FILE --db PATH [--dry-run]
                                                  import a roster sheet (.xlsx or .csv, UTF-8 or GBK)
  secretary-studio roster --db PATH               print the roster as CSV (UTF-8 with BOM, for Excel)
  secretary-studio check PATH                     check a studio file (integrity, version, counts)
  secretary-studio new PATH [--name NAME] [--town TOWN]
                                                  start an empty studio in a new file
  secretary-studio print summary|sign-in SESSION_ID -o FILE.pdf --db PATH
                                                  a session's summary or sign-in sheet as an A4 PDF
  secretary-studio print problems [--period P] | ranking --period P -o FILE.pdf --db PATH
                                                  the problem ledger, or a period's ranking and commendations
  secretary-studio print report --period P -o FILE.pdf --db PATH
                                                  a period's report: sessions, attendance, problems,
                                                  pairings, points and ranking, with charts
  secretary-studio share -o FILE --db PATH [--passphrase]
                                                  write a share file (a copy with a manifest) for another village;
                                                  --passphrase protects it with one read from standard input
  secretary-studio merge FILE --db PATH [--dry-run] [--other-studio] [--passphrase]
                                                  merge another village's studio file (a backup is made first);
                                                  a file of another studio only with --other-studio
  secretary-studio export LEDGER -o FILE.xlsx|FILE.csv --db PATH [--period 2021-Q3]
                                                  export a ledger: roster, sessions, attendance,
                                                  problems, points or assessments
  secretary-studio demo --db PATH [--scale county] [--secretaries N]
                                                  write the demo studio (or a county-scale file) to a new file
  secretary-studio stress-writes --db PATH [MERGE_FILE] [--count N]
                                                  write sessions and imports (after merging MERGE_FILE) until
                                                  stopped, saying each commit: for the crash test
  secretary-studio bench [--secretaries N]        measure start-up, roster frame time and import
  secretary-studio bench --scale county | --db COUNTY.db
                                                  every figure in one table: start-up, roster and import,
                                                  then the county file's screens, PDFs, merge and memory
  secretary-studio --help | --version
";

/// 用法, printed by `--help` when `LANG` is Chinese.
pub const USAGE_ZH: &str = "\
书记工作室（Secretary Studio）

用法：
  secretary-studio [--db 文件]                     打开程序（默认打开上次使用的文件）
  secretary-studio import-roster 表格 --db 文件 [--dry-run]
                                                  导入花名册（.xlsx 或 .csv，UTF-8 或 GBK）；--dry-run 只预览不写入
  secretary-studio roster --db 文件                以 CSV 输出花名册（带 BOM 的 UTF-8，可直接用 Excel 打开）
  secretary-studio check 文件                      检查工作室文件（完整性、数据版本、记录数）
  secretary-studio new 新文件 [--name 工作室名称] [--town 乡镇]
                                                  新建一个空的工作室文件
  secretary-studio print summary|sign-in 活动编号 -o 文件.pdf --db 文件
                                                  生成活动纪要或签到表（A4 PDF）
  secretary-studio print problems [--period 期间] | ranking --period 期间 -o 文件.pdf --db 文件
                                                  生成问题台账，或某期比拼排名及表彰名单
  secretary-studio print report --period 期间 -o 文件.pdf --db 文件
                                                  生成某期工作情况报告（活动、出勤、难题、结对、积分、排名，附图表）
  secretary-studio share -o 分享文件 --db 文件 [--passphrase]
                                                  写出分享文件（带清单的完整副本），带到其他村合并；
                                                  --passphrase 用从标准输入读到的口令加密
  secretary-studio merge 对方文件 --db 文件 [--dry-run] [--other-studio] [--passphrase]
                                                  合并其他村的工作室文件（合并前自动备份）；--dry-run 只预览；
                                                  另一个工作室的文件须加 --other-studio 才合并
  secretary-studio export 台账 -o 文件.xlsx|文件.csv --db 文件 [--period 2021-Q3]
                                                  导出台账：roster 花名册、sessions 活动、attendance 出勤表、
                                                  problems 难题、points 积分、assessments 考评
  secretary-studio demo --db 文件 [--scale county] [--secretaries N]
                                                  把演示工作室（或县级规模的测试文件）写入一个新文件
  secretary-studio stress-writes --db 文件 [先合并的文件] [--count N]
                                                  不停地记录活动、导入花名册并报告每次提交（用于断电/强杀测试）
  secretary-studio bench [--secretaries N]        测量启动、花名册每帧耗时和导入速度
  secretary-studio bench --scale county | --db 县级文件
                                                  一张表列出所有性能指标：启动、花名册、导入，以及县级规模文件的
                                                  各页面、PDF、合并和内存
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
    /// `bench`
    Bench {
        /// How many secretaries the roster holds.
        secretaries: usize,
        /// `--db PATH`: a county-scale file to measure as well.
        db: Option<PathBuf>,
        /// `--scale county`: make a county-scale file and measure it as well.
        county: bool,
    },
    /// `share -o FILE --db PATH`
    Share {
        /// The share file to write.
        output: PathBuf,
        /// Our studio file (opened read-only).
        db: PathBuf,
        /// `--passphrase`: protect it with a passphrase read from standard input.
        passphrase: bool,
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
    /// `print {summary|sign-in} SESSION_ID | {problems|ranking|report} [--period P]
    /// -o FILE.pdf --db PATH`
    Print {
        /// Which document.
        printable: crate::print::Printable,
        /// The PDF to write.
        output: PathBuf,
        /// The studio file (opened read-only).
        db: PathBuf,
    },
    /// `--help`
    Help,
    /// `--version`
    Version,
}

/// Parses the arguments (without the program name); a usage error is one line in `lang`.
pub fn parse(args: impl IntoIterator<Item = OsString>, lang: Lang) -> Result<Invocation, String> {
    use lexopt::prelude::*;
    let see_help = lang.pick("（用法见 --help）", " (see --help)");
    let bad = |e: lexopt::Error| {
        let what = match (lang, &e) {
            (Lang::Zh, lexopt::Error::MissingValue { option: Some(o) }) => {
                format!("{o} 后面缺少取值")
            }
            (Lang::Zh, lexopt::Error::UnexpectedOption(o)) => format!("不认识的选项 {o}"),
            (Lang::Zh, lexopt::Error::UnexpectedArgument(a)) => {
                format!("多余的参数 {}", a.to_string_lossy())
            }
            (Lang::Zh, lexopt::Error::UnexpectedValue { option, .. }) => {
                format!("选项 {option} 不带取值")
            }
            (Lang::Zh, lexopt::Error::ParsingFailed { value, .. }) => {
                format!("无法识别的取值 {value}")
            }
            _ => e.to_string(),
        };
        format!(
            "{}{what}{see_help}",
            lang.pick("参数有误：", "bad argument: ")
        )
    };
    // A PDF goes into a file named .pdf (not over a .txt or a studio file by mistake).
    let pdf_output = |output: Option<PathBuf>| -> Result<PathBuf, String> {
        let output = output.ok_or_else(|| {
            format!(
                "{}{see_help}",
                lang.pick("请用 -o 指明输出文件", "-o FILE.pdf is required")
            )
        })?;
        if output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            Ok(output)
        } else {
            Err(format!(
                "{}{}",
                lang.pick(
                    "输出文件名须以 .pdf 结尾：",
                    "the output file must end in .pdf: "
                ),
                output.display()
            ))
        }
    };
    let mut parser = lexopt::Parser::from_args(args);
    let mut command: Option<String> = None;
    let mut positional: Vec<PathBuf> = Vec::new();
    let mut db = None;
    let mut dry_run = false;
    let mut other_studio = false;
    let mut passphrase = false;
    let mut secretaries = None;
    let mut scale: Option<String> = None;
    let mut name: Option<String> = None;
    let mut town: Option<String> = None;
    let mut output: Option<PathBuf> = None;
    let mut period: Option<String> = None;
    let mut count = None;
    while let Some(arg) = parser.next().map_err(bad)? {
        match arg {
            Long("db") => db = Some(PathBuf::from(parser.value().map_err(bad)?)),
            Long("dry-run") => dry_run = true,
            Long("other-studio") => other_studio = true,
            Long("passphrase") => passphrase = true,
            Short('o') | Long("output") => {
                output = Some(PathBuf::from(parser.value().map_err(bad)?));
            }
            Long("period") => period = Some(parser.value().map_err(bad)?.string().map_err(bad)?),
            Long("scale") => scale = Some(parser.value().map_err(bad)?.string().map_err(bad)?),
            Long("name") => name = Some(parser.value().map_err(bad)?.string().map_err(bad)?),
            Long("town") => town = Some(parser.value().map_err(bad)?.string().map_err(bad)?),
            Long(name @ ("secretaries" | "count")) => {
                let name = name.to_owned();
                let value: usize = parser
                    .value()
                    .map_err(bad)?
                    .parse()
                    .map_err(|e| format!("--{name}: {e}{see_help}"))?;
                if name == "count" {
                    count = Some(value);
                } else {
                    secretaries = Some(value);
                }
            }
            Long("help") | Short('h') => return Ok(Invocation::Command(CliCommand::Help)),
            Long("version") | Short('V') => return Ok(Invocation::Command(CliCommand::Version)),
            Value(value) if command.is_none() => {
                command = Some(value.string().map_err(bad)?);
            }
            Value(value) => positional.push(PathBuf::from(value)),
            other => return Err(bad(other.unexpected())),
        }
    }
    let one_path = |what: &str, positional: Vec<PathBuf>| -> Result<PathBuf, String> {
        match <[PathBuf; 1]>::try_from(positional) {
            Ok([path]) => Ok(path),
            Err(_) => Err(format!(
                "{}{what}{see_help}",
                lang.pick("需要且只需要一个 ", "expected exactly one ")
            )),
        }
    };
    let need_db = |db: Option<PathBuf>| {
        db.ok_or_else(|| {
            format!(
                "{}{see_help}",
                lang.pick("请用 --db 指明工作室文件", "--db PATH is required")
            )
        })
    };
    let command = match command.as_deref() {
        None => return Ok(Invocation::Gui { db }),
        Some("import-roster") => CliCommand::ImportRoster {
            file: one_path("FILE", positional)?,
            db: need_db(db)?,
            dry_run,
        },
        Some("roster") if positional.is_empty() => CliCommand::Roster { db: need_db(db)? },
        Some("share") if positional.is_empty() => CliCommand::Share {
            output: output.ok_or_else(|| {
                format!(
                    "{}{see_help}",
                    lang.pick("请用 -o 指明分享文件", "-o FILE is required")
                )
            })?,
            db: need_db(db)?,
            passphrase,
        },
        Some("merge") => CliCommand::Merge {
            file: one_path("FILE", positional)?,
            db: need_db(db)?,
            dry_run,
            other_studio,
            passphrase,
        },
        Some("check") => CliCommand::Check {
            path: one_path("PATH", positional).or_else(|e| db.ok_or(e))?,
        },
        Some("new") => CliCommand::New {
            path: one_path("PATH", positional).or_else(|e| db.ok_or(e))?,
            name: name.unwrap_or_else(|| lang.default_studio_name().to_owned()),
            town: town.unwrap_or_default(),
        },
        Some("stress-writes") => CliCommand::StressWrites {
            db: need_db(db)?,
            merge: positional.into_iter().next(),
            count,
        },
        Some("demo") => CliCommand::Demo {
            db: need_db(db)?,
            secretaries: secretaries.unwrap_or(0),
            county: match scale.as_deref() {
                None | Some("demo") => false,
                Some("county") => true,
                Some(other) => {
                    return Err(format!(
                        "--scale {other}: {}{see_help}",
                        lang.pick("只能是 demo 或 county", "use demo or county")
                    ));
                }
            },
        },
        Some("export") => {
            let code = one_path("LEDGER", positional)?;
            let code = code.to_string_lossy();
            let ledger = crate::export::Ledger::from_code(&code).ok_or_else(|| {
                format!(
                    "{}'{code}'（roster, sessions, attendance, problems, points, assessments）{see_help}",
                    lang.pick("没有这个台账：", "no such ledger: ")
                )
            })?;
            let output = output.ok_or_else(|| {
                format!(
                    "{}{see_help}",
                    lang.pick(
                        "请用 -o 指明导出文件（.xlsx 或 .csv）",
                        "-o FILE.xlsx|FILE.csv is required"
                    )
                )
            })?;
            let period = period
                .map(|text| {
                    crate::domain::period::Period::parse(&text).map_err(|_| {
                        format!(
                            "{}'{text}'{}",
                            lang.pick("不是有效的期间：", "not a period: "),
                            lang.pick(
                                "（请写 2021、2021-H1、2021-Q3 或 2021-05）",
                                " (write 2021, 2021-H1, 2021-Q3 or 2021-05)"
                            )
                        )
                    })
                })
                .transpose()?;
            CliCommand::Export {
                ledger,
                output,
                db: need_db(db)?,
                period,
            }
        }
        Some("print") => {
            let usage = || {
                format!(
                    "{}{see_help}",
                    lang.pick(
                        "用法：print summary|sign-in 活动编号 -o 文件.pdf --db 文件，或 print problems|ranking|report --period 期间 -o 文件.pdf --db 文件",
                        "usage: print summary|sign-in SESSION_ID -o FILE.pdf --db PATH, or print problems|ranking|report --period P -o FILE.pdf --db PATH"
                    )
                )
            };
            let period = period
                .map(|text| {
                    crate::domain::period::Period::parse(&text).map_err(|_| {
                        format!(
                            "{}'{text}'{}",
                            lang.pick("不是有效的期间：", "not a period: "),
                            lang.pick(
                                "（请写 2021、2021-H1、2021-Q3 或 2021-05）",
                                " (write 2021, 2021-H1, 2021-Q3 or 2021-05)"
                            )
                        )
                    })
                })
                .transpose()?;
            if let [kind] = positional.as_slice() {
                let needs_period = || {
                    period.ok_or_else(|| {
                        format!(
                            "{}{see_help}",
                            lang.pick("请用 --period 指明期间", "--period is required")
                        )
                    })
                };
                let printout = match kind.to_string_lossy().as_ref() {
                    "problems" => crate::print::LedgerPrintout::Problems(
                        period,
                        crate::domain::problem::ProblemFilter::default(),
                    ),
                    "ranking" => crate::print::LedgerPrintout::Ranking(needs_period()?),
                    "report" => crate::print::LedgerPrintout::Report(needs_period()?),
                    _ => return Err(usage()),
                };
                return Ok(Invocation::Command(CliCommand::Print {
                    printable: crate::print::Printable::Ledger(printout),
                    output: pdf_output(output)?,
                    db: need_db(db)?,
                }));
            }
            let [kind, id] = <[PathBuf; 2]>::try_from(positional).map_err(|_| usage())?;
            let printout = match kind.to_string_lossy().as_ref() {
                "summary" => crate::print::Printout::Summary,
                "sign-in" => crate::print::Printout::SignIn,
                _ => return Err(usage()),
            };
            let id = id.to_string_lossy();
            let session = id.parse::<i64>().map_err(|_| {
                format!(
                    "{}'{id}'{see_help}",
                    lang.pick("活动编号应是数字：", "a session id is a number: ")
                )
            })?;
            CliCommand::Print {
                printable: crate::print::Printable::Session(
                    printout,
                    crate::domain::SessionId(session),
                ),
                output: pdf_output(output)?,
                db: need_db(db)?,
            }
        }
        Some("bench") => CliCommand::Bench {
            secretaries: secretaries.unwrap_or(1_000),
            db,
            county: scale.as_deref() == Some("county"),
        },
        Some(other) => {
            return Err(format!(
                "{}'{other}'{see_help}",
                lang.pick("没有这个命令：", "unknown command ")
            ));
        }
    };
    Ok(Invocation::Command(command))
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
        CliCommand::Share {
            output,
            db,
            passphrase,
        } => {
            let store = Store::open_read_only(&db).map_err(|e| lang.file_error(&db, &e))?;
            let passphrase = if passphrase {
                Some(read_passphrase(lang)?)
            } else {
                None
            };
            let manifest = store
                .share_with(
                    &output,
                    passphrase.as_deref(),
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
            writeln!(
                out,
                "{}",
                lang.pick("已新建空的工作室", "empty studio written to")
            )
            .map_err(io)?;
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
            writeln!(
                out,
                "{}",
                lang.pick("演示工作室已写入", "demo studio written to")
            )
            .map_err(io)?;
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
            let store = Store::open_read_only(&db).map_err(|e| lang.file_error(&db, &e))?;
            let today = chrono::Local::now().date_naive();
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
        } => {
            let mut out = crate::bench::Verdicts::new(out);
            match (db, county) {
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
        eprint!("{}", lang.pick("口令：", "Passphrase: "));
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let passphrase = line.trim_end_matches(['\r', '\n']).to_owned();
    if passphrase.is_empty() {
        return Err(lang
            .pick(
                "--passphrase：请从标准输入给出口令（一行）。",
                "--passphrase: give the passphrase on standard input (one line).",
            )
            .to_owned());
    }
    Ok(passphrase)
}

fn check(path: &Path, lang: Lang, out: &mut dyn Write) -> Result<(), String> {
    let store = Store::open_read_only(path).map_err(|e| lang.file_error(path, &e))?;
    let report = store.check().map_err(|e| lang.store_error(&e))?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(out, "{}: {}", lang.pick("文件", "file"), path.display()).map_err(io)?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("完整性", "integrity"),
        report.integrity.join("; ")
    )
    .map_err(io)?;
    writeln!(
        out,
        "{}: {} ({}: {})",
        lang.pick("数据版本", "schema version"),
        report.schema_version,
        lang.pick("本程序", "this build"),
        crate::store::schema::current_version()
    )
    .map_err(io)?;
    for count in &report.counts {
        let (live, deleted) = (
            lang.pick("条有效", "live"),
            lang.pick("条已删除", "deleted"),
        );
        let table = match lang {
            Lang::Zh => Lang::Zh.record_kind(&count.table),
            Lang::En => Lang::En.record_kind(&count.table),
        };
        writeln!(
            out,
            "{table:<16} {:>8} {live} {:>6} {deleted}",
            count.live, count.deleted
        )
        .map_err(io)?;
    }
    if report.is_healthy() {
        Ok(())
    } else {
        Err(lang.store_error(&crate::store::Error::Corrupt(report.integrity.join("; "))))
    }
}

/// `merge FILE --db PATH [--dry-run]`: the preview, then (unless a dry run) a backup and the
/// merge in one transaction.
fn merge(
    file: &Path,
    db: &Path,
    (dry_run, other_studio, passphrase): (bool, bool, Option<String>),
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let mut store = if dry_run {
        Store::open_read_only(db)
    } else {
        Store::open(db)
    }
    .map_err(|e| lang.file_error(db, &e))?;
    let progress = crate::work::Progress::new();
    let preview = store
        .plan_merge_with(file, passphrase.as_deref(), &progress)
        .map_err(|e| {
            let message = lang.merge_error(file, &e);
            if matches!(e, crate::store::Error::NeedsPassphrase) {
                format!(
                    "{message}{}",
                    lang.pick(
                        "（加上 --passphrase，从标准输入给出口令）",
                        " (add --passphrase and give it on standard input)"
                    )
                )
            } else {
                message
            }
        })?;
    writeln!(
        out,
        "{:<16} {:>8} {:>8} {:>8} {:>8}",
        lang.pick("记录", "records"),
        lang.pick("新增", "new"),
        lang.pick("更新", "updated"),
        lang.pick("删除", "deleted"),
        lang.pick("冲突", "conflicts")
    )
    .map_err(io)?;
    for t in preview
        .tables
        .iter()
        .filter(|t| t.table != "site" && t.new + t.updated + t.deleted + t.conflicts > 0)
    {
        let name = match lang {
            Lang::Zh => Lang::Zh.record_kind(&t.table),
            Lang::En => Lang::En.record_kind(&t.table),
        };
        writeln!(
            out,
            "{name:<16} {:>8} {:>8} {:>8} {:>8}  {}",
            t.new,
            t.updated,
            t.deleted,
            t.conflicts,
            t.examples.join(lang.pick("、", ", "))
        )
        .map_err(io)?;
    }
    if preview.clock_ahead {
        writeln!(
            out,
            "{}",
            lang.pick(
                "注意：对方文件的时间比本机晚一天以上，对方电脑的日期可能不对。",
                "Note: the other file's clock is more than a day ahead of this laptop's; its date may be wrong."
            )
        )
        .map_err(io)?;
    }
    if !preview.possible_duplicates.is_empty() {
        writeln!(
            out,
            "{}",
            lang.merge_possible_duplicates(&preview.possible_duplicates)
        )
        .map_err(io)?;
    }
    if preview.is_empty() {
        return writeln!(
            out,
            "{}",
            lang.pick("没有需要合并的改动。", "Nothing to merge.")
        )
        .map_err(io);
    }
    if let Some(studio) = &preview.other_studio {
        writeln!(out, "{}", lang.merge_other_studio(studio)).map_err(io)?;
    }
    if dry_run {
        if preview.other_studio.is_some() && !other_studio {
            writeln!(
                out,
                "{}",
                lang.pick(
                    "真正合并时须加上 --other-studio。",
                    "The merge itself will need --other-studio."
                )
            )
            .map_err(io)?;
        }
        return writeln!(
            out,
            "{}",
            lang.pick("（预览，未写入）", "(dry run: nothing written)")
        )
        .map_err(io);
    }
    if preview.other_studio.is_some() && !other_studio {
        return Err(lang
            .pick(
                "未合并：这是另一个工作室的文件；确定要合并时请加上 --other-studio。",
                "Not merged: the file belongs to another studio; add --other-studio to merge it all the same.",
            )
            .to_owned());
    }
    let backup = store
        .backup_before("合并前")
        .map_err(|e| lang.store_error(&e))?;
    let written = store
        .apply_merge(&preview, &crate::work::Progress::new())
        .map_err(|e| lang.store_error(&e))?;
    let waiting = store.review_count().unwrap_or(0);
    writeln!(
        out,
        "{}",
        lang.merged_with_review(written, backup.as_deref(), waiting)
    )
    .map_err(io)
}

fn import_roster(
    file: &Path,
    db: &Path,
    dry_run: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let today = chrono::Local::now().date_naive();
    let parsed = read_sheet(file)
        .and_then(|sheet| parse_roster(&sheet, today))
        .map_err(|e| lang.import_error(file, &e))?;
    let mut store = if dry_run {
        Store::open_read_only(db)
    } else {
        Store::open(db)
    }
    .map_err(|e| lang.file_error(db, &e))?;
    let plan = store
        .plan_roster_import(parsed)
        .map_err(|e| lang.store_error(&e))?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(
        out,
        "{}: {}  {}: {}  {}: {}  {}: {}",
        lang.import_to_add(),
        plan.to_add.len(),
        lang.import_to_update(),
        plan.to_update.len(),
        lang.import_unchanged(),
        plan.unchanged.len(),
        lang.import_rejected(),
        plan.rejected.len()
    )
    .map_err(io)?;
    for (label, items) in [
        (lang.import_new_areas(), plan.new_areas.clone()),
        (
            lang.import_new_branches(),
            plan.new_branches.iter().map(|b| b.name.clone()).collect(),
        ),
        (lang.import_ignored_columns(), plan.ignored_columns.clone()),
    ] {
        if !items.is_empty() {
            writeln!(out, "{label}: {}", items.join(", ")).map_err(io)?;
        }
    }
    for rejection in &plan.rejected {
        writeln!(
            out,
            "{} {} {}: {}",
            lang.col_line(),
            rejection.line,
            rejection.name,
            lang.reject_reason(&rejection.reason)
        )
        .map_err(io)?;
    }
    if dry_run {
        writeln!(
            out,
            "{}",
            lang.pick("（试运行：未写入任何内容）", "(dry run: nothing written)")
        )
        .map_err(io)?;
        return Ok(());
    }
    store
        .backup_before("导入前")
        .map_err(|e| lang.store_error(&e))?;
    let outcome = store
        .write(|w| w.apply_roster_import(&plan))
        .map_err(|e| lang.write_failed(&e))?;
    writeln!(out, "{}", lang.imported(outcome.added, outcome.updated)).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

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
