//! 四议两公开: a village's major decisions pass six steps — 党支部提议 → 两委会商议 →
//! 党员大会审议 → 村民(代表)会议决议 → 决议公开 → 实施结果公开 — each dated no earlier than
//! the one before, the meetings with their attendance (应到 / 实到) meeting a quorum: more than
//! half for the two committees' and the members' meetings, two thirds for the resolution.

use super::roster::BranchId;
use chrono::NaiveDate;

local_id!(
    /// A village decision.
    DecisionId,
);

code_enum!(
    /// The six steps, in order.
    Step {
        /// 党支部提议
        Proposal = "proposal",
        /// 两委会商议
        Consultation = "consultation",
        /// 党员大会审议
        MembersReview = "members_review",
        /// 村民(代表)会议决议
        Resolution = "resolution",
        /// 决议公开
        ResolutionPublic = "resolution_public",
        /// 实施结果公开
        ResultPublic = "result_public",
    }
);

/// How many must attend a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quorum {
    /// More than half of those expected (过半数).
    Half,
    /// At least two thirds (三分之二以上).
    TwoThirds,
}

impl Quorum {
    /// Whether `present` of `expected` meets it.
    pub fn met(self, present: i64, expected: i64) -> bool {
        match self {
            Self::Half => present * 2 > expected,
            Self::TwoThirds => present * 3 >= expected * 2,
        }
    }

    /// The fewest present that meet it of `expected`.
    pub fn needed(self, expected: i64) -> i64 {
        (0..=expected)
            .find(|p| self.met(*p, expected))
            .unwrap_or(expected)
    }
}

impl Step {
    /// Its place, 0–5.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The quorum of its meeting; `None` for a step that is no vote (the proposal, the two
    /// publicities), whose attendance is optional.
    pub fn quorum(self) -> Option<Quorum> {
        match self {
            Self::Consultation | Self::MembersReview => Some(Quorum::Half),
            Self::Resolution => Some(Quorum::TwoThirds),
            Self::Proposal | Self::ResolutionPublic | Self::ResultPublic => None,
        }
    }

    /// Whether the step is a meeting with attendance (the publicities are not).
    pub fn is_meeting(self) -> bool {
        !matches!(self, Self::ResolutionPublic | Self::ResultPublic)
    }
}

/// One step as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepRecord {
    /// When it took place.
    pub held_on: Option<NaiveDate>,
    /// 应到
    pub expected: Option<i64>,
    /// 实到
    pub present: Option<i64>,
    /// What was said, the vote, where it was posted.
    pub note: String,
}

/// A decision as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionFields {
    /// The village (branch) deciding.
    pub branch_id: BranchId,
    /// e.g. 村集体经济合作社入股食用菌基地 (required).
    pub title: String,
    /// What is decided.
    pub content: String,
}

/// A decision with its steps (index = [`Step::index`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Local key.
    pub id: DecisionId,
    /// The record.
    pub fields: DecisionFields,
    /// Each step's record, if dated.
    pub steps: [Option<StepRecord>; 6],
}

/// Where a decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// No step dated yet.
    NotStarted,
    /// The last step passed; the next is to come.
    Passed(Step),
    /// All six steps passed.
    Complete,
}

impl Decision {
    /// Where it stands: the last of the steps recorded in order.
    pub fn standing(&self) -> Standing {
        let passed = self.steps.iter().take_while(|s| s.is_some()).count();
        match passed {
            0 => Standing::NotStarted,
            6 => Standing::Complete,
            n => Standing::Passed(Step::ALL[n - 1]),
        }
    }

    /// The next step to take, if any.
    pub fn next_step(&self) -> Option<Step> {
        let passed = self.steps.iter().take_while(|s| s.is_some()).count();
        Step::ALL.get(passed).copied()
    }

    /// The day of its first step.
    pub fn started_on(&self) -> Option<NaiveDate> {
        self.steps[0].as_ref().and_then(|s| s.held_on)
    }

    /// The day of its latest step.
    pub fn last_on(&self) -> Option<NaiveDate> {
        self.steps.iter().flatten().filter_map(|s| s.held_on).max()
    }

