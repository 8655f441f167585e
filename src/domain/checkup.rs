//! 党性体检: the yearly party-spirit check-up of a secretary (or another person kept in the
//! register): indicators scored in four steps — self, peers, the masses (at least fifteen
//! residents), the leader — combined by weights into 健康 / 亚健康 / 不健康; its findings
//! (问题清单) become problems of the ledger, where their rectification is followed.

use super::league::PersonId;
use super::roster::{ProblemId, SecretaryId};
use chrono::NaiveDate;

local_id!(
    /// A check-up.
    CheckupId,
    /// An indicator of the check-up (体检指标).
    IndicatorId,
    /// A finding of a check-up (问题清单 item).
    FindingId,
);

/// The indicators a new studio starts with: (name, full marks).
pub const DEFAULT_INDICATORS: [(&str, f64); 5] = [
    ("理想信念", 20.0),
    ("政治纪律", 20.0),
    ("宗旨意识", 20.0),
    ("担当作为", 20.0),
    ("廉洁自律", 20.0),
];

/// Residents the masses' step must hear at least.
pub const MASSES_MINIMUM: i64 = 15;

code_enum!(
    /// A step of the check-up.
    Step {
        /// 自我体检
        SelfCheck = "self",
        /// 同级互检
        Peer = "peer",
        /// 群众评检
        Masses = "masses",
        /// 组织审检
        Leader = "leader",
    }
);

code_enum!(
    /// The result of a check-up.
    Health {
        /// 健康
        Healthy = "healthy",
        /// 亚健康
        SubHealthy = "sub_healthy",
        /// 不健康
        Unhealthy = "unhealthy",
    }
);

/// An indicator and its full marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Local key.
    pub id: IndicatorId,
    /// e.g. 理想信念.
    pub name: String,
    /// Full marks in each step.
    pub max_score: f64,
}

/// Whose check-up it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A secretary of the roster.
    Secretary(SecretaryId),
    /// Someone of the people register (a branch member the coordinator keeps).
    Person(PersonId),
}

/// A check-up as typed and stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckupFields {
    /// Whose.
    pub subject: Subject,
    /// The year it checks.
    pub year: i32,
    /// When it was held.
    pub held_on: Option<NaiveDate>,
    /// Residents heard in the masses' step.
    pub masses_count: i64,
    /// Notes.
    pub notes: String,
    /// Scores by indicator and step.
    pub scores: Vec<(IndicatorId, Step, f64)>,
}

/// A finding and the problem it became, if it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Local key.
    pub id: FindingId,
    /// What was found.
    pub text: String,
    /// The problem of the ledger that follows its rectification.
    pub problem: Option<ProblemId>,
}

/// A check-up as listed, with its findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkup {
    /// Local key.
    pub id: CheckupId,
    /// The record.
    pub fields: CheckupFields,
    /// Its findings.
    pub findings: Vec<Finding>,
}

/// What is wrong with a check-up as typed.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckupError {
    /// A score is below zero or above its indicator's full marks.
    ScoreAboveMaximum {
        /// The indicator's name.
        indicator: String,
        /// The step.
        step: Step,
        /// Its full marks.
        max_score: f64,
    },
    /// The masses' step was scored by fewer residents than it must hear.
    TooFewResidents,
}

/// The setting key of the steps' weights.
pub const WEIGHTS_KEY: &str = "checkup_weights";
/// The setting key of the grade thresholds.
pub const GRADES_KEY: &str = "checkup_grades";

/// The weight of each step, in percent of the result (self, peers, masses, leader).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights(pub [i64; 4]);

impl Default for Weights {
    fn default() -> Self {
        Self([20, 30, 30, 20])
    }
}

