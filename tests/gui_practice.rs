//! The town's wider practice, clicked through by label as the coordinator would: people and
//! groups with their letters, a month of theme party days, a check-up whose findings become
//! problems, an appraisal, and the scoring rules — each checked against the store afterwards.

mod common;

use egui_kittest::kittest::Queryable;
use secretary_studio::App;
use secretary_studio::domain::league::{MemberFields, PersonFields, Role as GroupRole};
use secretary_studio::domain::theme_day::ThemeDayState;
use secretary_studio::store::Store;
use secretary_studio::ui::Screen;

type Harness = egui_kittest::Harness<'static, App>;

fn click(harness: &mut Harness, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The demo studio with three people of the register, one of them in 妇女团.
fn studio_with_people() -> Store {
    let mut store = common::systems_store();
    let group = store
        .groups()
        .expect("groups")
        .into_iter()
        .find(|g| g.name == "妇女团")
        .expect("妇女团")
        .id;
    store
        .write(|w| {
            let mut people = Vec::new();
            for (name, occupation) in [
                ("刘桂花", "妇联主席"),
                ("陈秀珍", "巾帼致富带头人"),
                ("马德福", "原村委会主任"),
            ] {
                people.push(w.add_person(&PersonFields {
                    name: name.into(),
                    occupation: occupation.into(),
                    ..PersonFields::default()
                })?);
            }
            w.add_member(&MemberFields {
                group,
                person: people[0],
                role: GroupRole::Leader,
                term_starts_on: common::today() - chrono::Days::new(400),
                term_ends_on: Some(common::today() + chrono::Days::new(20)),
                discipline_signed: true,
                letter: None,
                issued_on: None,
            })
        })
        .expect("people");
    store
}

#[test]
fn a_person_is_added_put_into_a_group_and_the_groups_letters_are_numbered() {
    let mut harness = common::harness(studio_with_people(), Screen::League);
    click(&mut harness, "人员库");
    click(&mut harness, "新增人员…");
    common::type_into(&mut harness, "姓名", "周明");
    common::type_into(&mut harness, "职业或原任职务", "县农技中心高级农艺师");
    click(&mut harness, "保存");
    let people = harness.state().store().people().expect("people");
    assert!(
        people
            .iter()
            .any(|p| p.fields.name == "周明" && p.fields.occupation == "县农技中心高级农艺师")
    );

    click(&mut harness, "团组与成员");
    harness.get_by_label_contains("妇女团（1）").click();
    harness.run();
    // The leader's term ends within 30 days: the screen says so.
    harness.get_by_label_contains("聘期在 30 天内到期");
    click(&mut harness, "添加成员…");
    common::pick(&mut harness, "姓名", "陈秀珍（巾帼致富带头人）");
    common::pick(&mut harness, "团内职务", "副团长");
    common::type_into(&mut harness, "聘期结束", "2028-12-31");
    click(&mut harness, "保存");
    let members = harness.state().store().members().expect("members");
    assert_eq!(members.len(), 2);
    assert!(members.iter().all(|m| m.fields.letter.is_none()));

    // Printing numbers the letters not yet numbered first: none goes out without one.
    harness.get_by_label("打印全团聘书").click();
    common::wait_for_work(&mut harness);
    let letters = harness.state().last_printed().expect("printed").to_owned();
    assert!(letters.to_string_lossy().contains("妇女团"), "{letters:?}");
    let mut numbers: Vec<i64> = harness
        .state()
        .store()
        .members()
        .expect("members")
        .iter()
        .filter_map(|m| m.fields.letter.map(|l| l.no))
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2], "numbered once each, in the year");
    // Issued again (a reissue): the numbers stay.
    harness.get_by_label("颁发全团聘书").click();
    common::wait_for_work(&mut harness);
    let mut again: Vec<i64> = harness
        .state()
        .store()
        .members()
        .expect("members")
        .iter()
        .filter_map(|m| m.fields.letter.map(|l| l.no))
        .collect();
    again.sort_unstable();
    assert_eq!(again, numbers);
    harness.get_by_label("〔2026〕聘字第001号");
}

