//! People import on real-shaped files: a GBK CSV with a title line, a blank line, a total
//! line and two rows in error; an Excel sheet with a merged title and a two-line header
//! (聘期 merged over 开始 | 结束); both read against the demo roster and its four groups.

mod common;

use secretary_studio::domain::league::Role;
use secretary_studio::domain::people_import::{PeopleImportPlan, PeopleRejectReason};
use secretary_studio::import::{parse_people, read_sheet};
use secretary_studio::store::{Error, Refusal, Store};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn plan(store: &Store, name: &str) -> PeopleImportPlan {
    let parsed = read_sheet(&fixture(name))
        .and_then(|s| parse_people(&s))
        .expect("parsed");
    store
        .plan_people_import(parsed, common::today())
        .expect("plan")
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("day")
}

/// The forty people and forty-one memberships of both fixtures, as the store holds them.
fn assert_forty_people_in_four_groups(store: &Store, name: &str) {
    let people = store.people().expect("people");
    assert_eq!(people.len(), 40, "{name}");
    let groups = store.groups().expect("groups");
    let members = store.members().expect("members");
    assert_eq!(members.len(), 41, "{name}: 杨文华 is in two groups");
    for group in &groups {
        let of: Vec<_> = members
            .iter()
            .filter(|m| m.fields.group == group.id)
            .collect();
        assert!((10..=11).contains(&of.len()), "{name}: {}", group.name);
        assert_eq!(
            of.iter().filter(|m| m.fields.role == Role::Leader).count(),
            1,
            "{name}: {}",
            group.name
        );
    }
    let person = |who: &str| {
        people
            .iter()
            .find(|p| p.fields.name == who)
            .unwrap_or_else(|| panic!("{name}: {who}"))
    };
    // Secretaries of the roster are linked; a village with a branch goes to the branch.
    let roster = store.roster().expect("roster");
    let gao = person("高振华");
    let gao_secretary = roster
        .iter()
        .find(|e| e.fields.name == "高振华")
        .expect("roster");
    assert_eq!(gao.fields.secretary_id, Some(gao_secretary.id), "{name}");
    assert_eq!(
        gao.fields.branch_id, gao_secretary.fields.branch_id,
        "{name}"
    );
    let ren = person("任志远");
    assert_eq!(
        (ren.fields.branch_id, ren.fields.village.as_str()),
        (None, "洛南县农业技术推广中心"),
        "{name}"
    );
    assert_eq!(person("冯德明").fields.phone, "09143211001", "{name}");
    let term = |who: &str| {
        let id = person(who).id;
        let member = members
            .iter()
            .find(|m| m.fields.person == id)
            .expect("member");
        (member.fields.term_starts_on, member.fields.term_ends_on)
    };
    assert_eq!(term("周建军"), (day(2024, 7, 1), Some(day(2027, 6, 30))));
    assert_eq!(term("张志强"), (day(2024, 7, 1), Some(day(2027, 6, 30))));
    assert_eq!(term("任志远"), (day(2024, 12, 18), Some(day(2026, 12, 17))));
    assert!(
        members.iter().all(|m| m.fields.letter.is_none()),
        "letters are issued on the groups' screen"
    );
}

#[test]
fn the_excel_sheet_with_a_two_line_header_sets_up_the_four_groups() {
    let mut store = common::demo_store();
    let plan = plan(&store, "people-merged-header.xlsx");
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    assert!(
        plan.ignored_columns.is_empty(),
        "{:?}",
        plan.ignored_columns
    );
    assert_eq!((plan.to_add.len(), plan.memberships.len()), (40, 41));
    let outcome = store
        .write(|w| w.apply_people_import(&plan, false))
        .expect("applied");
    assert_eq!(outcome.memberships_added, 41);
    assert_forty_people_in_four_groups(&store, "xlsx");

    // The same sheet again changes nothing: everyone is matched, in their groups already.
    let again = self::plan(&store, "people-merged-header.xlsx");
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.unchanged.len(), 40);
    assert_eq!(again.already_members.len(), 41);
}

#[test]
fn the_gbk_sheet_with_rows_in_error_writes_nothing_until_they_are_left_out() {
    let mut store = common::demo_store();
    let plan = plan(&store, "people-gbk-title.csv");
    let reasons: Vec<_> = plan
        .rejected
        .iter()
        .map(|r| (r.line, r.name.as_str(), r.reason.clone()))
        .collect();
    // Line 1 is the title, 2 the header; the blank line after the 25th row pushes the
    // second error one line down.
    assert!(
        matches!(
            reasons.as_slice(),
            [
                (23, "贺长林", PeopleRejectReason::AmbiguousGroup(..)),
                (34, "白秀云", PeopleRejectReason::TermEndsBeforeStart)
            ]
        ),
        "{reasons:?}"
    );
    assert_eq!((plan.to_add.len(), plan.memberships.len()), (40, 41));

    let refused = store.write(|w| w.apply_people_import(&plan, false));
    assert!(
        matches!(refused, Err(Error::Refused(Refusal::ImportHasErrors(2)))),
        "{refused:?}"
    );
    assert!(
        store.people().expect("people").is_empty(),
        "nothing written"
    );

    store
        .write(|w| w.apply_people_import(&plan, true))
        .expect("applied without the two rows");
    assert_forty_people_in_four_groups(&store, "csv");
}