impl Weights {
    /// Parses `20, 30, 30, 20`: four weights, none below zero, not all zero.
    pub fn parse(text: &str) -> Option<Self> {
        let values = parse_numbers(text)?;
        let values: [i64; 4] = values.try_into().ok()?;
        (values.iter().all(|v| (0..=100).contains(v)) && values.iter().sum::<i64>() > 0)
            .then_some(Self(values))
    }

    /// As stored and edited.
    pub fn to_text(self) -> String {
        join(&self.0)
    }

    fn of(self, step: Step) -> i64 {
        self.0[Step::ALL.iter().position(|s| *s == step).unwrap_or(0)]
    }
}

/// The results at which a check-up is 健康 and 亚健康 (in percent of full marks); below
/// the second, 不健康.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HealthThresholds {
    /// 健康 from here.
    pub healthy: i64,
    /// 亚健康 from here.
    pub sub_healthy: i64,
}

impl Default for HealthThresholds {
    fn default() -> Self {
        Self {
            healthy: 85,
            sub_healthy: 70,
        }
    }
}

impl HealthThresholds {
    /// Parses `85, 70` (falling, within 0–100).
    pub fn parse(text: &str) -> Option<Self> {
        let values = parse_numbers(text)?;
        let [healthy, sub_healthy]: [i64; 2] = values.try_into().ok()?;
        (0 <= sub_healthy && sub_healthy < healthy && healthy <= 100).then_some(Self {
            healthy,
            sub_healthy,
        })
    }

    /// As stored and edited.
    pub fn to_text(self) -> String {
        join(&[self.healthy, self.sub_healthy])
    }

    /// The grade of a result in percent.
    pub fn health(self, result: f64) -> Health {
        if result + 1e-9 >= self.healthy as f64 {
            Health::Healthy
        } else if result + 1e-9 >= self.sub_healthy as f64 {
            Health::SubHealthy
        } else {
            Health::Unhealthy
        }
    }
}