#[test]
fn a_letter_number_held_by_another_member_is_refused_beside_the_field() {
    let mut store = studio_with_people();
    let members = store.members().expect("members");
    store
        .write(|w| {
            w.issue_letters(&[members[0].id], common::today())?;
            Ok(())
        })
        .expect("issued");
    let mut harness = common::harness(store, Screen::League);
    harness.get_by_label_contains("妇女团（1）").click();
    harness.run();
    click(&mut harness, "添加成员…");
    common::pick(&mut harness, "姓名", "马德福（原村委会主任）");
    common::type_into(&mut harness, "聘书编号", "2026");
    common::type_into(&mut harness, "聘书号", "1");
    click(&mut harness, "保存");
    harness.get_by_label_contains("已颁给刘桂花");
    assert_eq!(harness.state().store().members().expect("members").len(), 1);
    common::type_into(&mut harness, "聘期结束", "2020-01-01");
    common::type_into(&mut harness, "聘书号", "");
    click(&mut harness, "保存");
    harness.get_by_label("任期结束早于开始");
    assert_eq!(harness.state().store().members().expect("members").len(), 1);
}

#[test]
fn a_month_of_theme_days_is_planned_for_every_branch_and_recorded_in_one_save() {
    let mut harness = common::harness(common::systems_store(), Screen::ThemeDays);
    click(&mut harness, "按月录入");
    harness.get_by_label("2026年11月");
    common::type_into(&mut harness, "固定日", "10");
    common::type_into(&mut harness, "主题", "学习贯彻党的二十届四中全会精神");
    click(&mut harness, "为未安排的支部生成计划");
    click(&mut harness, "保存本月");
    let days = harness.state().store().theme_days(2026).expect("days");
    let branches = harness.state().store().branches().expect("branches").len();
    assert_eq!(days.len(), branches, "one plan per branch");
    assert!(
        days.iter()
            .all(|d| d.fields.planned_on.to_string() == "2026-11-10")
    );

    // Held with more present than members: refused beside the line, nothing saved.
    click(&mut harness, "已开 东坪村党支部");
    common::type_into(&mut harness, "实到 东坪村党支部", "31");
    common::type_into(&mut harness, "应到 东坪村党支部", "30");
    click(&mut harness, "保存本月");
    harness.get_by_label("实到人数多于应到人数");
    harness.get_by_label("有 1 行填写有误，未保存（见各行右侧红字）");
    let held = |harness: &Harness| {
        harness
            .state()
            .store()
            .theme_days(2026)
            .expect("days")
            .iter()
            .filter(|d| d.fields.state == ThemeDayState::Held)
            .count()
    };
    assert_eq!(held(&harness), 0);
    common::type_into(&mut harness, "实到 东坪村党支部", "27");
    click(&mut harness, "未开 石门村党支部");
    common::type_into(&mut harness, "未开原因 石门村党支部", "防汛值守");
    click(&mut harness, "保存本月");
    assert_eq!(held(&harness), 1);
    let days = harness.state().store().theme_days(2026).expect("days");
    assert!(
        days.iter()
            .any(|d| d.fields.state == ThemeDayState::Missed && d.fields.reason == "防汛值守")
    );

    // The rest held as planned in one click, each with the members present typed.
    click(&mut harness, "其余计划的都标为已开");
    common::type_into(&mut harness, "应到 龙泉村党支部", "24");
    common::type_into(&mut harness, "实到 龙泉村党支部", "22");
    click(&mut harness, "保存本月");
    // The others still lack the members present: named, and nothing of the month saved.
    let lacking = branches - 3;
    harness.get_by_label(&format!(
        "有 {lacking} 行填写有误，未保存（见各行右侧红字）"
    ));
    assert_eq!(held(&harness), 1);
    click(&mut harness, "取消");
    // The year's grid shows the branch's quarter rate: one of one held on time.
    click(&mut harness, "全年一览");
    harness.get_by_label("100%");
}

