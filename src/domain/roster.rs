//! The roster: areas, branches and their secretaries, and the rules a secretary's record obeys.

use super::date::{DateError, PartialDate};
use chrono::NaiveDate;

local_id!(
    /// An area (片区) of the town.
    AreaId,
    /// A party branch (党支部).
    BranchId,
    /// A branch secretary (支部书记).
    SecretaryId,
    /// A session (活动) of the studio.
    SessionId,
    /// A development problem (发展难题).
    ProblemId,
);

code_enum!(
    /// A secretary's gender.
    Gender {
        /// 男
        Male = "male",
        /// 女
        Female = "female",
    }
);

code_enum!(
    /// The three levels of the secretary team (三级书记).
    Level {
        /// 镇
        Town = "town",
        /// 村
        Village = "village",
        /// 组
        Group = "group",
    }
);

code_enum!(
    /// What kind of organisation a party branch belongs to.
    BranchKind {
        /// 村党支部
        Village = "village",
        /// 社区党支部
        Community = "community",
        /// 机关事业单位党支部 (e.g. the town government's own branch)
        Institution = "institution",
        /// 企业党支部
        Enterprise = "enterprise",
        /// 非公企业党支部
        NonPublicCompany = "non_public_company",
    }
);

/// An area (片区) as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// Local key.
    pub id: AreaId,
    /// Name, e.g. 东片区.
    pub name: String,
    /// Archived areas keep their history but are not offered for new records.
    pub archived: bool,
}

/// A party branch as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    /// Local key.
    pub id: BranchId,
    /// Name, e.g. 东坪村党支部.
    pub name: String,
    /// Village, community, enterprise or non-public company.
    pub kind: BranchKind,
    /// The area it lies in, if known.
    pub area_id: Option<AreaId>,
    /// Archived branches keep their history but are not offered for new records.
    pub archived: bool,
}

/// A secretary's record, valid by the rules of [`SecretaryDraft::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecretaryFields {
    /// Full name (required).
    pub name: String,
    /// Gender, when known.
    pub gender: Option<Gender>,
    /// Year and month of birth (出生年月).
    pub birth: Option<PartialDate>,
    /// Education (文化程度), as written.
    pub education: String,
    /// The branch the secretary leads.
    pub branch_id: Option<BranchId>,
    /// Town, village or group.
    pub level: Option<Level>,
    /// Position (职务), e.g. 村党支部书记、村委会主任.
    pub position: String,
    /// An 11-digit mobile number, or empty.
    pub phone: String,
    /// In office since (任现职时间).
    pub in_office_since: Option<PartialDate>,
    /// Free notes.
    pub notes: String,
    /// Archived secretaries keep their history but leave the active roster.
    pub archived: bool,
}

/// One line of the roster: a secretary with the names of their branch and area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    /// Local key.
    pub id: SecretaryId,
    /// The record itself.
    pub fields: SecretaryFields,
    /// Name of the branch, or empty.
    pub branch_name: String,
    /// Kind of the branch, if any.
    pub branch_kind: Option<BranchKind>,
    /// The branch's area, if any.
    pub area_id: Option<AreaId>,
    /// Name of the area, or empty.
    pub area_name: String,
}

/// The fields of a secretary's form, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecretaryDraft {
    /// Full name.
    pub name: String,
    /// Gender, if chosen.
    pub gender: Option<Gender>,
    /// Birth, as typed.
    pub birth: String,
    /// Education.
    pub education: String,
    /// Branch, if chosen.
    pub branch_id: Option<BranchId>,
    /// Level, if chosen.
    pub level: Option<Level>,
    /// Position.
    pub position: String,
    /// Phone, as typed.
    pub phone: String,
    /// In office since, as typed.
    pub in_office_since: String,
    /// Notes.
    pub notes: String,
    /// Archived.
    pub archived: bool,
}

/// A field of the secretary form, for placing an error beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretaryField {
    /// 姓名
    Name,
    /// 出生年月
    Birth,
    /// 联系电话
    Phone,
    /// 任现职时间
    InOfficeSince,
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    /// The field must be filled.
    Required,
    /// A phone number that is not 11 digits starting with 1.
    NotMobileNumber,
    /// A date that is not a date, does not exist, or lies in the future.
    Date(DateError),
    /// In office since before the secretary turned 18 (or before birth).
    TooYoungForOffice,
}

impl SecretaryDraft {
    /// A draft filled from a stored record, for editing.
    pub fn from_fields(fields: &SecretaryFields) -> Self {
        Self {
            name: fields.name.clone(),
            gender: fields.gender,
            birth: fields.birth.map(PartialDate::to_iso).unwrap_or_default(),
            education: fields.education.clone(),
            branch_id: fields.branch_id,
            level: fields.level,
            position: fields.position.clone(),
            phone: fields.phone.clone(),
            in_office_since: fields
                .in_office_since
                .map(PartialDate::to_iso)
                .unwrap_or_default(),
            notes: fields.notes.clone(),
            archived: fields.archived,
        }
    }