fn parse_numbers(text: &str) -> Option<Vec<i64>> {
    text.split([',', '，', ' ', '/', '、'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim().trim_end_matches(['%', '％']).parse::<i64>().ok())
        .collect()
}

fn join(values: &[i64]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl CheckupFields {
    /// Checks each score against its indicator's full marks and the residents heard.
    pub fn check(&self, indicators: &[Indicator]) -> Result<(), CheckupError> {
        for (indicator, step, score) in &self.scores {
            let Some(found) = indicators.iter().find(|i| i.id == *indicator) else {
                continue;
            };
            if !(0.0..=found.max_score).contains(score) || !score.is_finite() {
                return Err(CheckupError::ScoreAboveMaximum {
                    indicator: found.name.clone(),
                    step: *step,
                    max_score: found.max_score,
                });
            }
        }
        let masses_scored = self.scores.iter().any(|(_, s, _)| *s == Step::Masses);
        if masses_scored && self.masses_count < MASSES_MINIMUM {
            return Err(CheckupError::TooFewResidents);
        }
        Ok(())
    }

    /// A step's result in percent of full marks, if every indicator was scored in it.
    pub fn step_result(&self, indicators: &[Indicator], step: Step) -> Option<f64> {
        if indicators.is_empty() {
            return None;
        }
        let mut score = 0.0;
        let mut max = 0.0;
        for indicator in indicators {
            let (_, _, given) = self
                .scores
                .iter()
                .find(|(i, s, _)| *i == indicator.id && *s == step)?;
            score += given;
            max += indicator.max_score;
        }
        (max > 0.0).then(|| score / max * 100.0)
    }

    /// The weighted result in percent, once every step with a weight was scored in full.
    pub fn result(&self, indicators: &[Indicator], weights: Weights) -> Option<f64> {
        let mut total = 0.0;
        let mut weight_sum = 0;
        for step in Step::ALL {
            let weight = weights.of(*step);
            if weight == 0 {
                continue;
            }
            total += self.step_result(indicators, *step)? * weight as f64;
            weight_sum += weight;
        }
        (weight_sum > 0).then(|| total / weight_sum as f64)
    }

    /// 健康 / 亚健康 / 不健康, once complete.
    pub fn health(
        &self,
        indicators: &[Indicator],
        weights: Weights,
        thresholds: HealthThresholds,
    ) -> Option<Health> {
        self.result(indicators, weights)
            .map(|r| thresholds.health(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicators() -> Vec<Indicator> {
        DEFAULT_INDICATORS
            .iter()
            .enumerate()
            .map(|(i, (name, max))| Indicator {
                id: IndicatorId(i as i64 + 1),
                name: (*name).into(),
                max_score: *max,
            })
            .collect()
    }

    fn scored(per_step: [f64; 4]) -> CheckupFields {
        let scores = Step::ALL
            .iter()
            .zip(per_step)
            .flat_map(|(step, score)| indicators().into_iter().map(move |i| (i.id, *step, score)))
            .collect();
        CheckupFields {
            subject: Subject::Secretary(SecretaryId(1)),
            year: 2026,
            held_on: None,
            masses_count: 16,
            notes: String::new(),
            scores,
        }
    }

    #[test]
    fn four_steps_combine_by_their_weights_into_a_grade() {
        let indicators = indicators();
        // 18/20 by oneself, 16 by peers, 14 by the masses, 18 by the leader.
        let checkup = scored([18.0, 16.0, 14.0, 18.0]);
        assert_eq!(checkup.check(&indicators), Ok(()));
        let result = checkup
            .result(&indicators, Weights::default())
            .expect("complete");
        // 90·0.2 + 80·0.3 + 70·0.3 + 90·0.2 = 81
        assert!((result - 81.0).abs() < 1e-9, "{result}");
        let thresholds = HealthThresholds::default();
        assert_eq!(
            checkup.health(&indicators, Weights::default(), thresholds),
            Some(Health::SubHealthy)
        );
        let only_leader = Weights([0, 0, 0, 100]);
        assert_eq!(
            checkup.health(&indicators, only_leader, thresholds),
            Some(Health::Healthy)
        );
        assert_eq!(thresholds.health(69.9), Health::Unhealthy);
    }

    #[test]
    fn an_incomplete_step_leaves_the_result_open() {
        let indicators = indicators();
        let mut checkup = scored([18.0, 16.0, 14.0, 18.0]);
        checkup.scores.retain(|(_, step, _)| *step != Step::Leader);
        assert_eq!(checkup.result(&indicators, Weights::default()), None);
        assert!(checkup.step_result(&indicators, Step::Peer).is_some());
    }

    #[test]
    fn a_score_above_its_maximum_or_too_few_residents_is_refused() {
        let indicators = indicators();
        let mut checkup = scored([18.0, 16.0, 14.0, 18.0]);
        checkup.scores[0].2 = 21.0;
        assert_eq!(
            checkup.check(&indicators),
            Err(CheckupError::ScoreAboveMaximum {
                indicator: "理想信念".into(),
                step: Step::SelfCheck,
                max_score: 20.0
            })
        );
        let mut checkup = scored([18.0, 16.0, 14.0, 18.0]);
        checkup.masses_count = 14;
        assert_eq!(
            checkup.check(&indicators),
            Err(CheckupError::TooFewResidents)
        );
    }

    #[test]
    fn weights_and_thresholds_are_read_as_typed() {
        assert_eq!(Weights::parse("20，30，30，20"), Some(Weights::default()));
        assert_eq!(Weights::parse("20, 30, 30"), None);
        assert_eq!(Weights::parse("0,0,0,0"), None);
        assert_eq!(Weights::default().to_text(), "20, 30, 30, 20");
        assert_eq!(
            HealthThresholds::parse("90%, 75%"),
            Some(HealthThresholds {
                healthy: 90,
                sub_healthy: 75
            })
        );
        assert_eq!(HealthThresholds::parse("70, 85"), None);
    }
}
