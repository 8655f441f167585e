//! Reading the command line: the arguments into a [`CliCommand`], or one line saying what is
//! wrong in the user's language.

use super::{CliCommand, Invocation};
use crate::domain::period::Period;
use crate::i18n::Lang;
use std::ffi::OsString;
use std::path::PathBuf;

/// Every option and value given, before the command decides which it needs (its flags are
/// independent switches, one per option).
#[derive(Default)]
#[allow(clippy::struct_excessive_bools)]
struct Args {
    command: Option<String>,
    positional: Vec<PathBuf>,
    db: Option<PathBuf>,
    dry_run: bool,
    skip_errors: bool,
    other_studio: bool,
    passphrase: bool,
    secretaries: Option<usize>,
    scale: Option<String>,
    name: Option<String>,
    town: Option<String>,
    output: Option<PathBuf>,
    period: Option<String>,
    count: Option<usize>,
    caption: Option<String>,
    scan: bool,
    thumbnails_only: bool,
    group: Option<String>,
    year: Option<String>,
    who: Option<String>,
    days: Option<String>,
    id: Option<String>,
    title: Option<String>,
}

/// The messages of a usage error, in the user's language.
#[derive(Clone, Copy)]
struct Usage {
    lang: Lang,
}

impl Usage {
    fn see_help(self) -> &'static str {
        self.lang.cli_see_help()
    }

    /// "what is missing", then where to read how.
    fn missing(self, what: fn(Lang) -> &'static str) -> String {
        format!("{}{}", what(self.lang), self.see_help())
    }

    #[allow(
        clippy::needless_pass_by_value,
        reason = "taken as map_err hands it over"
    )]
    fn bad(self, e: lexopt::Error) -> String {
        let what = match (self.lang, &e) {
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
        format!("{}{what}{}", self.lang.cli_bad_argument(), self.see_help())
    }

    fn need_db(self, db: Option<PathBuf>) -> Result<PathBuf, String> {
        db.ok_or_else(|| self.missing(Lang::cli_need_db))
    }

    fn one_path(self, what: &str, positional: Vec<PathBuf>) -> Result<PathBuf, String> {
        match <[PathBuf; 1]>::try_from(positional) {
            Ok([path]) => Ok(path),
            Err(_) => Err(format!(
                "{}{what}{}",
                self.lang.cli_expected_exactly_one(),
                self.see_help()
            )),
        }
    }

    /// `--year 2026`, required.
    fn year(self, text: Option<String>) -> Result<i32, String> {
        let text = text.ok_or_else(|| self.missing(Lang::cli_need_year))?;
        text.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| format!("{}'{text}'{}", self.lang.cli_not_year(), self.see_help()))
    }

    /// `--days 14`: how far ahead the `due` list looks (the calendar's default if not given).
    fn days(self, text: Option<String>) -> Result<i64, String> {
        let Some(text) = text else {
            return Ok(crate::domain::calendar::DEFAULT_DAYS_AHEAD);
        };
        text.trim()
            .parse::<i64>()
            .ok()
            .filter(|d| (0..=366).contains(d))
            .ok_or_else(|| format!("{}'{text}'{}", self.lang.cli_not_days(), self.see_help()))
    }

    /// A record named on the command line: a number (its 编号) or its name, trimmed.
    fn which(text: &str) -> Option<super::Which> {
        let text = text.trim();
        if text.is_empty() {
            None
        } else if let Ok(number) = text.parse::<i64>() {
            Some(super::Which::Number(number))
        } else {
            Some(super::Which::Name(text.to_owned()))
        }
    }

    fn period(self, text: Option<String>) -> Result<Option<Period>, String> {
        text.map(|text| {
            Period::parse(&text).map_err(|_| {
                format!(
                    "{}'{text}'{}",
                    self.lang.cli_not_period(),
                    self.lang.cli_write_2021_2021_h1()
                )
            })
        })
        .transpose()
    }

    /// A printout goes into a file named .pdf or .docx (not over a .txt or a studio file by
    /// mistake); the extension chooses PDF or Word.
    fn pdf_output(self, output: Option<PathBuf>) -> Result<PathBuf, String> {
        let output = output.ok_or_else(|| self.missing(Lang::cli_need_pdf_output))?;
        if output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("docx"))
        {
            Ok(output)
        } else {
            Err(format!(
                "{}{}",
                self.lang.cli_output_file_must_end(),
                output.display()
            ))
        }
    }
}

