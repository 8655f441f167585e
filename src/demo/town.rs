//! The demo studio's revival and discipline: the town's industry demonstration bases with
//! their branches, figures for the last years and milestones (some reached, one overdue, one
//! due within the fortnight), the problems, pairings and observation visits that concern
//! them; the officials with their duties and thirty tasks in every state (some overdue, some
//! due within the next 14 days); and a dozen village decisions at every step of 四议两公开 —
//! so the bases, tasks, decisions and calendar open on a town's records. All dates are
//! counted back or forward from `today`, so the demo always looks current.

use super::Dice;
use crate::domain::base::{BaseFields, BaseFigures, BaseId, MilestoneFields};
use crate::domain::decision::{DecisionFields, Step, StepRecord};
use crate::domain::session::SessionFields;
use crate::domain::session::SessionKind;
use crate::domain::task::{OfficialFields, OfficialId, Owner, TaskFields, TaskState};
use crate::domain::{Branch, BranchId, RosterEntry, SecretaryId, SessionId};
use crate::store::{self, Store, Writer};
use chrono::{Datelike, Days, NaiveDate};

/// A base: name, industry, lead branch, branches taking part, responsible secretary, when it
/// started (years before today's year, month, day), this year's figures (area in mu,
/// households, jobs, output and income in 万元), notes, archived, and the words in the titles
/// of the problems and sessions that concern it.
struct DemoBase {
    name: &'static str,
    industry: &'static str,
    lead: &'static str,
    branches: &'static [&'static str],
    secretary: &'static str,
    started: (i32, u32, u32),
    figures: (f64, i64, i64, f64, f64),
    notes: &'static str,
    archived: bool,
    keyword: &'static str,
}

const BASES: [DemoBase; 6] = [
    DemoBase {
        name: "古城食用菌产业示范基地",
        industry: "食用菌",
        lead: "东坪村党支部",
        branches: &["石门村党支部", "龙泉村党支部", "菌香食用菌专业合作社党支部"],
        secretary: "王建国",
        started: (5, 3, 15),
        figures: (120.0, 86, 45, 680.0, 210.0),
        notes: "采取“党支部+合作社+农户”模式，统一菌棒、统一技术、统一销售，年出菇约80万袋。",
        archived: false,
        keyword: "食用菌",
    },
    DemoBase {
        name: "天麻种植基地",
        industry: "天麻",
        lead: "红岩村党支部",
        branches: &["白杨村党支部", "黄龙村党支部"],
        secretary: "高振华",
        started: (4, 4, 1),
        figures: (300.0, 120, 60, 450.0, 160.0),
        notes: "林下仿野生种植，县农技中心派驻技术员指导。",
        archived: false,
        keyword: "天麻",
    },
    DemoBase {
        name: "服饰公司二期扶贫车间",
        industry: "服装加工",
        lead: "秦韵服饰有限公司党支部",
        branches: &["古城社区党支部", "新街社区党支部"],
        secretary: "杨文华",
        started: (2, 6, 1),
        figures: (3.5, 65, 120, 1500.0, 360.0),
        notes: "吸纳脱贫户和留守妇女就近就业，计件工资月均2800元。",
        archived: false,
        keyword: "服饰公司",
    },
    DemoBase {
        name: "西甜瓜新品种示范园",
        industry: "西甜瓜",
        lead: "双河村党支部",
        branches: &["桃园村党支部"],
        secretary: "吴丽娟",
        started: (2, 3, 1),
        figures: (80.0, 40, 25, 320.0, 95.0),
        notes: "引进早春红玉、8424等新品种，电商销售占三成。",
        archived: false,
        keyword: "西甜瓜",
    },
    DemoBase {
        name: "橡子凉粉加工点",
        industry: "橡子凉粉",
        lead: "中川村党支部",
        branches: &["柳林村党支部"],
        secretary: "赵红梅",
        started: (1, 9, 1),
        figures: (1.2, 30, 18, 150.0, 48.0),
        notes: "“古城橡子凉粉”商标注册申请中。",
        archived: false,
        keyword: "橡子凉粉",
    },
    DemoBase {
        name: "莲花村番茄种植试验田",
        industry: "番茄",
        lead: "莲花村党支部",
        branches: &[],
        secretary: "罗䶮",
        started: (4, 4, 1),
        figures: (20.0, 12, 6, 40.0, 10.0),
        notes: "试种两年效益不佳，已改种中药材，不再跟踪。",
        archived: true,
        keyword: "番茄",
    },
];

/// When a milestone is planned and reached, counted in days from `today` (negative: before)
/// or from the base's start.
#[derive(Clone, Copy)]
enum When {
    /// Days after the base started.
    AfterStart(u64),
    /// Days from today.
    FromToday(i64),
}

