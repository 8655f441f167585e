//! 比拼: assessing each secretary over a period. Criteria each have a maximum; those the records
//! can answer are computed (and explained), the rest are entered by hand with a note. Total =
//! base + bonus − deductions; rank with ties shared; stars by thresholds.

use super::figures::AttendanceCounts;
use super::roster::SecretaryId;
use std::collections::HashMap;

local_id!(
    /// An assessment criterion (考评指标).
    CriterionId,
);

code_enum!(
    /// Which part of the total a criterion counts in.
    CriterionPart {
        /// 基础分
        Base = "base",
        /// 加分
        Bonus = "bonus",
        /// 扣分
        Deduction = "deduction",
    }
);

code_enum!(
    /// Where a criterion's score comes from.
    CriterionSource {
        /// Entered by hand with a note.
        Manual = "manual",
        /// 出勤率 × maximum.
        AttendanceRate = "attendance_rate",
        /// Learning hours against a yearly target.
        LearningHours = "learning_hours",
        /// Problems resolved as helper against a yearly target.
        ProblemsResolved = "problems_resolved",
        /// Help visits attended against a yearly target.
        HelpVisits = "help_visits",
        /// The branch's theme party days held as planned (规范执行率) × maximum.
        ThemeDayRate = "theme_day_rate",
        /// The democratic appraisal's grade (优秀 full marks, 合格 0.8, 基本合格 0.6).
        AppraisalGrade = "appraisal_grade",
        /// Tasks (任务清单) done on time against a yearly target.
        TasksOnTime = "tasks_on_time",
    }
);

/// A criterion of the assessment sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// Local key.
    pub id: CriterionId,
    /// e.g. 组织生活.
    pub name: String,
    /// Base, bonus or deduction.
    pub part: CriterionPart,
    /// Full marks (for a deduction, the most that can be taken off).
    pub max_score: f64,
    /// Computed or by hand.
    pub source: CriterionSource,
    /// For a computed count or hours: what earns full marks in a year (a quarter needs a
    /// quarter of it).
    pub target_per_year: f64,
}

/// The criteria a new studio starts with, like the sheets town offices use:
/// (name, part, maximum, source, yearly target).
pub const DEFAULT_CRITERIA: [(&str, CriterionPart, f64, CriterionSource, f64); 8] = [
    (
        "组织生活",
        CriterionPart::Base,
        20.0,
        CriterionSource::AttendanceRate,
        0.0,
    ),
    (
        "学习提升",
        CriterionPart::Base,
        20.0,
        CriterionSource::LearningHours,
        24.0,
    ),
    (
        "履职尽责",
        CriterionPart::Base,
        25.0,
        CriterionSource::Manual,
        0.0,
    ),
    (
        "先锋作用",
        CriterionPart::Base,
        15.0,
        CriterionSource::Manual,
        0.0,
    ),
    (
        "破解难题",
        CriterionPart::Base,
        10.0,
        CriterionSource::ProblemsResolved,
        4.0,
    ),
    (
        "结对帮扶",
        CriterionPart::Base,
        10.0,
        CriterionSource::HelpVisits,
        6.0,
    ),
    (
        "加分项",
        CriterionPart::Bonus,
        10.0,
        CriterionSource::Manual,
        0.0,
    ),
    (
        "扣分项",
        CriterionPart::Deduction,
        10.0,
        CriterionSource::Manual,
        0.0,
    ),
];

/// What the records say about one secretary in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SecretaryFacts {
    /// Attendance marks at the period's sessions.
    pub attendance: AttendanceCounts,
    /// Minutes of study at sessions attended.
    pub learning_min: i64,
    /// Problems resolved in the period with the secretary as helper.
    pub problems_resolved: i64,
    /// Help visits attended.
    pub help_visits: i64,
    /// The branch's theme party days whose day has come, and of those held on time.
    pub theme_days: (i64, i64),
    /// The latest democratic appraisal's grade in the period, if any.
    pub appraisal: Option<super::appraisal::Grade>,
    /// Tasks owned (directly or as an official) done on time in the period.
    pub tasks_on_time: i64,
}

