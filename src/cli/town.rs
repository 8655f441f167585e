//! The town's records on the command line: the calendar's list of what is due (`due`), and
//! finding the base or decision a `print` names, by number or by name.

use super::Which;
use crate::domain::base::BaseId;
use crate::domain::decision::DecisionId;
use crate::i18n::Lang;
use crate::store::Store;
use chrono::NaiveDate;
use std::io::Write;

/// How many decisions a "no such decision" sentence names before it says how many more.
const LISTED: usize = 20;

/// Writes what is due from the lookback to `days` ahead of `today`, one line each, overdue
/// first: `2026-11-20  逾期  难题时限  道路硬化资金缺口  （东沟村党支部）`; a sentence when
/// nothing is.
///
/// # Errors
/// Why the store could not be read or the lines not written.
pub(super) fn due(
    store: &Store,
    days: i64,
    today: NaiveDate,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let items = store.due(today, days).map_err(|e| lang.store_error(&e))?;
    if items.is_empty() {
        return writeln!(out, "{}", lang.cli_nothing_due(days)).map_err(io);
    }
    for item in items {
        let who = item.who.trim();
        let who = match (lang, who.is_empty()) {
            (_, true) => String::new(),
            (Lang::Zh, false) => format!("  （{who}）"),
            (Lang::En, false) => format!("  ({who})"),
        };
        let line = format!(
            "{}  {}  {}  {}{who}",
            item.on.format("%Y-%m-%d"),
            lang.cli_due_when(item.on, today),
            lang.due_kind(item.kind),
            lang.cli_due_title(item.kind, item.title.trim())
        );
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(())
}

/// The one of `names` that `which` names: by number, by the whole name, or by a part only one
/// name holds.
fn find<Id: Copy>(names: &[(Id, i64, String)], which: &Which) -> Option<Id> {
    match which {
        Which::Number(number) => names.iter().find(|(_, n, _)| n == number).map(|x| x.0),
        Which::Name(name) => names
            .iter()
            .find(|(_, _, n)| n == name)
            .or_else(|| {
                let mut partial = names.iter().filter(|(_, _, n)| n.contains(name.as_str()));
                match (partial.next(), partial.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                }
            })
            .map(|x| x.0),
    }
}

fn said(which: &Which) -> String {
    match which {
        Which::Number(n) => n.to_string(),
        Which::Name(name) => name.clone(),
    }
}

/// The base `which` names.
///
/// # Errors
/// None matches (the sentence lists the bases with their numbers), or the store could not be
/// read.
pub(super) fn base_of(store: &Store, which: &Which, lang: Lang) -> Result<BaseId, String> {
    let bases: Vec<(BaseId, i64, String)> = store
        .bases()
        .map_err(|e| lang.store_error(&e))?
        .into_iter()
        .map(|b| (b.id, b.id.0, b.fields.name))
        .collect();
    find(&bases, which).ok_or_else(|| {
        let listed: Vec<String> = bases
            .iter()
            .map(|(_, n, name)| format!("{n} {name}"))
            .collect();
        lang.cli_no_such_base(&said(which), &listed)
    })
}

/// The decision `which` names.
///
/// # Errors
/// None matches (the sentence lists the latest decisions with their numbers), or the store
/// could not be read.
pub(super) fn decision_of(store: &Store, which: &Which, lang: Lang) -> Result<DecisionId, String> {
    let decisions: Vec<(DecisionId, i64, String)> = store
        .decisions()
        .map_err(|e| lang.store_error(&e))?
        .into_iter()
        .map(|d| (d.id, d.id.0, d.fields.title))
        .collect();
    find(&decisions, which).ok_or_else(|| {
        let listed: Vec<String> = decisions
            .iter()
            .take(LISTED)
            .map(|(_, n, title)| format!("{n} {title}"))
            .collect();
        lang.cli_no_such_decision(
            &said(which),
            &listed,
            decisions.len().saturating_sub(LISTED),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::{Which, find};
    use crate::cli::{CliCommand, Invocation, PrintWhat, parse};
    use crate::i18n::Lang;
    use crate::print::LedgerPrintout;

    fn parsed(text: &str) -> Result<Invocation, String> {
        parse(
            text.split_whitespace().map(std::ffi::OsString::from),
            Lang::En,
        )
    }

    fn printing(printable: PrintWhat) -> Invocation {
        Invocation::Command(CliCommand::Print {
            printable,
            output: "x.pdf".into(),
            db: "s.db".into(),
        })
    }

    #[test]
    fn parses_due_and_the_towns_print_commands() {
        assert_eq!(
            parsed("due --db s.db"),
            Ok(Invocation::Command(CliCommand::Due {
                days: 14,
                db: "s.db".into()
            }))
        );
        assert_eq!(
            parsed("due --days 30 --db s.db"),
            Ok(Invocation::Command(CliCommand::Due {
                days: 30,
                db: "s.db".into()
            }))
        );
        let period = crate::domain::period::Period::parse("2026-Q3").expect("period");
        for (text, printable) in [
            (
                "print bases --year 2026",
                PrintWhat::Ledger(LedgerPrintout::Bases(2026)),
            ),
            ("print duties", PrintWhat::Ledger(LedgerPrintout::Duties)),
            (
                "print tasks --period 2026-Q3",
                PrintWhat::Ledger(LedgerPrintout::Tasks(period)),
            ),
            (
                "print decisions --period 2026-Q3",
                PrintWhat::Ledger(LedgerPrintout::Decisions(period)),
            ),
            (
                "print base --name 天麻",
                PrintWhat::Base(Which::Name("天麻".into())),
            ),
            ("print base 3", PrintWhat::Base(Which::Number(3))),
            (
                "print decision --id 7",
                PrintWhat::Decision(Which::Number(7)),
            ),
            (
                "print decision --title 2026",
                PrintWhat::Decision(Which::Name("2026".into())),
            ),
        ] {
            assert_eq!(
                parsed(&format!("{text} -o x.pdf --db s.db")),
                Ok(printing(printable)),
                "{text}"
            );
        }
        for wrong in [
            "due --days -1 --db s.db",
            "due --days 400 --db s.db",
            "due extra --db s.db",
            "print bases -o x.pdf --db s.db",
            "print base -o x.pdf --db s.db",
            "print base a b -o x.pdf --db s.db",
            "print decision --id seven -o x.pdf --db s.db",
            "print decision --id 1 --title x -o x.pdf --db s.db",
            "print duties extra -o x.pdf --db s.db",
            "print tasks -o x.pdf --db s.db",
            "print decisions --period 2026 -o x.txt --db s.db",
        ] {
            assert!(parsed(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_record_is_found_by_number_whole_name_or_a_part_only_one_holds() {
        let names = vec![
            (10, 1, "古城食用菌产业示范基地".to_owned()),
            (20, 2, "天麻种植基地".to_owned()),
            (30, 3, "天麻".to_owned()),
        ];
        assert_eq!(find(&names, &Which::Number(2)), Some(20));
        assert_eq!(find(&names, &Which::Number(9)), None);
        assert_eq!(find(&names, &Which::Name("天麻".into())), Some(30), "whole");
        assert_eq!(
            find(&names, &Which::Name("食用菌".into())),
            Some(10),
            "part"
        );
        assert_eq!(
            find(&names, &Which::Name("基地".into())),
            None,
            "two hold it"
        );
    }
}
