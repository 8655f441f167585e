//! 百人团: the town's "100-member league" groups, the people in them who are not (only)
//! secretaries, their terms and roles, and their numbered letters of appointment (聘书).

use super::roster::{BranchId, Gender, SecretaryId};
use chrono::NaiveDate;

local_id!(
    /// A person of the people register (人员库).
    PersonId,
    /// A "100-member league" group (百人团).
    GroupId,
    /// A person's membership of a group (with its term and letter).
    MemberId,
);

/// The groups a new studio starts with, as the town set them up: (name, discipline).
pub const DEFAULT_GROUPS: [(&str, &str); 4] = [
    (
        "党组织书记智囊团",
        "严守政治纪律和政治规矩；按时参加活动，不无故缺席；为村级发展建言献策，不谋私利；保守工作秘密。",
    ),
    (
        "离任村干部村务治理顾问团",
        "遵守村规民约，支持现任班子工作；参与矛盾调解不越位、不干预日常村务；不借顾问身份谋取私利。",
    ),
    (
        "妇女团",
        "带头弘扬文明新风；积极参与村务监督和邻里调解；按时参加活动；不传播不实信息。",
    ),
    (
        "经济发展顾问团",
        "如实提供市场与技术信息；带动群众增收，不损害群众利益；不利用顾问身份承揽项目。",
    ),
];

/// A person of the register: an outgoing village cadre, a women leader, an entrepreneur, an
/// expert — or a secretary, linked to the roster record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonFields {
    /// Name (required).
    pub name: String,
    /// Gender, if known.
    pub gender: Option<Gender>,
    /// The branch they belong to, if any.
    pub branch_id: Option<BranchId>,
    /// Their village (when no branch fits, or beside it).
    pub village: String,
    /// Phone.
    pub phone: String,
    /// Occupation or former post (e.g. 原村委会主任, 食用菌合作社理事长).
    pub occupation: String,
    /// Notes.
    pub notes: String,
    /// The roster record, when the person is one of the secretaries.
    pub secretary_id: Option<SecretaryId>,
}

/// A person as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Local key.
    pub id: PersonId,
    /// The record.
    pub fields: PersonFields,
}

/// A group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Local key.
    pub id: GroupId,
    /// e.g. 妇女团.
    pub name: String,
    /// The discipline requirements members sign (纪律要求).
    pub discipline: String,
    /// No longer active (kept for its history).
    pub archived: bool,
}

code_enum!(
    /// A member's role in a group.
    Role {
        /// 团长
        Leader = "leader",
        /// 副团长
        Deputy = "deputy",
        /// 成员
        Member = "member",
    }
);

/// A letter's number: the year it was numbered in and its place in that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LetterNo {
    /// The year (〔2026〕).
    pub year: i32,
    /// 1, 2, 3… within the year (第 001 号).
    pub no: i64,
}

/// A membership as typed and stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberFields {
    /// The group.
    pub group: GroupId,
    /// Who.
    pub person: PersonId,
    /// 团长, 副团长 or 成员.
    pub role: Role,
    /// First day of the term.
    pub term_starts_on: NaiveDate,
    /// Last day of the term, if set.
    pub term_ends_on: Option<NaiveDate>,
    /// Whether the discipline requirements were signed.
    pub discipline_signed: bool,
    /// The letter of appointment's number, once one was issued.
    pub letter: Option<LetterNo>,
    /// The day the letter was (last) issued.
    pub issued_on: Option<NaiveDate>,
}

/// A membership as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Local key.
    pub id: MemberId,
    /// The record.
    pub fields: MemberFields,
}

/// What is wrong with a membership as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberError {
    /// The term ends before it starts.
    TermEndsBeforeStart,
    /// The letter number is not a positive number.
    LetterNoInvalid,
}

impl MemberFields {
    /// Checks the term and the letter number.
    pub fn check(&self) -> Result<(), MemberError> {
        if self
            .term_ends_on
            .is_some_and(|end| end < self.term_starts_on)
        {
            return Err(MemberError::TermEndsBeforeStart);
        }
        if self.letter.is_some_and(|l| !(1..=99_999).contains(&l.no)) {
            return Err(MemberError::LetterNoInvalid);
        }
        Ok(())
    }