    /// Checks every field against the rules; on failure, says what is wrong beside each field.
    pub fn validate(
        &self,
        today: NaiveDate,
    ) -> Result<SecretaryFields, Vec<(SecretaryField, FieldError)>> {
        let mut errors = Vec::new();
        let name = normalize_name(&self.name);
        if name.is_empty() {
            errors.push((SecretaryField::Name, FieldError::Required));
        }
        let phone = normalize_phone(&self.phone);
        if !phone.is_empty() && !is_mobile_number(&phone) {
            errors.push((SecretaryField::Phone, FieldError::NotMobileNumber));
        }
        let mut date = |text: &str, field| {
            if text.trim().is_empty() {
                return None;
            }
            PartialDate::parse_not_after(text, today)
                .map_err(|e| errors.push((field, FieldError::Date(e))))
                .ok()
        };
        let birth = date(&self.birth, SecretaryField::Birth);
        let in_office_since = date(&self.in_office_since, SecretaryField::InOfficeSince);
        if let (Some(birth), Some(since)) = (birth, in_office_since)
            && !office_after_adulthood(birth, since)
        {
            errors.push((SecretaryField::InOfficeSince, FieldError::TooYoungForOffice));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SecretaryFields {
            name,
            gender: self.gender,
            birth,
            education: self.education.trim().to_owned(),
            branch_id: self.branch_id,
            level: self.level,
            position: self.position.trim().to_owned(),
            phone,
            in_office_since,
            notes: self.notes.trim().to_owned(),
            archived: self.archived,
        })
    }
}

/// Age a party member must have reached (and so a secretary taking office).
pub const ADULT_AGE_YEARS: i32 = 18;

/// Whether taking office on `since` comes at 18 or later for someone born on `birth` (compared
/// by month: office sheets often give only the month).
pub fn office_after_adulthood(birth: PartialDate, since: PartialDate) -> bool {
    (since.year, since.month) >= (birth.year + ADULT_AGE_YEARS, birth.month)
}

/// Trims a name and removes the spaces offices put inside two-character names (`王  伟`).
pub fn normalize_name(name: &str) -> String {
    let trimmed = name.trim();
    if trimmed.chars().any(|c| c.is_ascii_alphabetic()) {
        trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        trimmed.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

/// Removes spaces and dashes people type inside phone numbers (`138-0000-0000`).
pub fn normalize_phone(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
        .collect()
}

/// Whether `phone` is a mainland mobile number: 11 digits starting with 1.
pub fn is_mobile_number(phone: &str) -> bool {
    phone.len() == 11 && phone.starts_with('1') && phone.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid")
    }

    #[test]
    fn a_complete_draft_validates() {
        let draft = SecretaryDraft {
            name: " 王  建国 ".into(),
            phone: "138-0914-0001".into(),
            birth: "1978.03".into(),
            in_office_since: "2018年11月".into(),
            ..SecretaryDraft::default()
        };
        let fields = draft.validate(today()).expect("valid");
        assert_eq!(fields.name, "王建国");
        assert_eq!(fields.phone, "13809140001");
        assert_eq!(
            fields.birth.map(PartialDate::to_iso).as_deref(),
            Some("1978-03")
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        let draft = SecretaryDraft {
            name: "  ".into(),
            phone: "0914-1234567".into(),
            birth: "1978-02-30".into(),
            in_office_since: "2030-01".into(),
            ..SecretaryDraft::default()
        };
        let errors = draft.validate(today()).expect_err("invalid");
        assert_eq!(
            errors,
            vec![
                (SecretaryField::Name, FieldError::Required),
                (SecretaryField::Phone, FieldError::NotMobileNumber),
                (
                    SecretaryField::Birth,
                    FieldError::Date(DateError::DoesNotExist)
                ),
                (
                    SecretaryField::InOfficeSince,
                    FieldError::Date(DateError::InFuture)
                ),
            ]
        );
    }

    #[test]
    fn office_begins_at_eighteen_or_later() {
        let draft = SecretaryDraft {
            name: "甲".into(),
            birth: "2021-02".into(),
            in_office_since: "2019-01".into(),
            ..SecretaryDraft::default()
        };
        assert_eq!(
            draft.validate(today()),
            Err(vec![(
                SecretaryField::InOfficeSince,
                FieldError::TooYoungForOffice
            )])
        );
        let month = |text| PartialDate::parse(text).expect("date");
        assert!(
            !office_after_adulthood(month("2021-02"), month("2021-03")),
            "a month old"
        );
        assert!(!office_after_adulthood(month("2000-06"), month("2018-05")));
        assert!(office_after_adulthood(month("2000-06"), month("2018-06")));
    }

    #[test]
    fn a_draft_round_trips_through_fields() {
        let draft = SecretaryDraft {
            name: "李䶮".into(),
            gender: Some(Gender::Female),
            birth: "1980-07".into(),
            level: Some(Level::Group),
            ..SecretaryDraft::default()
        };
        let fields = draft.validate(today()).expect("valid");
        assert_eq!(SecretaryDraft::from_fields(&fields), draft);
    }

    #[test]
    fn codes_round_trip() {
        for kind in BranchKind::ALL {
            assert_eq!(BranchKind::from_code(kind.code()), Some(*kind));
        }
        assert_eq!(Level::from_code("county"), None);
    }
}