/// Parses the arguments (without the program name); a usage error is one line in `lang`.
pub fn parse(args: impl IntoIterator<Item = OsString>, lang: Lang) -> Result<Invocation, String> {
    let usage = Usage { lang };
    let args = match read_args(args, usage)? {
        Ok(args) => args,
        Err(invocation) => return Ok(invocation),
    };
    let Some(command) = args.command.clone() else {
        return Ok(Invocation::Gui { db: args.db });
    };
    command_of(&command, args, usage).map(Invocation::Command)
}

/// Collects the arguments; `--help` and `--version` answer at once.
fn read_args(
    args: impl IntoIterator<Item = OsString>,
    usage: Usage,
) -> Result<Result<Args, Invocation>, String> {
    use lexopt::prelude::*;
    let bad = |e| usage.bad(e);
    let mut parser = lexopt::Parser::from_args(args);
    let mut a = Args::default();
    while let Some(arg) = parser.next().map_err(bad)? {
        match arg {
            Long("db") => a.db = Some(PathBuf::from(parser.value().map_err(bad)?)),
            Long("dry-run") => a.dry_run = true,
            Long("skip-errors") => a.skip_errors = true,
            Long("other-studio") => a.other_studio = true,
            Long("passphrase") => a.passphrase = true,
            Long("scan") => a.scan = true,
            Long("thumbnails-only") => a.thumbnails_only = true,
            Short('o') | Long("output") => {
                a.output = Some(PathBuf::from(parser.value().map_err(bad)?));
            }
            Long(
                option @ ("period" | "scale" | "name" | "town" | "caption" | "group" | "year"
                | "who" | "days" | "id" | "title"),
            ) => {
                let option = option.to_owned();
                let value = Some(parser.value().map_err(bad)?.string().map_err(bad)?);
                match option.as_str() {
                    "period" => a.period = value,
                    "scale" => a.scale = value,
                    "name" => a.name = value,
                    "caption" => a.caption = value,
                    "group" => a.group = value,
                    "year" => a.year = value,
                    "who" => a.who = value,
                    "days" => a.days = value,
                    "id" => a.id = value,
                    "title" => a.title = value,
                    _ => a.town = value,
                }
            }
            Long(name @ ("secretaries" | "count")) => {
                let name = name.to_owned();
                let value: usize = parser
                    .value()
                    .map_err(bad)?
                    .parse()
                    .map_err(|e| format!("--{name}: {e}{}", usage.see_help()))?;
                if name == "count" {
                    a.count = Some(value);
                } else {
                    a.secretaries = Some(value);
                }
            }
            Long("help") | Short('h') => return Ok(Err(Invocation::Command(CliCommand::Help))),
            Long("version") | Short('V') => {
                return Ok(Err(Invocation::Command(CliCommand::Version)));
            }
            Value(value) if a.command.is_none() => {
                a.command = Some(value.string().map_err(bad)?);
            }
            Value(value) => a.positional.push(PathBuf::from(value)),
            other => return Err(bad(other.unexpected())),
        }
    }
    Ok(Ok(a))
}

