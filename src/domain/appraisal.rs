//! 述职评议 and 民主测评: a secretary's yearly (or half-yearly) duty report and the ballots of
//! the democratic appraisal that follows it, graded by a rule the town sets.

use super::roster::SecretaryId;
use chrono::NaiveDate;

local_id!(
    /// A duty report with its appraisal.
    AppraisalId,
);

code_enum!(
    /// The appraisal's grade, and the four boxes of a ballot.
    Grade {
        /// 优秀
        Excellent = "excellent",
        /// 合格
        Competent = "competent",
        /// 基本合格
        BasicallyCompetent = "basically_competent",
        /// 不合格
        Incompetent = "incompetent",
    }
);

impl Grade {
    /// The share of a criterion's full marks the grade earns in 比拼.
    pub fn criterion_share(self) -> f64 {
        match self {
            Self::Excellent => 1.0,
            Self::Competent => 0.8,
            Self::BasicallyCompetent => 0.6,
            Self::Incompetent => 0.0,
        }
    }
}

/// A duty report and its appraisal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppraisalFields {
    /// Whose.
    pub secretary: SecretaryId,
    /// The year reported on.
    pub year: i32,
    /// 0 for the whole year, 1 or 2 for a half.
    pub half: u8,
    /// When the report was made.
    pub reported_on: Option<NaiveDate>,
    /// The report's title.
    pub title: String,
    /// Ballots handed out (参评人数).
    pub voters: i64,
    /// Ballots for 优秀, 合格, 基本合格, 不合格, in `Grade::ALL`'s order.
    pub ballots: [i64; 4],
    /// Who took part (参评人员: 党员代表, 群众代表…).
    pub participants: String,
}

/// An appraisal as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appraisal {
    /// Local key.
    pub id: AppraisalId,
    /// The record.
    pub fields: AppraisalFields,
}

/// What is wrong with an appraisal as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppraisalError {
    /// No voters.
    NoVoters,
    /// The ballots do not add up to the voters: (ballots counted, voters).
    BallotsDoNotAddUp(i64, i64),
    /// A count below zero.
    Negative,
    /// Half other than 0, 1, 2.
    HalfInvalid,
}

/// The setting key of the grading rule.
pub const RULE_KEY: &str = "appraisal_rule";

/// How ballots become a grade, in percent of voters: 不合格 when its ballots exceed
/// `incompetent_above`; else 优秀 when 优秀 reaches `excellent_from`; else 合格 when 优秀 and
/// 合格 together reach `competent_from`; else 基本合格.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GradeRule {
    /// 优秀 from this share of 优秀 ballots.
    pub excellent_from: i64,
    /// 合格 from this share of 优秀 + 合格 ballots.
    pub competent_from: i64,
    /// 不合格 above this share of 不合格 ballots.
    pub incompetent_above: i64,
}

impl Default for GradeRule {
    fn default() -> Self {
        Self {
            excellent_from: 60,
            competent_from: 50,
            incompetent_above: 33,
        }
    }
}

impl GradeRule {
    /// Parses `60, 50, 33`.
    pub fn parse(text: &str) -> Option<Self> {
        let values: Vec<i64> = text
            .split([',', '，', ' ', '/', '、'])
            .filter(|p| !p.trim().is_empty())
            .map(|p| p.trim().trim_end_matches(['%', '％']).parse::<i64>().ok())
            .collect::<Option<_>>()?;
        let [excellent_from, competent_from, incompetent_above]: [i64; 3] =
            values.try_into().ok()?;
        [excellent_from, competent_from, incompetent_above]
            .iter()
            .all(|v| (0..=100).contains(v))
            .then_some(Self {
                excellent_from,
                competent_from,
                incompetent_above,
            })
    }

    /// As stored and edited.
    pub fn to_text(self) -> String {
        format!(
            "{}, {}, {}",
            self.excellent_from, self.competent_from, self.incompetent_above
        )
    }

    /// The grade of `ballots` from `voters`.
    pub fn grade(self, voters: i64, ballots: [i64; 4]) -> Option<Grade> {
        if voters <= 0 {
            return None;
        }
        // Compared in whole ballots × 100 to stay exact.
        let share = |count: i64| count * 100;
        let [excellent, competent, _, incompetent] = ballots;
        Some(if share(incompetent) > self.incompetent_above * voters {
            Grade::Incompetent
        } else if share(excellent) >= self.excellent_from * voters {
            Grade::Excellent
        } else if share(excellent + competent) >= self.competent_from * voters {
            Grade::Competent
        } else {
            Grade::BasicallyCompetent
        })
    }
}

impl AppraisalFields {
    /// Checks the counts: none below zero, and the four boxes add up to the voters.
    pub fn check(&self) -> Result<(), AppraisalError> {
        if self.half > 2 {
            return Err(AppraisalError::HalfInvalid);
        }
        if self.voters < 0 || self.ballots.iter().any(|b| *b < 0) {
            return Err(AppraisalError::Negative);
        }
        if self.voters == 0 {
            return Err(AppraisalError::NoVoters);
        }
        let counted: i64 = self.ballots.iter().sum();
        if counted != self.voters {
            return Err(AppraisalError::BallotsDoNotAddUp(counted, self.voters));
        }
        Ok(())
    }

    /// The grade by `rule`.
    pub fn grade(&self, rule: GradeRule) -> Option<Grade> {
        rule.grade(self.voters, self.ballots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn appraisal(ballots: [i64; 4]) -> AppraisalFields {
        AppraisalFields {
            secretary: SecretaryId(1),
            year: 2026,
            half: 0,
            reported_on: None,
            title: "2026年度抓党建工作述职报告".into(),
            voters: ballots.iter().sum(),
            ballots,
            participants: "党员代表、群众代表".into(),
        }
    }

    #[test]
    fn ballots_must_add_up_to_the_voters() {
        assert_eq!(appraisal([30, 10, 2, 0]).check(), Ok(()));
        let mut wrong = appraisal([30, 10, 2, 0]);
        wrong.voters = 45;
        assert_eq!(
            wrong.check(),
            Err(AppraisalError::BallotsDoNotAddUp(42, 45))
        );
        wrong.voters = 0;
        wrong.ballots = [0; 4];
        assert_eq!(wrong.check(), Err(AppraisalError::NoVoters));
        let mut negative = appraisal([30, 10, 2, 0]);
        negative.ballots[1] = -1;
        assert_eq!(negative.check(), Err(AppraisalError::Negative));
    }

    #[test]
    fn the_rule_grades_by_shares_of_the_voters() {
        let rule = GradeRule::default();
        assert_eq!(
            appraisal([30, 20, 0, 0]).grade(rule),
            Some(Grade::Excellent)
        );
        assert_eq!(
            appraisal([29, 21, 0, 0]).grade(rule),
            Some(Grade::Competent)
        );
        assert_eq!(
            appraisal([10, 14, 26, 0]).grade(rule),
            Some(Grade::BasicallyCompetent)
        );
        // 17 of 50 is more than a third against: 不合格 whatever else.
        assert_eq!(
            appraisal([31, 2, 0, 17]).grade(rule),
            Some(Grade::Incompetent)
        );
        let strict = GradeRule::parse("80%, 60%, 20%").expect("rule");
        assert_eq!(
            appraisal([30, 20, 0, 0]).grade(strict),
            Some(Grade::Competent)
        );
        assert_eq!(GradeRule::parse("60, 50"), None);
        assert_eq!(GradeRule::default().to_text(), "60, 50, 33");
    }
}
