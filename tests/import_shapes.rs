//! Roster import on real-shaped files: GBK with a title line and a total row, UTF-8 with BOM,
//! an Excel sheet with a merged title row and footer, English headers in another order.

mod common;

use secretary_studio::domain::import_plan::{RejectReason, SkippedLine};
use secretary_studio::import::{ImportError, parse_roster, read_sheet, read_sheet_bytes};
use secretary_studio::store::Store;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import_into(
    store: &mut Store,
    path: &Path,
) -> secretary_studio::domain::import_plan::RosterImportPlan {
    let parsed = read_sheet(path)
        .and_then(|s| parse_roster(&s, common::today()))
        .expect("parsed");
    let plan = store.plan_roster_import(parsed).expect("plan");
    store
        .write(|w| w.apply_roster_import(&plan))
        .expect("applied");
    plan
}

#[test]
fn each_chinese_shape_imports_the_same_twenty_secretaries_in_three_areas() {
    for name in [
        "roster-gbk-title.csv",
        "roster-utf8-bom.csv",
        "roster-merged-title.xlsx",
    ] {
        let mut store = Store::open_in_memory("古城镇").expect("store");
        let plan = import_into(&mut store, &fixture(name));
        assert_eq!(
            (plan.to_add.len(), plan.to_update.len(), plan.rejected.len()),
            (20, 0, 0),
            "{name}: {:?}",
            plan.rejected
        );
        assert_eq!(plan.new_areas, vec!["东片区", "中片区", "西片区"], "{name}");
        assert_eq!(plan.new_branches.len(), 20, "{name}");
        let roster = store.roster().expect("roster");
        assert_eq!(roster.len(), 20, "{name}");
        let rare = roster
            .iter()
            .find(|e| e.fields.name == "罗䶮")
            .unwrap_or_else(|| panic!("{name}: 罗䶮 kept intact"));
        assert_eq!(rare.area_name, "西片区");
        let first = roster
            .iter()
            .find(|e| e.fields.name == "王建国")
            .expect("王建国");
        assert_eq!(
            first
                .fields
                .in_office_since
                .map(secretary_studio::domain::PartialDate::to_iso)
                .as_deref(),
            Some("2018-11"),
            "{name}"
        );
        assert_eq!(
            first
                .fields
                .birth
                .map(secretary_studio::domain::PartialDate::to_iso)
                .as_deref(),
            Some("1972-05"),
            "{name}"
        );
        assert_eq!(first.fields.phone, "13891401001", "{name}");
        let li = roster
            .iter()
            .find(|e| e.fields.name == "李秀英")
            .expect("李秀英");
        assert_eq!(
            li.fields.phone, "13891401002",
            "{name}: spaces in phone numbers are removed"
        );
        let company = roster
            .iter()
            .find(|e| e.fields.name == "杨文华")
            .expect("杨文华");
        assert_eq!(
            company.branch_kind,
            Some(secretary_studio::domain::BranchKind::NonPublicCompany)
        );
        assert_eq!(company.fields.position, "公司党支部书记");
    }
}

#[test]
fn titles_totals_and_footers_are_passed_over_and_extra_columns_named() {
    let sheet = read_sheet(&fixture("roster-merged-title.xlsx")).expect("xlsx");
    let parsed = parse_roster(&sheet, common::today()).expect("parsed");
    assert_eq!(parsed.ignored_columns, vec!["政治面貌"]);
    assert!(parsed.skipped.contains(&SkippedLine::Title(1)));
    assert!(parsed.skipped.contains(&SkippedLine::Title(2)));
    assert!(
        parsed.skipped.contains(&SkippedLine::Total(24)),
        "{:?}",
        parsed.skipped
    );
    assert!(
        parsed.skipped.contains(&SkippedLine::Total(26)),
        "the footer line: {:?}",
        parsed.skipped
    );
    assert_eq!(parsed.rows[0].line, 4, "line numbers are the file's own");

    let gbk = parse_roster(
        &read_sheet(&fixture("roster-gbk-title.csv")).expect("csv"),
        common::today(),
    )
    .expect("parsed");
    assert_eq!(
        gbk.skipped,
        vec![SkippedLine::Title(1), SkippedLine::Total(23)]
    );
}