/// The command `name` asks for, with what it needs from `a`.
fn command_of(name: &str, a: Args, usage: Usage) -> Result<CliCommand, String> {
    let lang = usage.lang;
    Ok(match name {
        "import-roster" => CliCommand::ImportRoster {
            file: usage.one_path("FILE", a.positional)?,
            db: usage.need_db(a.db)?,
            dry_run: a.dry_run,
        },
        "import-people" => CliCommand::ImportPeople {
            file: usage
                .one_path("FILE", a.positional)
                .map_err(|_| usage.missing(Lang::cli_import_people_usage))?,
            db: usage.need_db(a.db)?,
            dry_run: a.dry_run,
            skip_errors: a.skip_errors,
        },
        "roster" if a.positional.is_empty() => CliCommand::Roster {
            db: usage.need_db(a.db)?,
        },
        "share" if a.positional.is_empty() => CliCommand::Share {
            output: a
                .output
                .ok_or_else(|| usage.missing(Lang::cli_need_share_output))?,
            db: usage.need_db(a.db)?,
            passphrase: a.passphrase,
            thumbnails_only: a.thumbnails_only,
        },
        "archive" if a.positional.is_empty() => CliCommand::Archive {
            period: usage
                .period(a.period)?
                .ok_or_else(|| usage.missing(Lang::cli_need_period))?,
            folder: a
                .output
                .ok_or_else(|| usage.missing(Lang::cli_archive_usage))?,
            db: usage.need_db(a.db)?,
        },
        "attach" => {
            let mut positional = a.positional.into_iter();
            let (Some(number), files) = (positional.next(), positional.collect::<Vec<_>>()) else {
                return Err(usage.missing(Lang::cli_attach_usage));
            };
            if files.is_empty() {
                return Err(usage.missing(Lang::cli_attach_usage));
            }
            CliCommand::Attach {
                number: number.to_string_lossy().trim().to_owned(),
                files,
                db: usage.need_db(a.db)?,
                caption: a.caption.unwrap_or_default(),
                scan: a.scan,
            }
        }
        "merge" => CliCommand::Merge {
            file: usage.one_path("FILE", a.positional)?,
            db: usage.need_db(a.db)?,
            dry_run: a.dry_run,
            other_studio: a.other_studio,
            passphrase: a.passphrase,
        },
        "check" => CliCommand::Check {
            path: usage
                .one_path("PATH", a.positional)
                .or_else(|e| a.db.ok_or(e))?,
        },
        "new" => CliCommand::New {
            path: usage
                .one_path("PATH", a.positional)
                .or_else(|e| a.db.ok_or(e))?,
            name: a
                .name
                .unwrap_or_else(|| lang.default_studio_name().to_owned()),
            town: a.town.unwrap_or_default(),
        },
        "stress-writes" => CliCommand::StressWrites {
            db: usage.need_db(a.db)?,
            merge: a.positional.into_iter().next(),
            count: a.count,
        },
        "demo" => CliCommand::Demo {
            db: usage.need_db(a.db)?,
            secretaries: a.secretaries.unwrap_or(0),
            county: match a.scale.as_deref() {
                None | Some("demo") => false,
                Some("county") => true,
                Some(other) => {
                    return Err(format!(
                        "--scale {other}: {}{}",
                        lang.cli_use_demo_or_county(),
                        usage.see_help()
                    ));
                }
            },
        },
        "due" if a.positional.is_empty() => CliCommand::Due {
            days: usage.days(a.days)?,
            db: usage.need_db(a.db)?,
        },
        "export" => export_command(a, usage)?,
        "print" => print_command(a, usage)?,
        "bench" => CliCommand::Bench {
            secretaries: a.secretaries.unwrap_or(1_000),
            county: a.scale.as_deref() == Some("county"),
            merge_only: match a.positional.as_slice() {
                [] => false,
                [what] if what.as_os_str() == "merge" && a.db.is_some() => true,
                _ => return Err(usage.missing(Lang::cli_bench_merge_needs_db)),
            },
            db: a.db,
        },
        other => {
            return Err(format!(
                "{}'{other}'{}",
                lang.cli_unknown_command(),
                usage.see_help()
            ));
        }
    })
}

/// `export LEDGER -o FILE --db PATH [--period P]`
fn export_command(a: Args, usage: Usage) -> Result<CliCommand, String> {
    let lang = usage.lang;
    let code = usage.one_path("LEDGER", a.positional)?;
    let code = code.to_string_lossy();
    let ledger = crate::export::Ledger::from_code(&code).ok_or_else(|| {
        let codes: Vec<&str> = crate::export::Ledger::ALL
            .iter()
            .map(|l| l.code())
            .collect();
        format!(
            "{}'{code}'（{}）{}",
            lang.cli_no_such_ledger(),
            codes.join(", "),
            usage.see_help()
        )
    })?;
    let output = a
        .output
        .ok_or_else(|| usage.missing(Lang::cli_need_export_output))?;
    Ok(CliCommand::Export {
        ledger,
        output,
        period: usage.period(a.period)?,
        db: usage.need_db(a.db)?,
    })
}