    /// Whether the term ends within `days` days of `today` (today included, not yet over).
    pub fn ends_within(&self, today: NaiveDate, days: i64) -> bool {
        self.term_ends_on
            .is_some_and(|end| end >= today && (end - today).num_days() <= days)
    }

    /// Whether the term runs on `day`.
    pub fn serves_on(&self, day: NaiveDate) -> bool {
        self.term_starts_on <= day && self.term_ends_on.is_none_or(|end| day <= end)
    }
}

/// The setting key of the letter number pattern.
pub const LETTER_PATTERN_KEY: &str = "letter_pattern";
/// Days before a term ends that the dashboard reminds of it.
pub const EXPIRY_REMINDER_DAYS: i64 = 30;

/// The pattern a studio starts with: the town's short name (古城镇 → 古城), the year in
/// 〔〕 and a three-digit number: 古城〔2026〕聘字第001号.
pub fn default_letter_pattern(town: &str) -> String {
    let town = town.trim();
    let short = town
        .strip_suffix('镇')
        .or_else(|| town.strip_suffix('乡'))
        .or_else(|| town.strip_suffix("街道"))
        .unwrap_or(town);
    format!("{short}〔{{year}}〕聘字第{{no}}号")
}

/// Whether a pattern can number letters: it must hold `{no}` (and may hold `{year}`).
pub fn pattern_is_valid(pattern: &str) -> bool {
    pattern.contains("{no}") && pattern.chars().count() <= 100
}

/// A letter's number as printed: `{year}` becomes the year, `{no}` the number in three
/// digits at least.
pub fn format_letter_no(pattern: &str, letter: LetterNo) -> String {
    pattern
        .replace("{year}", &letter.year.to_string())
        .replace("{no}", &format!("{:03}", letter.no))
}

/// The next free number in `year`, after those already `used` (of any year).
pub fn next_letter_no(used: &[LetterNo], year: i32) -> LetterNo {
    let no = used
        .iter()
        .filter(|l| l.year == year)
        .map(|l| l.no)
        .max()
        .unwrap_or(0)
        + 1;
    LetterNo { year, no }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
    }

    fn member() -> MemberFields {
        MemberFields {
            group: GroupId(1),
            person: PersonId(1),
            role: Role::Member,
            term_starts_on: day(2026, 1, 1),
            term_ends_on: Some(day(2028, 12, 31)),
            discipline_signed: true,
            letter: None,
            issued_on: None,
        }
    }

    #[test]
    fn a_term_ending_before_it_starts_is_refused() {
        let mut fields = member();
        assert_eq!(fields.check(), Ok(()));
        fields.term_ends_on = Some(day(2025, 12, 31));
        assert_eq!(fields.check(), Err(MemberError::TermEndsBeforeStart));
        fields.term_ends_on = None;
        fields.letter = Some(LetterNo { year: 2026, no: 0 });
        assert_eq!(fields.check(), Err(MemberError::LetterNoInvalid));
    }

    #[test]
    fn letters_are_numbered_per_year_in_the_towns_pattern() {
        let pattern = default_letter_pattern("古城镇");
        assert_eq!(pattern, "古城〔{year}〕聘字第{no}号");
        assert!(pattern_is_valid(&pattern));
        assert!(!pattern_is_valid("古城聘字"));
        let used = [
            LetterNo { year: 2025, no: 9 },
            LetterNo { year: 2026, no: 1 },
            LetterNo { year: 2026, no: 2 },
        ];
        let next = next_letter_no(&used, 2026);
        assert_eq!(next, LetterNo { year: 2026, no: 3 });
        assert_eq!(format_letter_no(&pattern, next), "古城〔2026〕聘字第003号");
        assert_eq!(next_letter_no(&used, 2027).no, 1);
        assert_eq!(
            default_letter_pattern("红岩乡"),
            "红岩〔{year}〕聘字第{no}号"
        );
    }

    #[test]
    fn a_term_ending_within_thirty_days_is_due_a_reminder() {
        let fields = member();
        assert!(fields.ends_within(day(2028, 12, 1), EXPIRY_REMINDER_DAYS));
        assert!(!fields.ends_within(day(2028, 11, 30), EXPIRY_REMINDER_DAYS));
        assert!(!fields.ends_within(day(2029, 1, 1), EXPIRY_REMINDER_DAYS));
        assert!(fields.serves_on(day(2027, 6, 1)));
        assert!(!fields.serves_on(day(2029, 1, 1)));
    }
}
