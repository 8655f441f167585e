//! Letters of appointment (聘书) of the "100-member league" groups: a certificate a page, A4
//! lying, large and centred as the town's certificates are: the number, the title, the
//! appointment with its term, and the issuing body with the day of issue to the right.

use super::full_date_plain;
use crate::domain::league::{GroupId, Member, MemberId, format_letter_no};
use crate::i18n::Lang;
use crate::report::{Align, Compose, Display};
use crate::store::Store;
use chrono::NaiveDate;

/// Whose letters to print.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LetterSet {
    /// Every member in office of every active group.
    All,
    /// The members in office of one group.
    Group(GroupId),
    /// One membership's letter, whatever its term.
    Member(MemberId),
}

/// Sizes in points: 三号 for the number, a title twice 一号 (English, whose title is long,
/// 初号), the appointment in 二号, the issuing body and the day in 小二.
const NUMBER_SIZE: f32 = 16.0;
const TITLE_SIZE: f32 = 54.0;
const TITLE_SIZE_EN: f32 = 36.0;
const BODY_SIZE: f32 = 22.0;
const SIGNER_SIZE: f32 = 18.0;
/// Room in points above the number, the title, the appointment and the issuing body: the
/// letter fills the page's middle, as on printed certificate paper.
const ROOM: [f32; 4] = [48.0, 22.0, 44.0, 64.0];

/// The memberships `set` prints on `today`, leaders first within each group: for a group or
/// all, those whose term is not over (all: of the groups not archived).
///
/// # Errors
/// Why the store could not be read.
pub fn letter_members(
    store: &Store,
    set: LetterSet,
    today: NaiveDate,
) -> crate::store::Result<Vec<Member>> {
    let groups = store.groups()?;
    let active = |group: GroupId| groups.iter().any(|g| g.id == group && !g.archived);
    let in_office = |m: &Member| m.fields.term_ends_on.is_none_or(|end| end >= today);
    Ok(store
        .members()?
        .into_iter()
        .filter(|m| match set {
            LetterSet::All => active(m.fields.group) && in_office(m),
            LetterSet::Group(group) => m.fields.group == group && in_office(m),
            LetterSet::Member(member) => m.id == member,
        })
        .collect())
}

/// What the letters of `set` are called: 聘书, 〈团名〉聘书 or 〈姓名〉聘书.
///
/// # Errors
/// Why the store could not be read.
pub fn letters_title(store: &Store, lang: Lang, set: LetterSet) -> crate::store::Result<String> {
    Ok(match set {
        LetterSet::All => lang.certificate_document().to_owned(),
        LetterSet::Group(group) => match store.groups()?.into_iter().find(|g| g.id == group) {
            Some(group) => lang.certificate_document_of(&group.name),
            None => lang.certificate_document().to_owned(),
        },
        LetterSet::Member(member) => {
            let person = store
                .members()?
                .into_iter()
                .find(|m| m.id == member)
                .map(|m| m.fields.person);
            match store.people()?.into_iter().find(|p| Some(p.id) == person) {
                Some(person) => lang.certificate_document_of(&person.fields.name),
                None => lang.certificate_document().to_owned(),
            }
        }
    })
}

/// Writes the letters of `set` into `doc`, one a page (a document lying, without page
/// numbers); a letter not numbered yet prints without its number line, and one not issued
/// yet is dated `today`. Returns how many; none is an error (an empty page helps nobody).
///
/// # Errors
/// Why the store could not be read, or that no member's letter is due.
pub fn compose_letters(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    set: LetterSet,
    today: NaiveDate,
) -> Result<usize, String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let members = letter_members(store, set, today).map_err(error)?;
    if members.is_empty() {
        return Err(lang.certificate_none().to_owned());
    }
    let groups = store.groups().map_err(error)?;
    let people = store.people().map_err(error)?;
    let pattern = store.letter_pattern().map_err(error)?;
    let issuing_body = store.document_heads().map_err(error)?.letterhead;
    for (index, member) in members.iter().enumerate() {
        let f = &member.fields;
        let name = people
            .iter()
            .find(|p| p.id == f.person)
            .map(|p| p.fields.name.as_str())
            .unwrap_or_default();
        let group = groups
            .iter()
            .find(|g| g.id == f.group)
            .map(|g| g.name.as_str())
            .unwrap_or_default();
        if index > 0 {
            doc.new_page();
        }
        // The title stands where it would under a number line, numbered or not.
        let title_room = match f.letter {
            Some(letter) => {
                doc.display(
                    &format_letter_no(&pattern, letter),
                    Display::new(NUMBER_SIZE, Align::Centre).before(ROOM[0]),
                );
                ROOM[1]
            }
            None => ROOM[0] + NUMBER_SIZE * 1.45 + ROOM[1],
        };
        let title_size = match lang {
            Lang::Zh => TITLE_SIZE,
            Lang::En => TITLE_SIZE_EN,
        };
        doc.display(
            lang.certificate_title(),
            Display::new(title_size, Align::Centre)
                .before(title_room)
                .title(),
        );
        let until = f.term_ends_on.map(|end| full_date_plain(lang, end));
        doc.display(
            &lang.certificate_body(
                name,
                group,
                lang.role(f.role),
                &full_date_plain(lang, f.term_starts_on),
                until.as_deref(),
            ),
            Display::new(BODY_SIZE, Align::Left)
                .before(ROOM[2])
                .indent(2.0),
        );
        if !issuing_body.trim().is_empty() {
            doc.display(
                &issuing_body,
                Display::new(SIGNER_SIZE, Align::Right).before(ROOM[3]),
            );
        }
        let issue_day = full_date_plain(lang, f.issued_on.unwrap_or(today));
        let before = if issuing_body.trim().is_empty() {
            ROOM[3]
        } else {
            0.0
        };
        doc.display(
            &issue_day,
            Display::new(SIGNER_SIZE, Align::Right).before(before),
        );
    }
    Ok(members.len())
}