    /// Whether it was under way in `period` (as things stand on `today`): started by its end
    /// and not through all six steps before its start; one not started belongs to the period
    /// of `today`.
    pub fn lives_in(&self, period: super::period::Period, today: NaiveDate) -> bool {
        match self.started_on() {
            None => period.contains(today),
            Some(started) => {
                started <= period.end
                    && (self.standing() != Standing::Complete
                        || self.last_on().is_some_and(|last| last >= period.start))
            }
        }
    }
}

/// What is wrong with a decision or a step as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionError {
    /// The decision has no title.
    TitleRequired,
    /// The step has no date.
    DateRequired,
    /// The step before has not been recorded.
    PreviousMissing(Step),
    /// Dated before the step before it.
    BeforePrevious(Step),
    /// Dated after the step after it (already recorded).
    AfterNext(Step),
    /// Dated after today.
    InFuture,
    /// A meeting that votes without its attendance.
    AttendanceRequired,
    /// More present than expected.
    PresentAboveExpected,
    /// Too few present: at least this many were needed.
    QuorumNotMet(i64),
}

impl DecisionFields {
    /// Checks the decision's own fields.
    pub fn check(&self) -> Result<(), DecisionError> {
        if self.title.trim().is_empty() {
            return Err(DecisionError::TitleRequired);
        }
        Ok(())
    }
}

