//! The five systems and the six responsibilities, each screen doing its main job by clicking
//! and typing, checked against the store afterwards.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use secretary_studio::domain::period::Period;
use secretary_studio::domain::points::PointsEvent;
use secretary_studio::ui::Screen;

/// Types into a multi-line field: click into it, then type.
fn type_multiline(
    harness: &mut egui_kittest::Harness<'static, secretary_studio::App>,
    label: &str,
    text: &str,
) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(text);
    harness.run();
}

#[test]
fn learn_adds_a_plan_item_and_shows_a_secretarys_record() {
    let mut harness = common::harness(common::systems_store(), Screen::Learn);
    common::type_into(&mut harness, "月份", "12");
    common::type_into(&mut harness, "学习内容", "学习党的二十届四中全会精神");
    harness.get_by_label("加入计划").click();
    harness.run();
    let plan = harness.state().store().learning_plan(2026).expect("plan");
    assert!(
        plan.iter()
            .any(|(item, _)| item.month == 12 && item.title == "学习党的二十届四中全会精神")
    );
    assert!(harness.query_all_by_label_contains("待开展").count() >= 2);
    harness.get_by_label("个人学习档案").click();
    harness.run();
    harness.get_by_label_contains("王建国  ").click();
    harness.run();
    harness.get_by_label_contains("王建国：共学习");
}

#[test]
fn help_pairs_two_secretaries_and_a_recorded_visit_counts() {
    let mut harness = common::harness(common::systems_store(), Screen::Help);
    let before = harness.state().store().pairings().expect("pairings").len();
    harness.get_by_label_contains("有 1 对结对已超过 60 天未走访");
    harness.get_by_label("新建结对").click();
    harness.run();
    common::pick(&mut harness, "帮扶人（强村书记）", "张志强");
    common::pick(&mut harness, "被帮扶人（弱村书记）", "李秀英");
    type_multiline(&mut harness, "帮扶目标", "发展橡子凉粉加工");
    harness.get_by_label("保存").click();
    harness.run();
    let pairings = harness.state().store().pairings().expect("pairings");
    assert_eq!(pairings.len(), before + 1);
    let new = pairings
        .iter()
        .find(|p| p.fields.goals == "发展橡子凉粉加工")
        .expect("saved");
    assert_eq!(new.visits, 0);
    let new_id = new.id;
    harness.get_by_label("记录走访 张志强 → 李秀英").click();
    harness.run();
    common::type_into(&mut harness, "主题", "走访罗龚所在村");
    harness.get_by_label("保存").click();
    harness.run();
    let pairing = harness
        .state()
        .store()
        .pairings()
        .expect("pairings")
        .into_iter()
        .find(|p| p.id == new_id)
        .expect("pairing");
    assert_eq!(pairing.visits, 1, "the help visit hangs on the pairing");
    // The visit's page expects the pair, not the whole studio, and names the pairing.
    harness.get_by_label("应到 2 人，实到 0 人");
    harness.get_by_label("张志强 → 李秀英");
    // The best pair goes on the red list together (back on 帮扶 from the navigation panel).
    harness
        .get_all_by_label("帮扶")
        .next()
        .expect("navigation")
        .click();
    harness.run();
    let honours = harness.state().store().honours().expect("honours").len();
    harness.get_by_label("表彰 张志强 → 李秀英").click();
    harness.run();
    common::type_into(&mut harness, "原因", "结对帮扶成效突出");
    harness.get_by_label("记录表彰/批评").click();
    harness.run();
    let after = harness.state().store().honours().expect("honours");
    assert_eq!(after.len(), honours + 2);
    assert!(
        after
            .iter()
            .filter(|h| h.reason == "结对帮扶成效突出")
            .count()
            == 2
    );
}

