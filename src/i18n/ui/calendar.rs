//! Labels of the 日程 screen, and of what is due wherever it is listed.

use crate::domain::calendar::{DueItem, DueKind};
use crate::i18n::Lang;

texts! {
    nav_calendar: "日程", "Calendar";
    calendar_month_tab: "月历", "Month";
    calendar_rates_tab: "主题党日执行情况", "Theme days held";
    calendar_settings_tab: "提醒设置", "Settings";
    this_month: "本月", "This month";
    upcoming_title: "近期待办", "Coming up";
    days_ahead_label: "往后", "for the next";
    nothing_due: "没有待办事项。", "Nothing is due.";
    today_marker: "今天", "today";
    overdue_label: "已逾期", "overdue";
    calendar_explained: "红色为已逾期；点一项打开它的记录。", "Red is overdue; click an item to open its record.";
    col_planned_count: "应开", "Due";
    col_held_on_time: "规范执行", "On time";
    col_held_late: "补开", "Late";
    col_not_held: "未开", "Missed";
    col_not_reported: "未报", "Not reported";
    col_held_rate: "规范执行率", "Held as planned";
    col_below_floor: "低于到会底线", "Below the floor";
    rates_explained: "应开：计划日期已到的主题党日；规范执行：按计划日期或之前召开；补开：过了计划日期才开；未开：记录为未开；未报：日期已过仍未记录。", "Due: theme days whose planned day has come; on time: held on or before it; late: held after it; missed: recorded as not held; not reported: past the day with nothing recorded.";
    visit_every_label: "结对帮扶走访周期", "Visit each pairing every";
    days_unit: "天", "days";
    visit_every_invalid: "须是 1–366 天", "Must be 1–366 days";
    floor_invalid: "须是 1–100", "Must be 1–100";
    settings_explained: "改完按回车或点别处即保存。走访周期决定结对何时出现在日程上；到会率底线用于主题党日“低于底线”的统计。", "Saved on Enter or leaving the field. The visit cycle decides when a pairing shows as due; the floor counts theme days held below it.";
    open_calendar: "打开日程", "Open the calendar";
    due_next_14_days: "近14天待办", "Due in the next 14 days";
    weekday_mon: "一", "Mon";
    weekday_tue: "二", "Tue";
    weekday_wed: "三", "Wed";
    weekday_thu: "四", "Thu";
    weekday_fri: "五", "Fri";
    weekday_sat: "六", "Sat";
    weekday_sun: "日", "Sun";
    not_visited_yet: "尚未走访", "not visited yet";
    due_short_session: "活动", "Session";
    due_short_theme_day: "党日", "Party day";
    due_short_problem: "难题", "Problem";
    due_short_task: "任务", "Task";
    due_short_visit: "走访", "Visit";
    due_short_term_ends: "届满", "Term";
    due_short_milestone: "节点", "Milestone";
    due_short_planned_topic: "学习", "Study";
    due_short_decision: "决议", "Decision";
}

impl Lang {
    /// The weekdays' headings, Monday first.
    pub fn weekdays(self) -> [&'static str; 7] {
        [
            self.weekday_mon(),
            self.weekday_tue(),
            self.weekday_wed(),
            self.weekday_thu(),
            self.weekday_fri(),
            self.weekday_sat(),
            self.weekday_sun(),
        ]
    }

    /// "7 天"
    pub fn days_count(self, days: i64) -> String {
        match self {
            Self::Zh => format!("{days} 天"),
            Self::En => format!("{days} days"),
        }
    }

    /// "还有 3 项"
    pub fn more_items(self, count: usize) -> String {
        match self {
            Self::Zh => format!("还有 {count} 项…"),
            Self::En => format!("{count} more…"),
        }
    }

    /// "第1季度"
    pub fn quarter_name(self, quarter: usize) -> String {
        match self {
            Self::Zh => format!("第{quarter}季度"),
            Self::En => format!("Q{quarter}"),
        }
    }

    /// "共 12 项，已逾期 3 项"
    pub fn due_counts(self, total: usize, overdue: usize) -> String {
        match self {
            Self::Zh => format!("共 {total} 项，已逾期 {overdue} 项"),
            Self::En => format!("{total} due, {overdue} overdue"),
        }
    }

    /// What a calendar item is about, after its kind: a theme day's branches counted, a
    /// pairing with its last visit, a task with its owner.
    pub fn due_about(self, item: &DueItem) -> String {
        let with_who = |title: &str, who: &str| match (title.is_empty(), who.is_empty()) {
            (_, true) => title.to_owned(),
            (true, false) => who.to_owned(),
            (false, false) => match self {
                Self::Zh => format!("{title}（{who}）"),
                Self::En => format!("{title} ({who})"),
            },
        };
        match item.kind {
            DueKind::ThemeDay => {
                // The store gives the count as the title and the branches as who.
                let count: usize = item.title.trim().parse().unwrap_or(0);
                let mut names: Vec<&str> = item.who.split('、').collect();
                let more = names.len() > 3;
                names.truncate(3);
                let mut list = names.join("、");
                if more {
                    list.push('…');
                }
                match self {
                    Self::Zh => format!("{count} 个支部待记录（{list}）"),
                    Self::En => format!("{count} branches to record ({list})"),
                }
            }
            DueKind::Visit => {
                let last = if item.title.is_empty() {
                    self.not_visited_yet().to_owned()
                } else {
                    match self {
                        Self::Zh => format!("上次 {}", item.title),
                        Self::En => format!("last {}", item.title),
                    }
                };
                match self {
                    Self::Zh => format!("{}（{last}）", item.who),
                    Self::En => format!("{} ({last})", item.who),
                }
            }
            DueKind::Decision => match self {
                Self::Zh => format!("{}，决议待公开", with_who(&item.title, &item.who)),
                Self::En => format!(
                    "{}: the resolution to be made public",
                    with_who(&item.title, &item.who)
                ),
            },
            // A term's group is the title, the person who.
            DueKind::TermEnds => with_who(&item.who, &item.title),
            _ => with_who(&item.title, &item.who),
        }
    }

    /// An item's kind in a word or two, for a day's cell of the month.
    pub fn due_kind_short(self, kind: DueKind) -> &'static str {
        match kind {
            DueKind::Session => self.due_short_session(),
            DueKind::ThemeDay => self.due_short_theme_day(),
            DueKind::Problem => self.due_short_problem(),
            DueKind::Task => self.due_short_task(),
            DueKind::Visit => self.due_short_visit(),
            DueKind::TermEnds => self.due_short_term_ends(),
            DueKind::Milestone => self.due_short_milestone(),
            DueKind::PlannedTopic => self.due_short_planned_topic(),
            DueKind::Decision => self.due_short_decision(),
        }
    }

    /// "主题党日：5 个支部待记录（东沟村、…）"
    pub fn due_line(self, item: &DueItem) -> String {
        match self {
            Self::Zh => format!("{}：{}", self.due_kind(item.kind), self.due_about(item)),
            Self::En => format!("{}: {}", self.due_kind(item.kind), self.due_about(item)),
        }
    }

    /// "日程 (7)"
    pub fn nav_calendar_count(self, count: usize) -> String {
        format!("{} ({count})", self.nav_calendar())
    }
}