/// Milestones: base, title, planned, reached.
const MILESTONES: [(usize, &str, When, Option<When>); 15] = {
    use When::{AfterStart as S, FromToday as T};
    [
        (0, "一期标准化大棚30座建成", S(200), Some(S(190))),
        (0, "冷库建成投用", T(-20), None),
        (0, "二期大棚20座开工", T(9), None),
        (0, "注册“古城香菇”商标", T(150), None),
        (1, "天麻烘干房建成", T(-200), Some(T(-210))),
        (1, "种麻繁育基地扩至50亩", T(40), None),
        (2, "二期厂房主体完工", S(150), Some(S(170))),
        (2, "新增生产线投产", T(-60), Some(T(-65))),
        (2, "用电增容改造", T(25), None),
        (3, "连栋大棚20座建成", T(-130), Some(T(-120))),
        (3, "早春新品种试种", T(-90), Some(T(-95))),
        (3, "电商直播间启用", T(5), None),
        (4, "加工车间改造", T(-35), Some(T(-30))),
        (4, "取得食品生产许可证", T(60), None),
        (5, "番茄试种两季", S(420), Some(S(400))),
    ]
};

/// The officials: name, post, the roster's secretary they are (if one), duties, left.
const OFFICIALS: [(&str, &str, Option<&str>, &str, bool); 6] = [
    (
        "胡永刚",
        "镇党委副书记、工作室负责人",
        Some("胡永刚"),
        "统筹书记工作室日常运行和“两三三”工作推进\n牵头抓总产业示范基地建设，每季度组织一次观摩\n督办发展难题台账，按月通报办理进度\n指导各村规范落实“四议两公开”",
        false,
    ),
    (
        "李卫民",
        "镇党委委员、组织委员",
        None,
        "负责支部书记队伍建设和季度比拼考评\n指导各支部主题党日规范开展\n牵头百人团人员管理和聘书发放",
        false,
    ),
    (
        "王志刚",
        "副镇长（分管农业农村）",
        None,
        "分管食用菌、天麻产业基地建设\n协调基地用地、用电、冷链等要素保障\n组织农技培训和新品种引进",
        false,
    ),
    (
        "张海燕",
        "镇党委委员、宣传委员（包联西片区）",
        None,
        "包联西片区各村党支部\n负责工作室宣传和经验材料报送\n推动西甜瓜、橡子凉粉品牌打造和电商销售",
        false,
    ),
    (
        "刘建平",
        "镇乡村振兴办主任",
        None,
        "负责服饰公司二期扶贫车间用工对接\n统计基地带动户数和群众增收数据\n跟踪脱贫户就业和收入监测",
        false,
    ),
    (
        "陈静",
        "原镇党建办干事（已调离）",
        None,
        "负责工作室台账资料整理和归档",
        true,
    ),
];

/// Who owns a task: an official (by place in [`OFFICIALS`]) or a secretary (by name).
#[derive(Clone, Copy)]
enum Who {
    Official(usize),
    Secretary(&'static str),
}

/// How a task's life went, its days counted from today.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Done well before its deadline.
    DoneOnTime,
    /// Done after its deadline.
    DoneLate,
    /// Done a day or two ago.
    JustDone,
    /// Under way, past its deadline.
    OverdueOpen,
    /// Never started, past its deadline.
    OverdueNotStarted,
    /// Under way, due within the fortnight.
    DueSoonOpen,
    /// Not started, due within the fortnight.
    DueSoonNotStarted,
    /// Under way, due in a month or more.
    Later,
    /// Just given, due in a couple of months.
    LaterNotStarted,
    /// Under way, no deadline.
    NoDeadline,
}

/// A task: title, owner, branch, base (place in [`BASES`]), how it went, its latest note.
type DemoTask = (
    &'static str,
    Who,
    Option<&'static str>,
    Option<usize>,
    Plan,
    &'static str,
);