#[test]
fn compare_ranks_with_stars_and_takes_hand_entered_scores() {
    let mut harness = common::harness(common::systems_store(), Screen::Compare);
    pick_period(&mut harness, "第三季度");
    let ranking = harness.state().compare_ranking();
    assert_eq!(ranking.len(), 20);
    assert!(ranking.windows(2).all(|w| w[0].2 >= w[1].2), "best first");
    harness.get_by_label("评分… 王建国").click();
    harness.run();
    common::type_into(&mut harness, "得分 履职尽责", "25");
    common::type_into(&mut harness, "评分说明 履职尽责", "圆满完成镇党委交办任务");
    harness.get_by_label("保存").click();
    harness.run();
    let q3 = Period::parse("2026-Q3").expect("period");
    let scores = harness.state().store().manual_scores(q3).expect("scores");
    assert!(
        scores
            .values()
            .any(|s| s.note == "圆满完成镇党委交办任务" && (s.score - 25.0).abs() < 1e-9)
    );
    let after = harness.state().compare_ranking();
    let (_, _, total, stars) = after
        .iter()
        .find(|r| r.1 == "王建国")
        .cloned()
        .expect("ranked");
    assert!(total > 0.0 && (1..=5).contains(&stars));
    harness.get_by_label("片区比较").click();
    harness.run();
    harness.get_by_label_contains("东片区: ");
    // A criterion can go from the sheet, and come back with Undo.
    harness.get_by_label("考评指标").click();
    harness.run();
    harness.get_by_label("删除 扣分项").click();
    harness.run();
    assert_eq!(
        harness.state().store().criteria().expect("criteria").len(),
        7
    );
    harness.get_by_label("撤销").click();
    harness.run();
    assert_eq!(
        harness.state().store().criteria().expect("criteria").len(),
        8
    );
}

#[test]
fn communicate_posts_a_pinned_notice_that_comes_first_and_is_found() {
    let mut harness = common::harness(common::systems_store(), Screen::Communicate);
    harness.get_by_label("发布通知").click();
    harness.run();
    common::type_into(&mut harness, "标题", "防汛值班安排");
    type_multiline(&mut harness, "正文", "请各村做好汛期值班。");
    harness.get_by_label("置顶").click();
    harness.get_by_label("保存").click();
    harness.run();
    let notices = harness.state().store().notices().expect("notices");
    assert_eq!(
        notices[0].fields.title, "防汛值班安排",
        "pinned and newest: first"
    );
    assert!(notices[0].fields.pinned);
    common::type_into(&mut harness, "搜索", "防汛");
    assert!(harness.query_by_label("下月集中学习安排").is_none());
    harness.get_by_label("防汛值班安排");
    // Deleting a notice can be undone from the status line.
    harness.get_by_label("删除 防汛值班安排").click();
    harness.run();
    assert!(harness.query_by_label("防汛值班安排").is_none());
    harness.get_by_label("撤销").click();
    harness.run();
    harness.get_by_label("防汛值班安排");
    assert_eq!(harness.state().store().notices().expect("notices").len(), 5);
}

#[test]
fn incentivise_awards_points_and_a_rule_change_recomputes_the_board() {
    let mut harness = common::harness(common::systems_store(), Screen::Incentivise);
    let points_of = |harness: &egui_kittest::Harness<'static, secretary_studio::App>| {
        harness
            .state()
            .incentive_leaderboard()
            .into_iter()
            .find(|(name, _)| name == "王建国")
            .map(|(_, p)| p)
            .expect("on the board")
    };
    let before = points_of(&harness);
    let year = Period::parse("2026").expect("period");
    let wang = harness.state().store().roster().expect("roster")[0].id;
    let earlier_commendations = harness
        .state()
        .store()
        .honours()
        .expect("honours")
        .iter()
        .filter(|h| {
            h.secretary == wang
                && h.kind == secretary_studio::domain::points::HonourKind::Commendation
                && year.contains(h.on)
        })
        .count() as i64;
    harness.get_by_label("奖励与表彰").click();
    harness.run();
    common::pick(&mut harness, "姓名 手工奖励/扣分", "王建国");
    common::type_into(&mut harness, "积分", "+5");
    common::type_into(&mut harness, "原因 手工奖励/扣分", "带头修通组路");
    harness.get_by_label("记录奖励").click();
    harness.run();
    assert_eq!(points_of(&harness), before + 5);
    common::pick(&mut harness, "姓名 表彰与批评", "王建国");
    common::type_into(&mut harness, "原因 表彰与批评", "结对帮扶成效突出");
    // Enter after the reason records it, as 记录表彰/批评 does.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(points_of(&harness), before + 15, "a commendation is +10");
    harness.get_by_label("积分规则").click();
    harness.run();
    common::type_into(&mut harness, "受到表彰", "20");
    harness.get_by_label("保存规则").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .store()
            .points_rules()
            .expect("rules")
            .points(PointsEvent::Commendation),
        20
    );
    assert_eq!(
        points_of(&harness),
        before + 5 + 20 + 10 * earlier_commendations,
        "every commendation recomputed with the new rule"
    );
    harness.get_by_label("积分明细").click();
    harness.run();
    harness.get_by_label_contains("表彰/批评： 结对帮扶成效突出");
}

