//! Printing the wider practice's documents from the command line: letters of appointment
//! (numbered first) by group name, and a check-up form by the person's name.

use crate::domain::checkup::CheckupId;
use crate::i18n::Lang;
use crate::print::LetterSet;
use crate::store::Store;
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;

/// The letters `group` names (all if none), with those of its members in office that have no
/// number yet numbered on `today`, in one transaction (a reprint keeps every number); says
/// how many were numbered. Nothing is numbered for a printout whose folder is not there.
///
/// # Errors
/// A group name that matches none (the sentence lists the groups), no member in office, no
/// folder for `output`, or why the file could not be read or written.
pub(super) fn number_letters(
    store: &mut Store,
    (group, output): (Option<&str>, &Path),
    today: NaiveDate,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<LetterSet, String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    if !crate::durable::folder_of(output).is_dir() {
        let why = lang.write_error(&crate::durable::WriteError::NoSuchFolder);
        return Err(lang.print_error(output, why.trim_end_matches(['。', '.'])));
    }
    let set = match group {
        None => LetterSet::All,
        Some(name) => {
            let groups = store.groups().map_err(error)?;
            // The whole name, or a part of one name only (智囊团).
            let found = groups.iter().find(|g| g.name == name).or_else(|| {
                let mut partial = groups.iter().filter(|g| g.name.contains(name));
                match (partial.next(), partial.next()) {
                    (Some(only), None) if !name.is_empty() => Some(only),
                    _ => None,
                }
            });
            let Some(group) = found else {
                let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
                return Err(lang.certificate_no_such_group(name, &names));
            };
            LetterSet::Group(group.id)
        }
    };
    let members = crate::print::letter_members(store, set, today).map_err(error)?;
    if members.is_empty() {
        return Err(lang.certificate_none().to_owned());
    }
    let unnumbered: Vec<_> = members
        .iter()
        .filter(|m| m.fields.letter.is_none())
        .map(|m| m.id)
        .collect();
    if !unnumbered.is_empty() {
        store
            .write(|w| w.issue_letters(&unnumbered, today))
            .map_err(error)?;
    }
    writeln!(out, "{}", lang.certificate_numbered(unnumbered.len())).map_err(|e| e.to_string())?;
    Ok(set)
}

/// The check-up of `year` of the person named `who` (a secretary or someone of the register).
///
/// # Errors
/// Nobody of that name was checked that year (the sentence lists who was), or why the file
/// could not be read.
pub(super) fn checkup_of(
    store: &Store,
    year: i32,
    who: &str,
    lang: Lang,
) -> Result<CheckupId, String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let subjects = crate::print::Subjects::read(store).map_err(error)?;
    let checkups = store.checkups(year).map_err(error)?;
    checkups
        .iter()
        .find(|c| subjects.name(c.fields.subject) == who)
        .map(|c| c.id)
        .ok_or_else(|| {
            let names: Vec<String> = checkups
                .iter()
                .map(|c| subjects.name(c.fields.subject).to_owned())
                .collect();
            lang.checkup_no_such(who, year, &names)
        })
}

#[cfg(test)]
mod tests {
    use crate::cli::{CliCommand, Invocation, PrintWhat, parse};
    use crate::i18n::Lang;
    use crate::print::LedgerPrintout;
    use std::ffi::OsString;

    fn parsed(text: &str) -> Result<Invocation, String> {
        parse(text.split_whitespace().map(OsString::from), Lang::En)
    }

    fn printing(printable: PrintWhat, output: &str) -> Invocation {
        Invocation::Command(CliCommand::Print {
            printable,
            output: output.into(),
            db: "s.db".into(),
        })
    }

    #[test]
    fn parses_the_practices_print_commands() {
        assert_eq!(
            parsed("print letters --group 妇女团 -o l.pdf --db s.db"),
            Ok(printing(
                PrintWhat::Letters {
                    group: Some("妇女团".into())
                },
                "l.pdf"
            ))
        );
        assert_eq!(
            parsed("print letters -o l.docx --db s.db"),
            Ok(printing(PrintWhat::Letters { group: None }, "l.docx"))
        );
        assert_eq!(
            parsed("print checkup --year 2026 --who 王建国 -o c.pdf --db s.db"),
            Ok(printing(
                PrintWhat::Checkup {
                    year: 2026,
                    who: "王建国".into()
                },
                "c.pdf"
            ))
        );
        assert_eq!(
            parsed("print checkups --year 2026 -o c.pdf --db s.db"),
            Ok(printing(
                PrintWhat::Ledger(LedgerPrintout::Checkups(2026)),
                "c.pdf"
            ))
        );
        assert_eq!(
            parsed("print appraisals --year 2026 -o a.pdf --db s.db"),
            Ok(printing(
                PrintWhat::Ledger(LedgerPrintout::Appraisals(2026)),
                "a.pdf"
            ))
        );
        for wrong in [
            "print appraisals -o a.pdf --db s.db",
            "print appraisals --year twenty -o a.pdf --db s.db",
            "print checkup --year 2026 -o c.pdf --db s.db",
            "print letters -o l.txt --db s.db",
        ] {
            assert!(parsed(wrong).is_err(), "{wrong}");
        }
    }
}