#[test]
fn a_checkup_is_scored_in_four_steps_and_its_findings_become_problems() {
    let mut harness = common::harness(common::systems_store(), Screen::Appraise);
    click(&mut harness, "新建体检…");
    common::pick(&mut harness, "姓名", "王建国");
    common::type_into(&mut harness, "参与群众人数", "16");
    let indicators = harness
        .state()
        .store()
        .checkup_indicators()
        .expect("indicators");
    for indicator in &indicators {
        for step in ["自我体检", "同级互检", "群众评检", "组织审检"] {
            common::type_into(&mut harness, &format!("{} {step}", indicator.name), "18");
        }
    }
    common::type_into(&mut harness, "理想信念 群众评检", "25");
    click(&mut harness, "保存");
    harness.get_by_label_contains("群众评检「理想信念」得分须在 0–20 之间");
    assert!(
        harness
            .state()
            .store()
            .checkups(2026)
            .expect("checkups")
            .is_empty()
    );
    common::type_into(&mut harness, "理想信念 群众评检", "14");
    harness.get_by_label_contains("综合得分 88.8，健康");
    click(&mut harness, "保存");
    let checkups = harness.state().store().checkups(2026).expect("checkups");
    assert_eq!(checkups.len(), 1);
    assert_eq!(checkups[0].fields.scores.len(), 20);

    harness.get_by_label("打印体检表 王建国").click();
    common::wait_for_work(&mut harness);
    let form = harness.state().last_printed().expect("printed").to_owned();
    assert!(form.to_string_lossy().contains("党性体检表"), "{form:?}");
    harness.get_by_label("王建国").click();
    harness.run();
    for finding in ["理论学习不够系统", "联系群众不够经常"] {
        common::type_into(&mut harness, "新问题", finding);
        click(&mut harness, "添加问题");
    }
    let problems = harness.state().store().problems().expect("problems").len();
    harness.get_by_label("转为难题 理论学习不够系统").click();
    harness.run();
    assert_eq!(
        harness.state().store().problems().expect("problems").len(),
        problems + 1
    );
    // The check-up stays in view for the next finding; the first links to its problem.
    assert_eq!(harness.state().settings().screen, Screen::Appraise);
    harness.get_by_label("转为难题 联系群众不够经常");
    harness.get_by_label("整改中 →").click();
    harness.run();
    assert!(matches!(
        harness.state().settings().screen,
        Screen::Problem(_)
    ));

    let findings = &harness.state().store().checkups(2026).expect("checkups")[0].findings;
    assert!(findings[0].problem.is_some() && findings[1].problem.is_none());
}

#[test]
fn an_appraisal_whose_ballots_do_not_add_up_is_refused_then_graded() {
    let mut harness = common::harness(common::systems_store(), Screen::Appraise);
    click(&mut harness, "述职评议");
    click(&mut harness, "新建述职评议…");
    common::pick(&mut harness, "姓名", "王建国");
    common::type_into(&mut harness, "参评人数", "45");
    common::type_into(&mut harness, "优秀票", "30");
    common::type_into(&mut harness, "合格票", "10");
    common::type_into(&mut harness, "基本合格票", "2");
    click(&mut harness, "保存");
    harness.get_by_label("四项票数合计 42，与参评人数 45 不符");
    assert!(
        harness
            .state()
            .store()
            .appraisals(Some(2026))
            .expect("appraisals")
            .is_empty()
    );
    common::type_into(&mut harness, "参评人数", "42");
    harness.get_by_label_contains("四项合计 42 / 参评 42 · 优秀");
    click(&mut harness, "保存");
    let appraisals = harness
        .state()
        .store()
        .appraisals(Some(2026))
        .expect("appraisals");
    assert_eq!(appraisals.len(), 1);
    assert_eq!(appraisals[0].fields.ballots, [30, 10, 2, 0]);
    harness.get_by_label("已录入 1 人，在任书记 20 人");
}