/// Checks `record` as step `step` of a decision whose steps are `steps` (the step itself
/// replaced), on `today`.
pub fn check_step(
    steps: &[Option<StepRecord>; 6],
    step: Step,
    record: &StepRecord,
    today: NaiveDate,
) -> Result<(), DecisionError> {
    let Some(held_on) = record.held_on else {
        return Err(DecisionError::DateRequired);
    };
    let index = step.index();
    if index > 0 {
        let previous = Step::ALL[index - 1];
        match steps[index - 1].as_ref().and_then(|s| s.held_on) {
            None => return Err(DecisionError::PreviousMissing(previous)),
            Some(before) if held_on < before => {
                return Err(DecisionError::BeforePrevious(previous));
            }
            Some(_) => {}
        }
    }
    if let Some(next) = Step::ALL.get(index + 1)
        && steps[index + 1]
            .as_ref()
            .and_then(|s| s.held_on)
            .is_some_and(|after| held_on > after)
    {
        return Err(DecisionError::AfterNext(*next));
    }
    if held_on > today {
        return Err(DecisionError::InFuture);
    }
    match (record.expected, record.present) {
        (Some(expected), Some(present)) => {
            if present > expected || present < 0 {
                return Err(DecisionError::PresentAboveExpected);
            }
            if let Some(quorum) = step.quorum()
                && !quorum.met(present, expected)
            {
                return Err(DecisionError::QuorumNotMet(quorum.needed(expected)));
            }
        }
        _ if step.quorum().is_some() => return Err(DecisionError::AttendanceRequired),
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[allow(clippy::unnecessary_wraps)] // a step as the steps array holds it
    fn met(on: &str, expected: i64, present: i64) -> Option<StepRecord> {
        Some(StepRecord {
            held_on: Some(day(on)),
            expected: Some(expected),
            present: Some(present),
            note: String::new(),
        })
    }

    #[test]
    fn quorums_are_more_than_half_and_two_thirds() {
        assert!(!Quorum::Half.met(5, 10));
        assert!(Quorum::Half.met(6, 10));
        assert_eq!(Quorum::Half.needed(10), 6);
        assert!(!Quorum::TwoThirds.met(19, 30));
        assert!(Quorum::TwoThirds.met(20, 30));
        assert_eq!(Quorum::TwoThirds.needed(31), 21);
    }

    #[test]
    fn a_step_follows_the_one_before_it() {
        let today = day("2025-06-01");
        let mut steps: [Option<StepRecord>; 6] = Default::default();
        let consult = met("2025-05-02", 7, 6).expect("step");
        assert_eq!(
            check_step(&steps, Step::Consultation, &consult, today),
            Err(DecisionError::PreviousMissing(Step::Proposal))
        );
        steps[0] = met("2025-05-03", 5, 5);
        assert_eq!(
            check_step(&steps, Step::Consultation, &consult, today),
            Err(DecisionError::BeforePrevious(Step::Proposal))
        );
        steps[0] = met("2025-05-01", 5, 5);
        assert_eq!(
            check_step(&steps, Step::Consultation, &consult, today),
            Ok(())
        );
        steps[1] = Some(consult);
        let late_proposal = met("2025-05-03", 5, 5).expect("step");
        assert_eq!(
            check_step(&steps, Step::Proposal, &late_proposal, today),
            Err(DecisionError::AfterNext(Step::Consultation))
        );
        let future = met("2025-06-02", 7, 7).expect("step");
        assert_eq!(
            check_step(&steps, Step::MembersReview, &future, today),
            Err(DecisionError::InFuture)
        );
    }

    #[test]
    fn a_resolution_needs_two_thirds_present_and_its_attendance() {
        let today = day("2025-06-01");
        let mut steps: [Option<StepRecord>; 6] = Default::default();
        steps[0] = met("2025-05-01", 5, 5);
        steps[1] = met("2025-05-02", 7, 6);
        steps[2] = met("2025-05-05", 40, 31);
        let thin = met("2025-05-10", 30, 19).expect("step");
        assert_eq!(
            check_step(&steps, Step::Resolution, &thin, today),
            Err(DecisionError::QuorumNotMet(20))
        );
        let too_many = met("2025-05-10", 30, 31).expect("step");
        assert_eq!(
            check_step(&steps, Step::Resolution, &too_many, today),
            Err(DecisionError::PresentAboveExpected)
        );
        let unknown = StepRecord {
            held_on: Some(day("2025-05-10")),
            ..StepRecord::default()
        };
        assert_eq!(
            check_step(&steps, Step::Resolution, &unknown, today),
            Err(DecisionError::AttendanceRequired)
        );
        steps[3] = met("2025-05-10", 30, 20);
        let posted = StepRecord {
            held_on: Some(day("2025-05-11")),
            note: "村务公开栏张贴 7 天".into(),
            ..StepRecord::default()
        };
        assert_eq!(
            check_step(&steps, Step::ResolutionPublic, &posted, today),
            Ok(()),
            "a publicity has no attendance"
        );
    }

    #[test]
    fn a_decision_stands_at_its_last_step_in_order() {
        let mut decision = Decision {
            id: DecisionId(1),
            fields: DecisionFields {
                branch_id: BranchId(1),
                title: "合作社入股食用菌基地".into(),
                content: String::new(),
            },
            steps: Default::default(),
        };
        assert_eq!(decision.standing(), Standing::NotStarted);
        assert_eq!(decision.next_step(), Some(Step::Proposal));
        decision.steps[0] = met("2025-05-01", 5, 5);
        decision.steps[1] = met("2025-05-02", 7, 6);
        assert_eq!(decision.standing(), Standing::Passed(Step::Consultation));
        assert_eq!(decision.next_step(), Some(Step::MembersReview));
        for (i, step) in decision.steps.iter_mut().enumerate().skip(2) {
            *step = met(&format!("2025-05-1{i}"), 30, 30);
        }
        assert_eq!(decision.standing(), Standing::Complete);
        assert_eq!(decision.next_step(), None);
        assert_eq!(decision.last_on(), Some(day("2025-05-15")));
        let period = |text: &str| super::super::period::Period::parse(text).expect("period");
        let today = day("2025-12-01");
        assert!(decision.lives_in(period("2025-05"), today));
        assert!(
            !decision.lives_in(period("2025-06"), today),
            "complete before"
        );
        assert!(
            !decision.lives_in(period("2025-04"), today),
            "not yet started"
        );
        decision.steps[5] = None;
        assert!(
            decision.lives_in(period("2025-11"), today),
            "still under way"
        );
        decision.steps = Default::default();
        assert!(decision.lives_in(period("2025-12"), today));
        assert!(!decision.lives_in(period("2025-11"), today));
    }
}