/// How a score came about, shown beside it.
#[derive(Debug, Clone, PartialEq)]
pub enum Explanation {
    /// Attended `attended` of `expected` sessions.
    Attendance {
        /// 实到
        attended: i64,
        /// 应到
        expected: i64,
    },
    /// No session expected the secretary in the period.
    NoSessions,
    /// `value` against the period's target.
    AgainstTarget {
        /// Hours or a count.
        value: f64,
        /// What earns full marks in this period.
        target: f64,
    },
    /// The branch held `on_time` of `planned` theme party days as planned.
    ThemeDays {
        /// Held on time.
        on_time: i64,
        /// Planned, their day come.
        planned: i64,
    },
    /// The appraisal's grade (`None`: no appraisal in the period).
    Appraisal(Option<super::appraisal::Grade>),
    /// Entered by hand, with its note.
    Manual(String),
    /// A hand-entered criterion not yet entered (counts 0).
    NotEntered,
}

/// One criterion's score for one secretary.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionScore {
    /// Which criterion.
    pub criterion: CriterionId,
    /// Points, rounded to one decimal.
    pub score: f64,
    /// Why.
    pub explanation: Explanation,
}

/// One secretary's assessment for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Who.
    pub secretary: SecretaryId,
    /// Per criterion, in the criteria's order.
    pub scores: Vec<CriterionScore>,
    /// 基础分
    pub base: f64,
    /// 加分
    pub bonus: f64,
    /// 扣分
    pub deductions: f64,
    /// base + bonus − deductions.
    pub total: f64,
    /// 1 for the best; ties share a rank and the next rank is skipped (1, 1, 3).
    pub rank: usize,
    /// 1–5.
    pub stars: u8,
}

/// A score typed by hand, with its note.
#[derive(Debug, Clone, PartialEq)]
pub struct ManualScore {
    /// Points (clamped to the criterion's maximum).
    pub score: f64,
    /// Why (考评说明).
    pub note: String,
}

/// The totals at which 2, 3, 4 and 5 stars begin; below the first, 1 star.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StarThresholds(pub [f64; 4]);

impl Default for StarThresholds {
    fn default() -> Self {
        Self([60.0, 70.0, 80.0, 90.0])
    }
}

impl StarThresholds {
    /// Stars for a total.
    pub fn stars(self, total: f64) -> u8 {
        1 + self.0.iter().filter(|t| total >= **t).count() as u8
    }