/// The tasks.
const TASKS: [DemoTask; 30] = {
    use Plan::{
        DoneLate, DoneOnTime, DueSoonNotStarted, DueSoonOpen, JustDone, Later, LaterNotStarted,
        NoDeadline, OverdueNotStarted, OverdueOpen,
    };
    use Who::{Official as O, Secretary as S};
    [
        (
            "完成食用菌基地冷库主体建设",
            O(2),
            Some("东坪村党支部"),
            Some(0),
            OverdueOpen,
            "钢结构完成，制冷设备待安装；用地手续办理拖延了工期",
        ),
        (
            "制定“两三三”工作年度任务分解表",
            O(0),
            None,
            None,
            DoneOnTime,
            "任务分解表已印发各支部",
        ),
        (
            "组织产业基地观摩活动",
            O(0),
            None,
            Some(0),
            DoneOnTime,
            "组织20名书记观摩食用菌基地，形成观摩纪要",
        ),
        (
            "督办通组道路硬化资金缺口",
            O(0),
            Some("石门村党支部"),
            None,
            OverdueNotStarted,
            "",
        ),
        (
            "天麻烘干设备采购招标",
            O(2),
            Some("红岩村党支部"),
            Some(1),
            DoneLate,
            "设备已到货安装，因流标一次延期完成",
        ),
        (
            "天麻种苗繁育基地扩建选址",
            S("高振华"),
            Some("红岩村党支部"),
            Some(1),
            Later,
            "初选两处地块，待县农技中心现场踏勘",
        ),
        (
            "服饰公司二期新招工人岗前培训",
            O(4),
            Some("秦韵服饰有限公司党支部"),
            Some(2),
            DueSoonOpen,
            "首批32人已培训，第二批下周开班",
        ),
        (
            "扶贫车间脱贫户用工台账更新",
            O(4),
            Some("古城社区党支部"),
            Some(2),
            JustDone,
            "台账已更新，在岗脱贫户41人",
        ),
        (
            "二期厂房用电增容协调",
            O(2),
            Some("秦韵服饰有限公司党支部"),
            Some(2),
            DueSoonNotStarted,
            "",
        ),
        (
            "西甜瓜示范园电商直播间建设",
            O(3),
            Some("双河村党支部"),
            Some(3),
            DueSoonOpen,
            "设备已采购，主播培训中",
        ),
        (
            "西甜瓜新品种试种总结",
            S("吴丽娟"),
            Some("双河村党支部"),
            Some(3),
            DoneOnTime,
            "试种总结已报镇农业综合服务站",
        ),
        (
            "橡子凉粉食品生产许可申报",
            O(3),
            Some("中川村党支部"),
            Some(4),
            OverdueOpen,
            "车间改造已完成，等待市场监管部门现场核查",
        ),
        (
            "“古城橡子凉粉”商标注册",
            S("赵红梅"),
            Some("中川村党支部"),
            Some(4),
            Later,
            "商标申请已受理",
        ),
        (
            "各支部主题党日规范化检查",
            O(1),
            None,
            None,
            DoneOnTime,
            "检查20个支部，反馈问题6条",
        ),
        (
            "支部书记季度比拼评分汇总",
            O(1),
            None,
            None,
            DueSoonNotStarted,
            "",
        ),
        (
            "百人团新成员聘书发放",
            O(1),
            None,
            None,
            LaterNotStarted,
            "",
        ),
        (
            "“四议两公开”程序培训",
            O(0),
            None,
            None,
            Later,
            "已完成东片区培训，中、西片区待安排",
        ),
        (
            "东坪村集体经济入股分红方案",
            S("王建国"),
            Some("东坪村党支部"),
            Some(0),
            DoneLate,
            "方案经村民代表会议通过，已兑现首期分红",
        ),
        (
            "龙泉村食用菌种植户技术培训",
            S("张志强"),
            Some("龙泉村党支部"),
            Some(0),
            DueSoonOpen,
            "已培训两期，第三期定在本月下旬",
        ),
        (
            "工作室经验材料报送",
            O(3),
            None,
            None,
            DoneOnTime,
            "报送经验材料3篇，1篇被县委组织部刊发",
        ),
        (
            "基地带动户数和增收数据统计",
            O(4),
            None,
            None,
            DueSoonNotStarted,
            "",
        ),
        (
            "西片区结对帮扶走访督导",
            O(3),
            None,
            None,
            NoDeadline,
            "已督导4对结对，跟进走访记录",
        ),
        (
            "花园村中药材种植合作社组建",
            S("周建军"),
            Some("花园村党支部"),
            None,
            OverdueOpen,
            "入社农户仅12户，动员工作仍在进行",
        ),
        (
            "桃园村西甜瓜大棚补贴申报",
            S("刘芳"),
            Some("桃园村党支部"),
            Some(3),
            JustDone,
            "补贴申报材料已报县农业农村局",
        ),
        (
            "整理工作室台账资料并归档",
            O(5),
            None,
            None,
            DoneOnTime,
            "上年度台账已装订归档",
        ),
        (
            "白杨村天麻林下种植示范户遴选",
            S("林春生"),
            Some("白杨村党支部"),
            Some(1),
            LaterNotStarted,
            "",
        ),
        (
            "村级后备干部培养计划",
            O(1),
            None,
            None,
            Later,
            "各村已推荐后备干部人选",
        ),
        (
            "冷链物流车辆购置方案",
            O(2),
            None,
            Some(0),
            LaterNotStarted,
            "",
        ),
        (
            "留守老人照料服务点建设",
            S("陈国栋"),
            Some("古城社区党支部"),
            None,
            DoneLate,
            "服务点已投用，因选址调整延期",
        ),
        (
            "电商服务站与基地产销对接",
            O(3),
            None,
            Some(3),
            Later,
            "已对接两家电商平台",
        ),
    ]
};