#[test]
fn the_dashboard_shows_the_six_responsibilities_and_edits_them() {
    let mut harness = common::harness(common::systems_store(), Screen::Dashboard);
    harness.get_by_label("六项职责");
    harness.get_by_label("编辑职责…").click();
    harness.run();
    common::type_into(&mut harness, "职责 1", "理论学习");
    harness.get_by_label("保存").click();
    harness.run();
    let responsibilities = harness.state().store().responsibilities().expect("r");
    assert_eq!(responsibilities[0].name, "理论学习");
    assert_eq!(responsibilities.len(), 6);
    harness.get_by_label("理论学习");
}

/// Picks a part of the year in the period picker of 比拼 or 激励.
fn pick_period(harness: &mut egui_kittest::Harness<'static, secretary_studio::App>, part: &str) {
    harness.get_by_label("时段").click();
    harness.run();
    harness.get_by_label(part).click();
    harness.run();
}

#[test]
fn one_period_in_words_for_compare_and_incentivise_remembered() {
    let mut harness = common::harness(common::systems_store(), Screen::Compare);
    // The current quarter at first (the tests' today is in November 2026).
    harness.get_by_label("2026年第四季度（2026-10-01 – 2026-12-31）");
    pick_period(&mut harness, "第三季度");
    let q3 = Period::parse("2026-Q3").expect("period");
    assert_eq!(harness.state().settings().period, Some(q3), "remembered");
    assert_eq!(harness.state().compare_ranking().len(), 20);
    harness.get_by_label("打印排名及表彰名单");
    // 激励 works on the same period.
    harness.get_by_label("激励").click();
    harness.run();
    harness.get_by_label("2026年第三季度（2026-07-01 – 2026-09-30）");
    harness.get_by_label("年份").click();
    harness.run();
    harness.get_by_label("2025年").click();
    harness.run();
    assert_eq!(
        harness.state().settings().period,
        Period::parse("2025年第三季度").ok()
    );
    // Every part of a year is a period: nothing to mistype, nothing goes blank.
    pick_period(&mut harness, "上半年");
    harness.get_by_label("打印工作报告");
    assert_eq!(
        harness.state().settings().period.map(|p| p.to_string()),
        Some("2025-H1".to_owned())
    );
}

#[test]
fn an_honour_takes_a_day_in_the_period_worked_on_and_says_when_it_is_outside() {
    let mut harness = common::harness(common::systems_store(), Screen::Incentivise);
    pick_period(&mut harness, "第三季度");
    harness.get_by_label("奖励与表彰").click();
    harness.run();
    // Today (29 November) is after the third quarter: its last day is put in.
    let date_of = |harness: &egui_kittest::Harness<'static, secretary_studio::App>| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "日期 表彰与批评")
            .value()
            .unwrap_or_default()
    };
    assert_eq!(date_of(&harness), "2026-09-30");
    common::pick(&mut harness, "姓名 表彰与批评", "王建国");
    common::type_into(&mut harness, "原因 表彰与批评", "结对帮扶成效突出");
    // Enter after the reason records it, as 记录表彰/批评 does.
    harness.key_press(egui::Key::Enter);
    harness.run();
    let q3 = Period::parse("2026-Q3").expect("period");
    let in_q3 = harness
        .state()
        .store()
        .honours()
        .expect("honours")
        .iter()
        .any(|h| h.reason == "结对帮扶成效突出" && q3.contains(h.on));
    assert!(in_q3, "on the third quarter's red list");
    // A day typed outside the period is said to count elsewhere.
    common::type_into(&mut harness, "日期 表彰与批评", "2026-11-20");
    harness.get_by_label("这个日期不在2026年第三季度内，不会计入本期的积分、红榜和排名。");
    // The default follows the period; a typed day stays.
    pick_period(&mut harness, "第四季度");
    assert_eq!(date_of(&harness), "2026-11-20");
    let award = harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "日期 手工奖励/扣分")
        .value()
        .unwrap_or_default();
    assert_eq!(award, "2026-11-29", "today, in the fourth quarter");
}