    /// Parses `60, 70, 80, 90` (rising); `None` if not four rising numbers.
    pub fn parse(text: &str) -> Option<Self> {
        let values: Vec<f64> = text
            .split([',', '，', ' ', '/'])
            .filter(|p| !p.trim().is_empty())
            .map(|p| p.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
            .collect::<Option<_>>()?;
        let values: [f64; 4] = values.try_into().ok()?;
        values
            .windows(2)
            .all(|w| w[0] < w[1])
            .then_some(Self(values))
    }

    /// As stored and edited: `60, 70, 80, 90`.
    pub fn to_text(self) -> String {
        self.0
            .iter()
            .map(|v| format_score(*v))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The setting key of the star thresholds.
pub const STAR_THRESHOLDS_KEY: &str = "star_thresholds";

/// A score as shown: `18.5`, `20`.
pub fn format_score(score: f64) -> String {
    super::number::one_decimal(score)
}

use super::number::round1;

/// The computed score of a criterion the records answer, or `None` for a manual one.
pub fn computed_score(
    criterion: &Criterion,
    facts: &SecretaryFacts,
    month_count: u32,
) -> Option<(f64, Explanation)> {
    let target = criterion.target_per_year * f64::from(month_count) / 12.0;
    let against = |value: f64| {
        let share = if target > 0.0 {
            (value / target).min(1.0)
        } else if value > 0.0 {
            1.0
        } else {
            0.0
        };
        (
            round1(share * criterion.max_score),
            Explanation::AgainstTarget {
                value: round1(value),
                target: round1(target),
            },
        )
    };
    Some(match criterion.source {
        CriterionSource::Manual => return None,
        CriterionSource::AttendanceRate => match facts.attendance.rate() {
            Some(rate) => (
                round1(rate * criterion.max_score),
                Explanation::Attendance {
                    attended: facts.attendance.attended(),
                    expected: facts.attendance.expected(),
                },
            ),
            None => (0.0, Explanation::NoSessions),
        },
        CriterionSource::LearningHours => against(facts.learning_min as f64 / 60.0),
        CriterionSource::ProblemsResolved => against(facts.problems_resolved as f64),
        CriterionSource::HelpVisits => against(facts.help_visits as f64),
        CriterionSource::TasksOnTime => against(facts.tasks_on_time as f64),
        CriterionSource::ThemeDayRate => {
            let (planned, on_time) = facts.theme_days;
            let share = if planned > 0 {
                on_time as f64 / planned as f64
            } else {
                0.0
            };
            (
                round1(share * criterion.max_score),
                Explanation::ThemeDays { on_time, planned },
            )
        }
        CriterionSource::AppraisalGrade => (
            round1(
                facts
                    .appraisal
                    .map_or(0.0, super::appraisal::Grade::criterion_share)
                    * criterion.max_score,
            ),
            Explanation::Appraisal(facts.appraisal),
        ),
    })
}

/// Competition ranks for totals: the best is 1, ties share a rank, and the next rank skips
/// as many places as shared it (90, 85, 85, 80 → 1, 2, 2, 4).
pub fn competition_ranks(totals: &[f64]) -> Vec<usize> {
    totals
        .iter()
        .map(|total| 1 + totals.iter().filter(|other| **other > *total).count())
        .collect()
}

/// Assesses `secretaries` for a period of `month_count` months, best first (ties in the
/// order given).
pub fn assess<S: std::hash::BuildHasher>(
    criteria: &[Criterion],
    secretaries: &[SecretaryId],
    facts: &HashMap<SecretaryId, SecretaryFacts, S>,
    manual: &HashMap<(SecretaryId, CriterionId), ManualScore, S>,
    month_count: u32,
    thresholds: StarThresholds,
) -> Vec<Assessment> {
    let none = SecretaryFacts::default();
    let mut assessments: Vec<Assessment> = secretaries
        .iter()
        .map(|secretary| {
            let facts = facts.get(secretary).unwrap_or(&none);
            let (mut base, mut bonus, mut deductions) = (0.0, 0.0, 0.0);
            let scores = criteria
                .iter()
                .map(|criterion| {
                    let (score, explanation) = computed_score(criterion, facts, month_count)
                        .unwrap_or_else(|| match manual.get(&(*secretary, criterion.id)) {
                            Some(entered) => (
                                round1(entered.score.clamp(0.0, criterion.max_score)),
                                Explanation::Manual(entered.note.clone()),
                            ),
                            None => (0.0, Explanation::NotEntered),
                        });
                    match criterion.part {
                        CriterionPart::Base => base += score,
                        CriterionPart::Bonus => bonus += score,
                        CriterionPart::Deduction => deductions += score,
                    }
                    CriterionScore {
                        criterion: criterion.id,
                        score,
                        explanation,
                    }
                })
                .collect();
            let total = round1(base + bonus - deductions);
            Assessment {
                secretary: *secretary,
                scores,
                base: round1(base),
                bonus: round1(bonus),
                deductions: round1(deductions),
                total,
                rank: 0,
                stars: thresholds.stars(total),
            }
        })
        .collect();
    let totals: Vec<f64> = assessments.iter().map(|a| a.total).collect();
    for (assessment, rank) in assessments.iter_mut().zip(competition_ranks(&totals)) {
        assessment.rank = rank;
    }
    assessments.sort_by_key(|a| a.rank);
    assessments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::AttendanceStatus;

    fn criteria() -> Vec<Criterion> {
        DEFAULT_CRITERIA
            .iter()
            .enumerate()
            .map(|(i, (name, part, max, source, target))| Criterion {
                id: CriterionId(i as i64 + 1),
                name: (*name).to_owned(),
                part: *part,
                max_score: *max,
                source: *source,
                target_per_year: *target,
            })
            .collect()
    }

    fn facts(attended: i64, absent: i64, learning_min: i64, resolved: i64) -> SecretaryFacts {
        let mut attendance = AttendanceCounts::default();
        attendance.add(AttendanceStatus::Present, attended);
        attendance.add(AttendanceStatus::Absent, absent);
        SecretaryFacts {
            attendance,
            learning_min,
            problems_resolved: resolved,
            help_visits: 0,
            ..SecretaryFacts::default()
        }
    }

    trait ScoreTuple {
        fn to_string_tuple(self) -> (String, String, String);
    }

    impl ScoreTuple for (f64, f64, f64) {
        fn to_string_tuple(self) -> (String, String, String) {
            (
                format_score(self.0),
                format_score(self.1),
                format_score(self.2),
            )
        }
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_is_skipped() {
        assert_eq!(
            competition_ranks(&[80.0, 90.0, 85.0, 85.0]),
            vec![4, 1, 2, 2]
        );
        assert_eq!(competition_ranks(&[70.0, 70.0, 70.0]), vec![1, 1, 1]);
        assert!(competition_ranks(&[]).is_empty());
    }

    #[test]
    fn stars_follow_the_thresholds() {
        let thresholds = StarThresholds::default();
        assert_eq!(thresholds.stars(59.9), 1);
        assert_eq!(thresholds.stars(60.0), 2);
        assert_eq!(thresholds.stars(89.9), 4);
        assert_eq!(thresholds.stars(100.0), 5);
        let edited = StarThresholds::parse("50，65, 75 85").expect("four rising numbers");
        assert_eq!(edited.stars(60.0), 2);
        assert_eq!(edited.to_text(), "50, 65, 75, 85");
        assert_eq!(StarThresholds::parse("60, 70, 80"), None);
        assert_eq!(StarThresholds::parse("60, 90, 80, 95"), None, "must rise");
        assert_eq!(StarThresholds::parse("60, 70, 80, x"), None);
    }

    #[test]
    fn computed_criteria_are_scaled_to_the_period_and_explained() {
        let all = criteria();
        let quarter = facts(5, 1, 9 * 60, 3);
        let attendance = computed_score(&all[0], &quarter, 3).expect("computed");
        assert_eq!(
            attendance,
            (
                16.7,
                Explanation::Attendance {
                    attended: 5,
                    expected: 6
                }
            ),
            "5/6 of 20"
        );
        // 24 hours a year is 6 a quarter: 9 hours earns full marks, no more.
        let learning = computed_score(&all[1], &quarter, 3).expect("computed");
        assert_eq!(
            learning,
            (
                20.0,
                Explanation::AgainstTarget {
                    value: 9.0,
                    target: 6.0
                }
            )
        );
        // 4 a year is 1 a quarter; over a year 3 of 4 earns three quarters.
        assert_eq!(
            computed_score(&all[4], &quarter, 12).map(|s| s.0),
            Some(7.5)
        );
        assert_eq!(
            computed_score(&all[2], &quarter, 3),
            None,
            "entered by hand"
        );
        let nobody = SecretaryFacts::default();
        assert_eq!(
            computed_score(&all[0], &nobody, 3),
            Some((0.0, Explanation::NoSessions))
        );
    }

    #[test]
    fn total_is_base_plus_bonus_minus_deductions_with_manual_scores_clamped() {
        let all = criteria();
        let (a, b, c) = (SecretaryId(1), SecretaryId(2), SecretaryId(3));
        let facts = HashMap::from([(a, facts(6, 0, 6 * 60, 1)), (b, facts(6, 0, 6 * 60, 1))]);
        let manual = HashMap::from([
            (
                (a, all[2].id),
                ManualScore {
                    score: 99.0,
                    note: "超出上限".into(),
                },
            ),
            (
                (a, all[7].id),
                ManualScore {
                    score: 5.0,
                    note: "会议迟到未报告".into(),
                },
            ),
            (
                (b, all[2].id),
                ManualScore {
                    score: 20.0,
                    note: String::new(),
                },
            ),
        ]);
        let result = assess(
            &all,
            &[c, a, b],
            &facts,
            &manual,
            3,
            StarThresholds::default(),
        );
        let of = |who| {
            result
                .iter()
                .find(|r| r.secretary == who)
                .expect("assessed")
        };
        // a: 20 + 20 + 25 (clamped) + 0 + 10 (1 of 1) + 0 = 75 base, −5.
        assert_eq!(
            (of(a).base, of(a).deductions, of(a).total).to_string_tuple(),
            ("75".into(), "5".into(), "70".into())
        );
        assert_eq!(of(a).stars, 3);
        assert_eq!(
            of(a).scores[2].explanation,
            Explanation::Manual("超出上限".into())
        );
        // b: 20 + 20 + 20 + 10 = 70: tied with a.
        assert_eq!(format_score(of(b).total), "70");
        assert_eq!((of(a).rank, of(b).rank, of(c).rank), (1, 1, 3));
        assert_eq!(of(c).scores[2].explanation, Explanation::NotEntered);
        assert_eq!(result[0].secretary, a, "ties keep the order given");
    }
}
