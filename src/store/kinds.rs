//! The kinds of record a studio file holds and their fields, by their names in the file. A
//! merge's conflicts and a file check name them; `i18n` puts each into words with an
//! exhaustive match, and a test holds these lists against the schema, so a new table or
//! column cannot reach the screen under its SQL name.

/// An enum of names, each with its name in the file.
macro_rules! named {
    ($(#[$doc:meta])* pub enum $name:ident { $($variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            /// Every one, in the order declared.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// Its name in the file.
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }

            /// The one named `name` in the file, if this version knows it.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.name() == name)
            }
        }
    };
}

named! {
    /// A kind of record: a table of the file.
    pub enum RecordKind {
        Site = "site",
        Studio = "studio",
        Area = "area",
        Branch = "branch",
        Secretary = "secretary",
        Session = "session",
        SessionItem = "session_item",
        Attendance = "attendance",
        Problem = "problem",
        ProblemEvent = "problem_event",
        Pairing = "pairing",
        PlanItem = "plan_item",
        StudyTopic = "study_topic",
        Criterion = "criterion",
        Score = "score",
        Setting = "setting",
        ExperienceNote = "experience_note",
        Notice = "notice",
        PointsRule = "points_rule",
        PointsAward = "points_award",
        Honour = "honour",
        Responsibility = "responsibility",
        Picture = "picture",
        Person = "person",
        LeagueGroup = "league_group",
        GroupMember = "group_member",
        SessionGuest = "session_guest",
        ThemeDay = "theme_day",
        CheckupIndicator = "checkup_indicator",
        Checkup = "checkup",
        CheckupScore = "checkup_score",
        CheckupFinding = "checkup_finding",
        Appraisal = "appraisal",
        Base = "base",
        BaseBranch = "base_branch",
        BaseFigure = "base_figure",
        BaseMilestone = "base_milestone",
        Official = "official",
        Task = "task",
        TaskEvent = "task_event",
        Decision = "decision",
        DecisionStep = "decision_step",
    }
}

named! {
    /// A field of a record: a column after the identity, site and clock columns.
    pub enum Field {
        Actor = "actor",
        Archived = "archived",
        AreaId = "area_id",
        AuthorId = "author_id",
        AwardedOn = "awarded_on",
        Birth = "birth",
        BranchId = "branch_id",
        Bytes = "bytes",
        Caption = "caption",
        Category = "category",
        CriterionId = "criterion_id",
        Deadline = "deadline",
        Description = "description",
        Digest = "digest",
        Discussion = "discussion",
        DurationMin = "duration_min",
        Education = "education",
        EndsAt = "ends_at",
        EndsOn = "ends_on",
        Event = "event",
        FileName = "file_name",
        Gender = "gender",
        Goals = "goals",
        HappenedOn = "happened_on",
        Height = "height",
        HeldOn = "held_on",
        HelperId = "helper_id",
        HolderId = "holder_id",
        Host = "host",
        HostBranchId = "host_branch_id",
        InOfficeSince = "in_office_since",
        Key = "key",
        Kind = "kind",
        Label = "label",
        Level = "level",
        List = "list",
        MaxScore = "max_score",
        Media = "media",
        Month = "month",
        Name = "name",
        Note = "note",
        Notes = "notes",
        Outcome = "outcome",
        PairingId = "pairing_id",
        Part = "part",
        Period = "period",
        Phone = "phone",
        Pinned = "pinned",
        Place = "place",
        PlanItemId = "plan_item_id",
        Points = "points",
        Position = "position",
        PostedOn = "posted_on",
        ProblemId = "problem_id",
        RaisedBy = "raised_by",
        RaisedOn = "raised_on",
        Reason = "reason",
        Recorder = "recorder",
        Responsible = "responsible",
        Score = "score",
        SecretaryId = "secretary_id",
        SessionId = "session_id",
        Source = "source",
        StartsAt = "starts_at",
        StartsOn = "starts_on",
        State = "state",
        Status = "status",
        StrongId = "strong_id",
        TakenAt = "taken_at",
        Systems = "systems",
        TargetPerYear = "target_per_year",
        TermEndsOn = "term_ends_on",
        TermStartsOn = "term_starts_on",
        Text = "text",
        Title = "title",
        Topic = "topic",
        Town = "town",
        Value = "value",
        WeakId = "weak_id",
        Width = "width",
        WrittenOn = "written_on",
        Year = "year",
        Village = "village",
        Occupation = "occupation",
        Discipline = "discipline",
        GroupId = "group_id",
        PersonId = "person_id",
        Role = "role",
        DisciplineSigned = "discipline_signed",
        LetterYear = "letter_year",
        LetterNo = "letter_no",
        IssuedOn = "issued_on",
        PlannedOn = "planned_on",
        MembersPresent = "members_present",
        MembersTotal = "members_total",
        MassesCount = "masses_count",
        CheckupId = "checkup_id",
        IndicatorId = "indicator_id",
        Step = "step",
        Half = "half",
        ReportedOn = "reported_on",
        Voters = "voters",
        Excellent = "excellent",
        Competent = "competent",
        BasicallyCompetent = "basically_competent",
        Incompetent = "incompetent",
        Participants = "participants",
        ThemeDayId = "theme_day_id",
        Industry = "industry",
        LeadBranchId = "lead_branch_id",
        StartedOn = "started_on",
        AreaMu = "area_mu",
        Households = "households",
        Jobs = "jobs",
        OutputValue = "output_value",
        Income = "income",
        BaseId = "base_id",
        DoneOn = "done_on",
        Post = "post",
        Duties = "duties",
        OfficialId = "official_id",
        AssignedOn = "assigned_on",
        Content = "content",
        DecisionId = "decision_id",
        Expected = "expected",
        Present = "present",
        TaskId = "task_id",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_and_column_of_the_schema_has_a_kind_and_a_field() {
        let store = crate::store::Store::open_in_memory("古城镇").expect("store");
        let infos = crate::store::merge::table_infos(store.connection_for_tests()).expect("tables");
        assert_eq!(infos.len(), RecordKind::ALL.len(), "one kind per table");
        for info in &infos {
            assert!(
                RecordKind::from_name(&info.name).is_some(),
                "table {}",
                info.name
            );
            for column in &info.columns {
                assert!(Field::from_name(column).is_some(), "{}.{column}", info.name);
            }
        }
    }
}