#[test]
fn a_score_out_of_range_names_the_maximum_and_the_message_goes_once_fixed() {
    let mut harness = common::harness(common::systems_store(), Screen::Compare);
    harness.get_by_label("评分… 王建国").click();
    harness.run();
    common::type_into(&mut harness, "得分 履职尽责", "999");
    harness.get_by_label("保存").click();
    harness.run();
    // The maximum is said: 履职尽责：得分须在 0 到 N 分之间.
    let max = harness
        .state()
        .store()
        .criteria()
        .expect("criteria")
        .into_iter()
        .find(|c| c.name == "履职尽责")
        .expect("criterion")
        .max_score;
    harness.get_by_label(&format!(
        "履职尽责：得分须在 0 到 {} 分之间",
        secretary_studio::domain::assessment::format_score(max)
    ));
    common::type_into(&mut harness, "得分 履职尽责", "20");
    assert!(
        harness.query_by_label_contains("得分须在 0 到").is_none(),
        "the message follows the correction"
    );
}

#[test]
fn every_form_with_changes_asks_before_it_is_left() {
    // An experience note half written on 交流.
    let mut harness = common::harness(common::systems_store(), Screen::Communicate);
    harness.get_by_label("新建经验材料").click();
    harness.run();
    harness.get_by_label("概览").click();
    harness.run();
    assert!(
        harness.query_by_label("有未保存的修改").is_none(),
        "an untouched form is left without a question"
    );
    harness.get_by_label("交流").click();
    harness.run();
    common::type_into(&mut harness, "标题", "食用菌冷链经验");
    harness.get_by_label("概览").click();
    harness.run();
    harness.get_by_label("有未保存的修改");
    harness
        .get_all_by_label("不保存")
        .last()
        .expect("the question")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Dashboard);
}

#[test]
fn commending_a_pair_defaults_to_a_day_of_the_period_worked_on() {
    let mut harness = common::harness(common::systems_store(), Screen::Help);
    // The coordinator is working on the first quarter (picked in 比拼 or 激励).
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::SetPeriod(
            Period::parse("2026-Q1").expect("period"),
        ));
    harness.run();
    harness
        .get_all_by_label_contains("表彰 ")
        .next()
        .expect("a pair's 表彰")
        .click();
    harness.run();
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "日期")
            .value()
            .as_deref(),
        Some("2026-03-31"),
        "the period's last day, not today (2026-11-29)"
    );
}

#[test]
fn enter_in_a_one_line_field_saves_the_form_and_a_new_line_in_the_text_does_not() {
    let mut harness = common::harness(common::systems_store(), Screen::Communicate);
    let before = harness.state().store().notices().expect("notices").len();
    harness.get_by_label("发布通知").click();
    harness.run();
    // Enter in the body is a new line.
    type_multiline(&mut harness, "正文", "请各村做好冬季防火。");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().store().notices().expect("notices").len(),
        before
    );
    // Enter after the title saves.
    common::type_into(&mut harness, "标题", "冬季防火通知");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let notices = harness.state().store().notices().expect("notices");
    assert_eq!(notices.len(), before + 1);
    assert!(notices.iter().any(|n| n.fields.title == "冬季防火通知"));
    assert!(
        harness.query_by_label("冬季防火通知").is_some(),
        "listed, form closed"
    );
}