/// `print summary|sign-in SESSION_NO | problems|ranking|report [--period P] |
/// letters [--group NAME] | checkups|appraisals --year Y | checkup --year Y --who NAME
/// -o FILE.pdf --db PATH`
fn print_command(a: Args, usage: Usage) -> Result<CliCommand, String> {
    use crate::print::LedgerPrintout;
    let lang = usage.lang;
    let wrong = || usage.missing(Lang::cli_print_usage);
    let period = usage.period(a.period.clone())?;
    if let Some(printable) = town_printable(&a, period, usage)? {
        return Ok(CliCommand::Print {
            printable,
            output: usage.pdf_output(a.output)?,
            db: usage.need_db(a.db)?,
        });
    }
    let printable = if let [kind] = a.positional.as_slice() {
        let needs_period = || period.ok_or_else(|| usage.missing(Lang::cli_need_period));
        let printout = match kind.to_string_lossy().as_ref() {
            "problems" => {
                LedgerPrintout::Problems(period, crate::domain::problem::ProblemFilter::default())
            }
            "ranking" => LedgerPrintout::Ranking(needs_period()?),
            "report" => LedgerPrintout::Report(needs_period()?),
            "checkups" => LedgerPrintout::Checkups(usage.year(a.year)?),
            "appraisals" => LedgerPrintout::Appraisals(usage.year(a.year)?),
            "letters" => {
                return Ok(CliCommand::Print {
                    printable: super::PrintWhat::Letters {
                        group: a.group.map(|g| g.trim().to_owned()),
                    },
                    output: usage.pdf_output(a.output)?,
                    db: usage.need_db(a.db)?,
                });
            }
            "checkup" => {
                let year = usage.year(a.year)?;
                let who = a
                    .who
                    .map(|w| w.trim().to_owned())
                    .filter(|w| !w.is_empty())
                    .ok_or_else(|| usage.missing(Lang::checkup_need_who))?;
                return Ok(CliCommand::Print {
                    printable: super::PrintWhat::Checkup { year, who },
                    output: usage.pdf_output(a.output)?,
                    db: usage.need_db(a.db)?,
                });
            }
            _ => return Err(wrong()),
        };
        super::PrintWhat::Ledger(printout)
    } else {
        let [kind, id] = <[PathBuf; 2]>::try_from(a.positional).map_err(|_| wrong())?;
        let printout = match kind.to_string_lossy().as_ref() {
            "summary" => crate::print::Printout::Summary,
            "sign-in" => crate::print::Printout::SignIn,
            _ => return Err(wrong()),
        };
        let number = id.to_string_lossy().trim().to_owned();
        // 20261120-a3f9 (the same in every village) or a local id.
        let plausible = number.parse::<i64>().is_ok()
            || number
                .split_once('-')
                .is_some_and(|(day, tail)| day.len() == 8 && !tail.is_empty());
        if !plausible {
            return Err(format!(
                "{}'{number}'{}",
                lang.cli_session_id_number(),
                usage.see_help()
            ));
        }
        super::PrintWhat::Session(printout, number)
    };
    Ok(CliCommand::Print {
        printable,
        output: usage.pdf_output(a.output)?,
        db: usage.need_db(a.db)?,
    })
}

/// The town's printouts: `bases --year Y`, `base NAME|--name NAME`, `duties`, `tasks --period
/// P`, `decisions --period P`, `decision --id N|--title TEXT`; `None` for any other.
fn town_printable(
    a: &Args,
    period: Option<Period>,
    usage: Usage,
) -> Result<Option<super::PrintWhat>, String> {
    use super::PrintWhat;
    use crate::print::LedgerPrintout;
    let Some(kind) = a.positional.first() else {
        return Ok(None);
    };
    let needs_period = || period.ok_or_else(|| usage.missing(Lang::cli_need_period));
    let only = |printable: PrintWhat| {
        if a.positional.len() == 1 {
            Ok(Some(printable))
        } else {
            Err(usage.missing(Lang::cli_print_usage))
        }
    };
    match kind.to_string_lossy().as_ref() {
        "bases" => only(PrintWhat::Ledger(LedgerPrintout::Bases(
            usage.year(a.year.clone())?,
        ))),
        "duties" => only(PrintWhat::Ledger(LedgerPrintout::Duties)),
        "tasks" => only(PrintWhat::Ledger(LedgerPrintout::Tasks(needs_period()?))),
        "decisions" => only(PrintWhat::Ledger(
            LedgerPrintout::Decisions(needs_period()?),
        )),
        "base" => {
            // `print base 天麻` or `print base --name 天麻`.
            let named = match (a.positional.get(1), a.name.as_deref(), a.positional.len()) {
                (Some(name), None, 2) => Usage::which(&name.to_string_lossy()),
                (None, Some(name), 1) => Usage::which(name),
                _ => None,
            };
            named
                .map(|which| Some(PrintWhat::Base(which)))
                .ok_or_else(|| usage.missing(Lang::cli_need_base))
        }
        "decision" => {
            let named = match (a.id.as_deref(), a.title.as_deref(), a.positional.len()) {
                (Some(id), None, 1) => id.trim().parse::<i64>().ok().map(super::Which::Number),
                (None, Some(title), 1) => Usage::which(title).map(|w| match w {
                    // A title is a title, digits or not.
                    super::Which::Number(_) => super::Which::Name(title.trim().to_owned()),
                    name @ super::Which::Name(_) => name,
                }),
                _ => None,
            };
            named
                .map(|which| Some(PrintWhat::Decision(which)))
                .ok_or_else(|| usage.missing(Lang::cli_need_decision))
        }
        _ => Ok(None),
    }
}