#[test]
fn the_scoring_rules_are_changed_together_and_a_bad_one_is_named() {
    let mut harness = common::harness(common::systems_store(), Screen::Appraise);
    click(&mut harness, "评分规则");
    common::type_into(&mut harness, "四个环节权重（%）", "25, 25, 25");
    click(&mut harness, "保存");
    harness.get_by_label("权重须是四个 0–100 的数");
    common::type_into(&mut harness, "四个环节权重（%）", "25, 25, 25, 25");
    common::type_into(&mut harness, "测评等次规则（%）", "70, 50, 33");
    common::type_into(&mut harness, "体检指标 5", "廉洁自律");
    click(&mut harness, "添加指标");
    common::type_into(&mut harness, "体检指标 6", "作风建设");
    click(&mut harness, "保存");
    let store = harness.state().store();
    assert_eq!(
        store.checkup_weights().expect("weights").0,
        [25, 25, 25, 25]
    );
    assert_eq!(store.appraisal_rule().expect("rule").excellent_from, 70);
    let indicators = store.checkup_indicators().expect("indicators");
    assert_eq!(indicators.len(), 6);
    assert_eq!(indicators[5].name, "作风建设");
}

#[test]
fn a_guest_is_invited_to_a_session_without_counting_in_its_attendance() {
    let store = studio_with_people();
    let session = store.sessions().expect("sessions")[0].id;
    let mut harness = common::harness(store, Screen::Sessions);
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(Screen::Session(
            session,
        )));
    harness.run();
    let expected = |harness: &Harness| {
        let store = harness.state().store();
        let fields = store.session(session).expect("read").expect("session");
        store.expected_at(session, &fields).expect("expected").len()
    };
    let before = expected(&harness);
    common::pick(&mut harness, "邀请列席", "马德福");
    let guests = harness
        .state()
        .store()
        .session_guests(session)
        .expect("guests");
    assert_eq!(guests.len(), 1);
    assert_eq!(guests[0].fields.name, "马德福");
    assert_eq!(expected(&harness), before, "a guest is not 应到");
    harness.get_by_label("马德福（原村委会主任）");
    click(&mut harness, "移除 马德福");
    assert!(
        harness
            .state()
            .store()
            .session_guests(session)
            .expect("guests")
            .is_empty()
    );
}

#[test]
fn the_dashboard_reminds_of_terms_ending_and_the_secretarys_page_shows_the_appraisal() {
    let mut store = studio_with_people();
    let secretary = store
        .roster()
        .expect("roster")
        .into_iter()
        .find(|e| e.fields.name == "王建国")
        .expect("王建国")
        .id;
    store
        .write(|w| {
            w.save_appraisal(
                None,
                &secretary_studio::domain::appraisal::AppraisalFields {
                    secretary,
                    year: 2025,
                    half: 0,
                    reported_on: None,
                    title: String::new(),
                    voters: 42,
                    ballots: [30, 10, 2, 0],
                    participants: String::new(),
                },
            )
        })
        .expect("appraisal");
    let mut harness = common::harness(store, Screen::Dashboard);
    harness
        .get_by_label_contains("聘期 30 天内到期：刘桂花（妇女团，12-19）")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::League);
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(Screen::Secretary(
            secretary,
        )));
    harness.run();
    harness.get_by_label("2025年全年述职评议：优秀（优秀票 30 / 参评 42）");
}