/// The decisions: village, matter, content, how many steps recorded, days since the proposal.
const DECISIONS: [(&str, &str, &str, usize, u64); 12] = [
    (
        "东坪村党支部",
        "村集体经济合作社入股古城食用菌产业示范基地",
        "村集体经济合作社以扶持资金50万元入股食用菌基地，按年保底分红8%，收益用于村级公益事业和脱贫户分红。",
        6,
        300,
    ),
    (
        "红岩村党支部",
        "天麻种植基地流转土地120亩",
        "流转二组、三组林地120亩用于天麻林下种植，流转费每亩每年300元，期限5年。",
        6,
        260,
    ),
    (
        "双河村党支部",
        "西甜瓜示范园新建连栋大棚20座",
        "使用衔接资金新建连栋大棚20座，建成后由合作社统一经营，优先吸纳脱贫户务工。",
        6,
        210,
    ),
    (
        "中川村党支部",
        "橡子凉粉加工点改造车间并申请食品生产许可",
        "改造加工车间，按食品生产许可要求配齐设备，所需资金由村集体和合作社按比例承担。",
        6,
        150,
    ),
    (
        "石门村党支部",
        "通组道路硬化（二组至三组2.3公里）",
        "申请项目资金硬化二组至三组通组道路2.3公里，群众投工投劳，占地由村民小组协调。",
        4,
        21,
    ),
    (
        "龙泉村党支部",
        "村集体光伏电站收益分配方案",
        "光伏电站年收益的60%用于公益岗位工资，30%用于村级公益事业，10%作为发展基金。",
        5,
        60,
    ),
    (
        "桃园村党支部",
        "村级公益性岗位人员调整",
        "根据脱贫户家庭变化情况调整保洁、护林等公益性岗位人员6名。",
        3,
        14,
    ),
    (
        "柳林村党支部",
        "河道治理项目实施方案",
        "实施柳林河村段治理1.5公里，清淤、砌护岸，工程由镇上统一招标。",
        3,
        25,
    ),
    (
        "花园村党支部",
        "中药材种植合作社入股分红办法",
        "农户以土地经营权入股合作社，按“保底+分红”方式分配收益。",
        2,
        8,
    ),
    (
        "白杨村党支部",
        "村委会办公用房维修",
        "维修村委会办公用房屋顶和门窗，预算4.2万元。",
        2,
        30,
    ),
    (
        "黄龙村党支部",
        "人居环境整治“积分超市”建设",
        "设立“积分超市”，群众参与环境整治、志愿服务等获得积分兑换生活用品。",
        1,
        5,
    ),
    (
        "莲花村党支部",
        "集体林地承包经营权流转",
        "拟将集体林地200亩承包经营权流转给中药材种植企业。",
        0,
        0,
    ),
];

/// Days after the proposal each step is taken (the result is made public after the work).
const STEP_DAYS: [u64; 6] = [0, 4, 11, 18, 21, 90];

fn after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

fn before(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days)).unwrap_or(day)
}

fn from_today(today: NaiveDate, days: i64) -> NaiveDate {
    if days < 0 {
        before(today, days.unsigned_abs())
    } else {
        after(today, days.unsigned_abs())
    }
}

/// What the demo's town records concern, read before the write.
struct Existing {
    roster: Vec<RosterEntry>,
    branches: Vec<Branch>,
    problems: Vec<crate::domain::problem::ProblemSummary>,
    pairings: Vec<crate::domain::pairing::PairingProgress>,
    /// Observation visits and on-site trainings with their whole records.
    sessions: Vec<(SessionId, SessionFields)>,
}

impl Existing {
    fn branch(&self, name: &str) -> Option<BranchId> {
        self.branches.iter().find(|b| b.name == name).map(|b| b.id)
    }

    fn secretary(&self, name: &str) -> Option<SecretaryId> {
        self.roster
            .iter()
            .find(|e| e.fields.name == name)
            .map(|e| e.id)
    }
}

/// The town's bases, officials, tasks and decisions of the demo studio, in one transaction.
pub fn seed_town(store: &mut Store, today: NaiveDate) -> store::Result<()> {
    let mut sessions = Vec::new();
    for summary in store.sessions()? {
        let kind = summary.fields.kind;
        if matches!(
            kind,
            SessionKind::ObservationVisit | SessionKind::PracticalTraining
        ) && let Some(fields) = store.session(summary.id)?
        {
            sessions.push((summary.id, fields));
        }
    }
    let existing = Existing {
        roster: store.roster()?,
        branches: store.branches()?,
        problems: store.problems()?,
        pairings: store.pairings()?,
        sessions,
    };
    let mut dice = Dice::new(20_260_520);
    store.write(|writer| {
        let bases = bases(writer, &existing, &mut dice, today)?;
        link_to_bases(writer, &existing, &bases)?;
        let officials = officials(writer, &existing)?;
        tasks(writer, &existing, &bases, &officials, today)?;
        decisions(writer, &existing, &mut dice, today)
    })
}

