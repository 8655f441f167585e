//! The command line's words for the town's records: the `due` list, and printing a base, the
//! bases, the duties and tasks, a decision and the register of decisions.

use super::Lang;
use chrono::NaiveDate;

texts! {
    cli_need_base: "请用 --name 指明基地（名称、名称中的一段或编号）", "--name is required: the base's name, part of it, or its number";
    cli_need_decision: "请用 --id 编号或 --title 事项指明决策", "--id N or --title TEXT is required";
    cli_not_days: "--days 须是 0–366 之间的天数：", "--days must be a number of days, 0–366: ";
    cli_due_overdue: "逾期", "overdue";
    cli_due_today: "今天", "today";
}

impl Lang {
    /// How far off a calendar item is: 逾期 / 今天 / 3天后.
    pub fn cli_due_when(self, on: NaiveDate, today: NaiveDate) -> String {
        let days = (on - today).num_days();
        match (self, days) {
            (_, d) if d < 0 => self.cli_due_overdue().to_owned(),
            (_, 0) => self.cli_due_today().to_owned(),
            (Self::Zh, d) => format!("{d}天后"),
            (Self::En, 1) => "tomorrow".to_owned(),
            (Self::En, d) => format!("in {d} days"),
        }
    }

    /// A calendar item's title as the `due` list writes it: a theme day's count of branches,
    /// a pairing's last visit; others as they are.
    pub fn cli_due_title(self, kind: crate::domain::calendar::DueKind, title: &str) -> String {
        use crate::domain::calendar::DueKind;
        match (self, kind, title.is_empty()) {
            (Self::Zh, DueKind::ThemeDay, _) => format!("{title} 个支部"),
            (Self::En, DueKind::ThemeDay, _) => format!("{title} branches"),
            (Self::Zh, DueKind::Visit, false) => format!("上次走访 {title}"),
            (Self::En, DueKind::Visit, false) => format!("last visit {title}"),
            (Self::Zh, DueKind::Visit, true) => "尚未走访".to_owned(),
            (Self::En, DueKind::Visit, true) => "not visited yet".to_owned(),
            _ => title.to_owned(),
        }
    }

    /// The `due` list when nothing is due.
    pub fn cli_nothing_due(self, days: i64) -> String {
        match self {
            Self::Zh => format!("没有逾期的事项，今后 {days} 天内也没有到期的事项。"),
            Self::En => {
                format!("Nothing is overdue, and nothing falls due in the next {days} days.")
            }
        }
    }

    /// No base goes by `name`: the bases there are, with their numbers.
    pub fn cli_no_such_base(self, name: &str, bases: &[String]) -> String {
        match (self, bases.is_empty()) {
            (Self::Zh, true) => format!("没有名为「{name}」的基地：还没有登记任何产业基地。"),
            (Self::Zh, false) => format!(
                "没有名为「{name}」的基地（或有多个基地名称含有它）。现有（编号 名称）：{}",
                bases.join("、")
            ),
            (Self::En, true) => format!("No base is named “{name}”: no bases are recorded yet."),
            (Self::En, false) => format!(
                "No base (or more than one) is named “{name}”. The bases (number name): {}",
                bases.join(", ")
            ),
        }
    }

    /// No decision goes by `what`: some of the decisions there are, with their numbers.
    pub fn cli_no_such_decision(self, what: &str, decisions: &[String], more: usize) -> String {
        let more = match (self, more) {
            (_, 0) => String::new(),
            (Self::Zh, n) => format!(" 等，另有 {n} 项"),
            (Self::En, n) => format!(" and {n} more"),
        };
        match (self, decisions.is_empty()) {
            (Self::Zh, true) => format!("没有「{what}」这项决策：还没有记录任何“四议两公开”事项。"),
            (Self::Zh, false) => format!(
                "没有「{what}」这项决策（或有多项标题含有它）。现有（编号 事项）：{}{more}",
                decisions.join("、")
            ),
            (Self::En, true) => {
                format!("No decision “{what}”: no village decisions are recorded yet.")
            }
            (Self::En, false) => format!(
                "No decision (or more than one) matches “{what}”. The decisions (number title): {}{more}",
                decisions.join(", ")
            ),
        }
    }
}