#[test]
fn a_held_theme_day_gets_its_photos_from_the_month_sheet() {
    let mut store = common::systems_store();
    let branch = store.branches().expect("branches")[0].clone();
    store
        .write(|w| {
            w.set_theme_day(
                &secretary_studio::domain::theme_day::ThemeDayFields {
                    branch: branch.id,
                    year: 2026,
                    month: 11,
                    planned_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 10).expect("day"),
                    topic: "重温入党誓词".into(),
                    state: ThemeDayState::Held,
                    held_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 10),
                    members_present: Some(26),
                    members_total: Some(30),
                    reason: String::new(),
                    notes: String::new(),
                },
                common::today(),
            )
        })
        .expect("theme day");
    let folder = tempfile::tempdir().expect("folder");
    let photo = folder.path().join("党日活动.jpg");
    image::RgbImage::from_fn(320, 240, |x, y| {
        image::Rgb([(x % 255) as u8, (y % 255) as u8, 90])
    })
    .save(&photo)
    .expect("photo");
    let mut harness = common::harness(store, Screen::ThemeDays);
    click(&mut harness, "按月录入");
    harness
        .get_by_label(&format!("照片… {}", branch.name))
        .click();
    harness.run();
    click(&mut harness, "添加照片…");
    common::type_into(&mut harness, "文件或文件夹", &photo.display().to_string());
    click(&mut harness, "添加");
    common::wait_for_work(&mut harness);
    let day = harness.state().store().theme_days(2026).expect("days")[0].id;
    let pictures = harness
        .state()
        .store()
        .pictures_of(secretary_studio::domain::picture::PictureOwner::ThemeDay(
            day,
        ))
        .expect("pictures");
    assert_eq!(pictures.len(), 1);
    assert_eq!(pictures[0].file_name, "党日活动.jpg");
    harness.run_steps(3);
    harness.get_by_label(&format!("照片 1… {}", branch.name));
}

#[test]
fn leaving_a_changed_month_asks_and_saving_goes_on_to_where_the_coordinator_was_going() {
    let mut harness = common::harness(common::systems_store(), Screen::ThemeDays);
    click(&mut harness, "按月录入");
    common::type_into(&mut harness, "固定日", "12");
    click(&mut harness, "为未安排的支部生成计划");
    click(&mut harness, "概览");
    // The question about unsaved work; 保存 saves the month, then the dashboard shows.
    harness
        .get_all_by_label("保存")
        .last()
        .expect("保存")
        .click();
    harness.run_steps(4);
    assert_eq!(harness.state().settings().screen, Screen::Dashboard);
    let days = harness.state().store().theme_days(2026).expect("days");
    assert!(!days.is_empty());
    assert!(
        days.iter()
            .all(|d| d.fields.planned_on.to_string() == "2026-11-12")
    );
}

#[test]
fn marking_the_planned_held_leaves_days_still_ahead_and_an_impossible_fixed_day_is_named() {
    let mut harness = common::harness(common::systems_store(), Screen::ThemeDays);
    click(&mut harness, "按月录入");
    common::type_into(&mut harness, "固定日", "38");
    click(&mut harness, "为未安排的支部生成计划");
    harness.get_by_label("固定日须是 1–31 的日子");
    // The 30th of November is after the tests' today (the 29th): left planned.
    common::type_into(&mut harness, "固定日", "30");
    click(&mut harness, "为未安排的支部生成计划");
    common::type_into(&mut harness, "计划日期 东坪村党支部", "2026-11-10");
    click(&mut harness, "其余计划的都标为已开");
    let branches = harness.state().store().branches().expect("branches").len();
    harness.get_by_label(&format!(
        "{} 个支部的计划日期还没到，仍为「计划」",
        branches - 1
    ));
    common::type_into(&mut harness, "实到 东坪村党支部", "33");
    click(&mut harness, "保存本月");
    harness.get_by_label("有 1 行填写有误，未保存（见各行右侧红字）");
    // Put right, the line's error goes before saving again.
    common::type_into(&mut harness, "应到 东坪村党支部", "35");
    harness.run();
    assert!(harness.query_by_label_contains("行填写有误").is_none());
    click(&mut harness, "保存本月");
    let days = harness.state().store().theme_days(2026).expect("days");
    assert_eq!(days.len(), branches);
    assert_eq!(
        days.iter()
            .filter(|d| d.fields.state == ThemeDayState::Held)
            .count(),
        1
    );
}