/// The bases with their figures and milestones; returns each base's id and start.
fn bases(
    writer: &mut Writer<'_>,
    existing: &Existing,
    dice: &mut Dice,
    today: NaiveDate,
) -> store::Result<Vec<(BaseId, NaiveDate)>> {
    let year = today.year();
    let mut ids = Vec::with_capacity(BASES.len());
    for base in &BASES {
        let (years, month, day) = base.started;
        let started = NaiveDate::from_ymd_opt(year - years, month, day)
            .unwrap_or(today)
            .min(today);
        let id = writer.add_base(&BaseFields {
            name: base.name.to_owned(),
            industry: base.industry.to_owned(),
            lead_branch_id: existing.branch(base.lead),
            branches: base
                .branches
                .iter()
                .filter_map(|b| existing.branch(b))
                .collect(),
            secretary_id: existing.secretary(base.secretary),
            started_on: Some(started),
            notes: base.notes.to_owned(),
            archived: base.archived,
        })?;
        // The last three years (fewer for a base started since), the latest as given; an
        // archived base's figures stop two years ago.
        let last = if base.archived { year - 2 } else { year };
        let (area, households, jobs, output, income) = base.figures;
        for figures_year in (started.year().max(year - 2))..=last {
            let back = f64::from(last - figures_year);
            #[allow(clippy::cast_possible_truncation, reason = "a few hundred at most")]
            let shrink = |v: i64| (v as f64 * (1.0 - 0.18 * back)).round() as i64;
            let scale = 1.0 - 0.2 * back - dice.below(5) as f64 / 100.0 * back;
            writer.set_base_figures(
                id,
                &BaseFigures {
                    year: figures_year,
                    area_mu: Some((area * (1.0 - 0.15 * back) * 10.0).round() / 10.0),
                    households: Some(shrink(households)),
                    jobs: Some(shrink(jobs)),
                    output_value: Some((output * scale).round()),
                    income: Some((income * scale * 10.0).round() / 10.0),
                },
            )?;
        }
        ids.push((id, started));
    }
    for (index, title, planned, done) in MILESTONES {
        let (base, started) = ids[index];
        let day = |when: When| match when {
            When::AfterStart(days) => after(started, days).min(today),
            When::FromToday(days) => from_today(today, days),
        };
        writer.add_milestone(
            base,
            &MilestoneFields {
                title: title.to_owned(),
                planned_on: Some(day(planned)),
                done_on: done.map(day),
            },
            today,
        )?;
    }
    Ok(ids)
}

/// Hangs the problems, pairings and observation visits about a base's industry on it (those
/// since it started).
fn link_to_bases(
    writer: &mut Writer<'_>,
    existing: &Existing,
    bases: &[(BaseId, NaiveDate)],
) -> store::Result<()> {
    // A record dated before its base started stays off it; a pairing runs on, so it joins.
    let base_of = |text: &str, on: Option<NaiveDate>| {
        BASES
            .iter()
            .zip(bases)
            .find(|(b, (_, started))| {
                !b.archived && text.contains(b.keyword) && on.is_none_or(|on| on >= *started)
            })
            .map(|(_, (id, _))| *id)
    };
    for problem in &existing.problems {
        if let Some(base) = base_of(&problem.fields.title, Some(problem.fields.raised_on)) {
            let mut fields = problem.fields.clone();
            fields.base_id = Some(base);
            writer.update_problem(problem.id, &fields)?;
        }
    }
    for pairing in &existing.pairings {
        if let Some(base) = base_of(&pairing.fields.goals, None) {
            let mut fields = pairing.fields.clone();
            fields.base_id = Some(base);
            writer.update_pairing(pairing.id, &fields)?;
        }
    }
    for (id, fields) in &existing.sessions {
        if let Some(base) = base_of(&fields.topic, Some(fields.held_on)) {
            let mut fields = fields.clone();
            fields.base_id = Some(base);
            writer.update_session(*id, &fields)?;
        }
    }
    Ok(())
}

fn officials(writer: &mut Writer<'_>, existing: &Existing) -> store::Result<Vec<OfficialId>> {
    OFFICIALS
        .iter()
        .map(|(name, post, secretary, duties, archived)| {
            writer.add_official(&OfficialFields {
                name: (*name).to_owned(),
                post: (*post).to_owned(),
                secretary_id: secretary.and_then(|s| existing.secretary(s)),
                duties: (*duties).to_owned(),
                archived: *archived,
            })
        })
        .collect()
}