#[test]
fn english_headers_in_another_order_with_a_rare_name_and_a_bad_row() {
    let mut store = Store::open_in_memory("x").expect("store");
    let plan = import_into(&mut store, &fixture("roster-english.xlsx"));
    assert_eq!(plan.to_add.len(), 2);
    assert_eq!(plan.ignored_columns, vec!["Hobby"]);
    assert_eq!(plan.rejected.len(), 1);
    assert_eq!(plan.rejected[0].line, 4);
    assert!(matches!(plan.rejected[0].reason, RejectReason::BadPhone(_)));
    let roster = store.roster().expect("roster");
    let rare = roster
        .iter()
        .find(|e| e.fields.name == "刘𠮷")
        .expect("Extension B name kept");
    assert_eq!(
        rare.fields.level,
        Some(secretary_studio::domain::Level::Group)
    );
    assert_eq!(
        rare.fields
            .birth
            .map(secretary_studio::domain::PartialDate::to_iso)
            .as_deref(),
        Some("1981-07")
    );
}

#[test]
fn importing_again_updates_nothing_and_a_changed_sheet_updates_by_name_and_branch() {
    let mut store = Store::open_in_memory("x").expect("store");
    import_into(&mut store, &fixture("roster-utf8-bom.csv"));
    let again = import_into(&mut store, &fixture("roster-gbk-title.csv"));
    assert_eq!(
        (
            again.to_add.len(),
            again.to_update.len(),
            again.unchanged.len()
        ),
        (0, 0, 20)
    );

    let changed =
        "姓名,所在党支部,联系电话,备注\n王建国,东坪村支部,13999999999,\n新人,东坪村党支部,,\n";
    let parsed = parse_roster(
        &read_sheet_bytes(changed.as_bytes(), "csv").expect("csv"),
        common::today(),
    )
    .expect("parsed");
    let plan = store.plan_roster_import(parsed).expect("plan");
    assert_eq!((plan.to_add.len(), plan.to_update.len()), (1, 1));
    store
        .write(|w| w.apply_roster_import(&plan))
        .expect("applied");
    let roster = store.roster().expect("roster");
    assert_eq!(roster.len(), 21);
    let wang = roster
        .iter()
        .find(|e| e.fields.name == "王建国")
        .expect("王建国");
    assert_eq!(wang.fields.phone, "13999999999");
    assert_eq!(
        wang.fields.position, "村党支部书记、村委会主任",
        "columns absent from the sheet are kept"
    );
}

#[test]
fn files_that_are_not_rosters_are_clear_errors() {
    let folder = tempfile::tempdir().expect("tempdir");
    let no_header = folder.path().join("notes.csv");
    std::fs::write(&no_header, "会议记录\n今天开会\n").expect("write");
    assert!(matches!(
        read_sheet(&no_header).and_then(|s| parse_roster(&s, common::today())),
        Err(ImportError::NoHeader)
    ));
    let fake = folder.path().join("fake.xlsx");
    std::fs::write(&fake, b"\x89PNG\r\n\x1a\n").expect("write");
    assert!(matches!(
        read_sheet(&fake),
        Err(ImportError::BadSpreadsheet(_))
    ));
    let old_excel = folder.path().join("old.xls");
    std::fs::write(&old_excel, b"\xd0\xcf\x11\xe0").expect("write");
    assert!(matches!(
        read_sheet(&old_excel),
        Err(ImportError::UnsupportedType)
    ));
    assert!(matches!(
        read_sheet(&folder.path().join("missing.csv")),
        Err(ImportError::Io { .. })
    ));
}

#[test]
fn a_thousand_row_workbook_from_the_bench_writer_imports_whole() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("big.xlsx");
    secretary_studio::bench::write_roster_xlsx(&path, 1_000).expect("xlsx");
    let mut store = Store::open_in_memory("x").expect("store");
    let plan = import_into(&mut store, &path);
    assert_eq!((plan.to_add.len(), plan.rejected.len()), (1_000, 0));
    assert_eq!(store.roster().expect("roster").len(), 1_000);
}