/// A task's days, counted back (and for the deadline forward) from today: given, the first
/// progress, done, and the deadline.
#[allow(clippy::type_complexity)]
fn task_days(plan: Plan, jitter: i64) -> (i64, Option<i64>, Option<i64>, Option<i64>) {
    let j = jitter;
    match plan {
        Plan::DoneOnTime => (
            -150 - 10 * j,
            Some(-120 - 5 * j),
            Some(-70 - 5 * j),
            Some(-60),
        ),
        Plan::DoneLate => (-160, Some(-120), Some(-75 + j), Some(-90 - j)),
        Plan::JustDone => (-50, Some(-25), Some(-2 - j % 2), Some(20)),
        Plan::OverdueOpen => (-100 - 5 * j, Some(-60), None, Some(-8 - 3 * j)),
        Plan::OverdueNotStarted => (-45 - j, None, None, Some(-3 - j)),
        Plan::DueSoonOpen => (-40 - j, Some(-15 - j), None, Some(3 + 3 * j)),
        Plan::DueSoonNotStarted => (-7 - j, None, None, Some(6 + 2 * j)),
        Plan::Later => (-30 - j, Some(-10), None, Some(45 + 10 * j)),
        Plan::LaterNotStarted => (-2 - j, None, None, Some(60 + 15 * j)),
        Plan::NoDeadline => (-90, Some(-30), None, None),
    }
}

fn tasks(
    writer: &mut Writer<'_>,
    existing: &Existing,
    bases: &[(BaseId, NaiveDate)],
    officials: &[OfficialId],
    today: NaiveDate,
) -> store::Result<()> {
    for (index, (title, who, branch, base, plan, note)) in TASKS.iter().enumerate() {
        let owner = match who {
            Who::Official(o) => officials.get(*o).map(|id| Owner::Official(*id)),
            Who::Secretary(name) => existing.secretary(name).map(Owner::Secretary),
        };
        let Some(owner) = owner else { continue };
        #[allow(clippy::cast_possible_wrap, reason = "thirty tasks")]
        let (given, progress, done, deadline) = task_days(*plan, (index % 4) as i64);
        let day = |d: i64| from_today(today, d);
        let id = writer.add_task(
            &TaskFields {
                title: (*title).to_owned(),
                description: String::new(),
                owner,
                branch_id: branch.and_then(|b| existing.branch(b)),
                base_id: base.and_then(|b| bases.get(b)).map(|(id, _)| *id),
                assigned_on: day(given),
                deadline: deadline.map(day),
            },
            "胡永刚",
        )?;
        let actor = match who {
            Who::Official(o) => OFFICIALS[*o].0,
            Who::Secretary(name) => name,
        };
        if let Some(progress) = progress {
            let first = if done.is_some() {
                "已启动，正在推进"
            } else {
                note
            };
            writer.record_task_progress(
                id,
                TaskState::InProgress,
                day(progress),
                first,
                actor,
                today,
            )?;
        }
        if let Some(done) = done {
            writer.record_task_progress(id, TaskState::Done, day(done), note, actor, today)?;
        }
    }
    Ok(())
}

/// A step's attendance and note: the branch committee proposes, the two committees consult,
/// the members review, the villagers' representatives resolve, then the two publicities.
fn step_record(step: Step, on: NaiveDate, dice: &mut Dice) -> StepRecord {
    #[allow(clippy::cast_possible_wrap, reason = "small counts")]
    let mut roll = |below: usize| dice.below(below) as i64;
    let (expected, present, note) = match step {
        Step::Proposal => (Some(5), Some(5), "支部委员会研究提出初步方案".to_owned()),
        Step::Consultation => {
            let present = 6 + roll(2);
            (
                Some(7),
                Some(present),
                "村“两委”联席会议商议，一致同意提交党员大会审议".to_owned(),
            )
        }
        Step::MembersReview => {
            let expected = 28 + roll(18);
            let present = expected - 2 - roll(5);
            (
                Some(expected),
                Some(present),
                format!("党员大会审议通过，赞成 {} 票", present - roll(2)),
            )
        }
        Step::Resolution => {
            let expected = 35 + roll(12);
            let present = expected - 1 - roll(6);
            let against = roll(2);
            (
                Some(expected),
                Some(present),
                format!(
                    "村民代表会议表决：赞成 {} 票，反对 {against} 票",
                    present - against
                ),
            )
        }
        Step::ResolutionPublic => (
            None,
            None,
            "在村务公开栏和村民微信群公示 7 天，无异议".to_owned(),
        ),
        Step::ResultPublic => (
            None,
            None,
            "实施结果在村务公开栏公开，接受群众监督".to_owned(),
        ),
    };
    StepRecord {
        held_on: Some(on),
        expected,
        present,
        note,
    }
}

fn decisions(
    writer: &mut Writer<'_>,
    existing: &Existing,
    dice: &mut Dice,
    today: NaiveDate,
) -> store::Result<()> {
    for (village, title, content, steps, days_ago) in DECISIONS {
        let Some(branch_id) = existing.branch(village) else {
            continue;
        };
        let id = writer.add_decision(&DecisionFields {
            branch_id,
            title: title.to_owned(),
            content: content.to_owned(),
        })?;
        let proposed = before(today, days_ago);
        for step in Step::ALL.iter().take(steps) {
            let on = after(proposed, STEP_DAYS[step.index()]).min(today);
            writer.set_decision_step(id, *step, Some(&step_record(*step, on, dice)), today)?;
        }
    }
    Ok(())
}

/// Bases in the county file.
pub const COUNTY_BASES: usize = 40;
/// Tasks in the county file.
pub const COUNTY_TASKS: usize = 3_000;
/// Village decisions in the county file.
pub const COUNTY_DECISIONS: usize = 2_000;
/// Officials in the county file.
const COUNTY_OFFICIALS: usize = 15;

/// The county's bases (three years of figures, three milestones each), officials, tasks over
/// 2025 in every state and decisions over 2024–2025 at every step, written inside the
/// county's one write; `today` is the county's last day.
pub(super) fn seed_county_town(
    writer: &mut Writer<'_>,
    secretaries: &[SecretaryId],
    branches: &[BranchId],
    dice: &mut Dice,
    today: NaiveDate,
) -> store::Result<()> {
    if branches.is_empty() || secretaries.is_empty() {
        return Ok(());
    }
    let year = today.year();
    let mut bases = Vec::with_capacity(COUNTY_BASES);
    for n in 0..COUNTY_BASES {
        let industry = crate::domain::base::DEFAULT_INDUSTRIES
            [n % crate::domain::base::DEFAULT_INDUSTRIES.len()];
        let lead = (n * 7) % branches.len();
        let started = NaiveDate::from_ymd_opt(year - 4 + (n % 3) as i32, 1 + (n % 12) as u32, 1)
            .unwrap_or(today);
        let id = writer.add_base(&BaseFields {
            name: format!("第{}{industry}产业示范基地", n + 1),
            industry: industry.to_owned(),
            lead_branch_id: Some(branches[lead]),
            branches: vec![
                branches[(lead + 1) % branches.len()],
                branches[(lead + 2) % branches.len()],
            ],
            secretary_id: Some(secretaries[lead % secretaries.len()]),
            started_on: Some(started),
            notes: String::new(),
            archived: n % 20 == 19,
        })?;
        for figures_year in year - 2..=year {
            let grow = f64::from(figures_year - year + 3);
            #[allow(clippy::cast_possible_wrap, reason = "small figures")]
            let households = (20 + dice.below(100)) as i64 * i64::from(figures_year - year + 3);
            writer.set_base_figures(
                id,
                &BaseFigures {
                    year: figures_year,
                    area_mu: Some((50 + dice.below(250)) as f64 * grow / 3.0),
                    households: Some(households),
                    jobs: Some(households / 2),
                    output_value: Some((100 + dice.below(900)) as f64 * grow / 3.0),
                    income: Some((30 + dice.below(200)) as f64 * grow / 3.0),
                },
            )?;
        }
        for (m, title) in ["一期建成投产", "二期扩建", "品牌注册"].iter().enumerate()
        {
            let planned = after(started, 200 * (m as u64 + 1));
            let done = (m == 0).then(|| after(started, 190).min(today));
            writer.add_milestone(
                id,
                &MilestoneFields {
                    title: (*title).to_owned(),
                    planned_on: Some(planned),
                    done_on: done,
                },
                today,
            )?;
        }
        bases.push(id);
    }
    let mut officials = Vec::with_capacity(COUNTY_OFFICIALS);
    for n in 0..COUNTY_OFFICIALS {
        officials.push(writer.add_official(&OfficialFields {
            name: format!("干部{:02}", n + 1),
            post: "镇党委委员".to_owned(),
            secretary_id: None,
            duties: "包联片区各村党支部\n督办产业基地建设\n督办发展难题".to_owned(),
            archived: false,
        })?);
    }
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    for n in 0..COUNTY_TASKS {
        let given = after(first, (n * 330 / COUNTY_TASKS) as u64);
        let owner = if n % 3 == 0 {
            Owner::Secretary(secretaries[dice.below(secretaries.len())])
        } else {
            Owner::Official(officials[dice.below(officials.len())])
        };
        let deadline = after(given, 20 + dice.below(100) as u64);
        let id = writer.add_task(
            &TaskFields {
                title: format!("任务{n}：推进产业基地建设"),
                description: String::new(),
                owner,
                branch_id: Some(branches[dice.below(branches.len())]),
                base_id: (n % 4 == 0).then(|| bases[dice.below(bases.len())]),
                assigned_on: given,
                deadline: Some(deadline),
            },
            "",
        )?;
        let progress = after(given, 5 + dice.below(10) as u64).min(today);
        match dice.below(10) {
            0..=2 => {}
            3..=4 => {
                writer.record_task_progress(
                    id,
                    TaskState::InProgress,
                    progress,
                    "推进中",
                    "",
                    today,
                )?;
            }
            _ => {
                writer.record_task_progress(
                    id,
                    TaskState::InProgress,
                    progress,
                    "推进中",
                    "",
                    today,
                )?;
                let done = after(progress, 5 + dice.below(110) as u64).min(today);
                writer.record_task_progress(id, TaskState::Done, done, "已完成", "", today)?;
            }
        }
    }
    let start = NaiveDate::from_ymd_opt(year - 1, 1, 1).unwrap_or(today);
    for n in 0..COUNTY_DECISIONS {
        let proposed = after(start, (n * 700 / COUNTY_DECISIONS) as u64);
        let id = writer.add_decision(&DecisionFields {
            branch_id: branches[dice.below(branches.len())],
            title: format!("村级重大事项{n}"),
            content: "按“四议两公开”程序决策".to_owned(),
        })?;
        let steps = if n % 4 == 0 { dice.below(6) } else { 6 };
        for step in Step::ALL.iter().take(steps) {
            let on = after(proposed, STEP_DAYS[step.index()]).min(today);
            writer.set_decision_step(id, *step, Some(&step_record(*step, on, dice)), today)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::domain::calendar::DueKind;
    use crate::domain::decision::{Standing, Step};
    use crate::domain::task::TaskShown;
    use crate::store::Store;
    use chrono::NaiveDate;
    use std::collections::HashSet;

    #[test]
    fn the_demo_holds_the_towns_bases_tasks_and_decisions_and_something_is_due() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("day");
        let mut store = Store::open_in_memory("古城镇").expect("store");
        crate::demo::seed_all(&mut store, today).expect("demo");

        let bases = store.bases().expect("bases");
        assert_eq!(bases.len(), super::BASES.len());
        assert!(
            bases
                .iter()
                .any(|b| b.fields.name == "古城食用菌产业示范基地")
        );
        assert!(bases.iter().all(|b| b.fields.lead_branch_id.is_some()));
        let mushrooms = bases
            .iter()
            .find(|b| b.fields.industry == "食用菌")
            .expect("the mushroom base");
        assert_eq!(mushrooms.fields.branches.len(), 3);
        let figures = store.base_figures(mushrooms.id).expect("figures");
        assert_eq!(figures.len(), 3, "three years of figures");
        let milestones = store.milestones(None).expect("milestones");
        assert!(milestones.iter().any(|m| m.fields.done_on.is_some()));
        assert_eq!(
            milestones.iter().filter(|m| m.overdue(today)).count(),
            1,
            "one milestone overdue"
        );
        let counts = store.base_counts().expect("counts");
        let linked = counts.values().filter(|c| c.problems > 0).count();
        assert!(linked >= 3, "problems hang on {linked} bases");
        assert!(counts.values().any(|c| c.pairings > 0));
        assert!(counts.values().any(|c| c.sessions > 0));

        let officials = store.officials().expect("officials");
        assert!((4..=6).contains(&officials.len()));
        assert!(officials.iter().all(|o| !o.fields.duty_items().is_empty()));
        let tasks = store.tasks().expect("tasks");
        assert_eq!(tasks.len(), 30);
        let shown: HashSet<TaskShown> = tasks.iter().map(|t| t.shown(today)).collect();
        for state in [
            TaskShown::NotStarted,
            TaskShown::InProgress,
            TaskShown::Done,
            TaskShown::DoneLate,
            TaskShown::Overdue,
        ] {
            assert!(shown.contains(&state), "{state:?} in {shown:?}");
        }
        let soon = tasks
            .iter()
            .filter(|t| {
                !t.overdue(today)
                    && t.state != crate::domain::task::TaskState::Done
                    && t.fields
                        .deadline
                        .is_some_and(|d| (d - today).num_days() <= 14)
            })
            .count();
        assert!(soon >= 3, "{soon} tasks due within 14 days");

        let decisions = store.decisions().expect("decisions");
        assert_eq!(decisions.len(), 12);
        let complete = decisions
            .iter()
            .filter(|d| d.standing() == Standing::Complete)
            .count();
        assert!((3..=5).contains(&complete), "{complete} complete");
        assert!(
            decisions
                .iter()
                .any(|d| d.standing() == Standing::Passed(Step::Resolution)),
            "one resolved, not yet made public"
        );
        assert!(
            decisions
                .iter()
                .any(|d| d.standing() == Standing::NotStarted)
        );

        let due = store.due(today, 14).expect("due");
        assert!(!due.is_empty());
        let kinds: HashSet<DueKind> = due.iter().map(|d| d.kind).collect();
        for kind in [DueKind::Task, DueKind::Milestone, DueKind::Decision] {
            assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
        }
        assert!(due.iter().any(|d| d.overdue(today)), "overdue ones first");
    }

    #[test]
    fn the_demo_is_the_same_every_time() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).expect("day");
        let read = || {
            let mut store = Store::open_in_memory("古城镇").expect("store");
            crate::demo::seed_all(&mut store, today).expect("demo");
            (
                store.decisions().expect("decisions"),
                store.tasks().expect("tasks"),
                store.figures_of_year(2026).expect("figures"),
            )
        };
        assert_eq!(read(), read());
    }
}
