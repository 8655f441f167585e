//! Texts about files: opening, saving, sharing, merging and backing up a studio, importing a
//! sheet, and every error of the store, in words.

use crate::i18n::Lang;
use crate::import::ImportError;
use crate::store::{self, FileKind};
use std::path::Path;

impl Lang {
    /// Why another village's file could not be merged.
    pub fn merge_error(self, path: &Path, error: &store::Error) -> String {
        let (file, reason) = (path.display(), self.store_error(error));
        match self {
            Self::Zh => format!("无法合并“{file}”：{reason}你的文件未被改动。"),
            Self::En => format!("Cannot merge “{file}”: {reason} Your file was not changed."),
        }
    }

    /// A share file written.
    pub fn shared(self, path: &Path, manifest: &crate::store::merge::ShareManifest) -> String {
        let records: usize = manifest.counts.iter().map(|(_, n)| n).sum();
        match self {
            Self::Zh => format!("已写出分享文件（{records} 条记录）：{}", path.display()),
            Self::En => format!(
                "Wrote the share file ({records} records) to {}",
                path.display()
            ),
        }
    }

    /// A merge done, and where the backup from before it is.
    pub fn merged(self, records: usize, backup: Option<&Path>) -> String {
        match (self, backup) {
            (Self::Zh, Some(b)) => {
                format!("已合并 {records} 条记录；合并前的备份：{}", b.display())
            }
            (Self::Zh, None) => format!("已合并 {records} 条记录。"),
            (Self::En, Some(b)) => {
                format!(
                    "Merged {records} records; the backup from before: {}",
                    b.display()
                )
            }
            (Self::En, None) => format!("Merged {records} records."),
        }
    }

    /// A field of a record of `table`, by its column in the file, in words (one this version
    /// does not know, from a file of a later version, by its column).
    pub fn field_name(self, table: &str, column: &str) -> String {
        use crate::store::kinds::{Field, RecordKind};
        match (RecordKind::from_name(table), Field::from_name(column)) {
            // A secretary's post; elsewhere the place in a list.
            (Some(kind), Some(Field::Position)) if kind != RecordKind::Secretary => {
                self.pick("顺序", "order").to_owned()
            }
            (_, Some(field)) => self.field(field).to_owned(),
            (_, None) => column.to_owned(),
        }
    }

    /// A field of a record, in words.
    pub fn field(self, field: crate::store::kinds::Field) -> &'static str {
        use crate::store::kinds::Field as F;
        let (zh, en) = match field {
            F::Name => ("名称", "name"),
            F::Gender => ("性别", "gender"),
            F::Birth => ("出生年月", "born"),
            F::Education => ("文化程度", "education"),
            F::BranchId => ("党支部", "branch"),
            F::HostBranchId => ("承办支部", "host branch"),
            F::AreaId => ("片区", "area"),
            F::Level => ("层级", "level"),
            F::Position => ("职务", "position"),
            F::Phone => ("联系电话", "phone"),
            F::InOfficeSince => ("任现职时间", "in office since"),
            F::Notes | F::Note => ("备注", "notes"),
            F::Archived => ("已归档", "archived"),
            F::Kind => ("类别", "kind"),
            F::Town => ("乡镇", "town"),
            F::Title => ("标题", "title"),
            F::Topic => ("主题", "topic"),
            F::Text => ("内容", "text"),
            F::StartsAt => ("开始时间", "starts"),
            F::EndsAt => ("结束时间", "ends"),
            F::Place => ("地点", "place"),
            F::Host => ("主持人", "host"),
            F::Recorder => ("记录人", "recorder"),
            F::Systems => ("所属制度", "systems"),
            F::Discussion => ("研讨交流", "discussion"),
            F::List => ("议程或决定", "agenda or decision"),
            F::Status => ("出勤", "attendance"),
            F::Reason => ("事由", "reason"),
            F::SecretaryId => ("书记", "secretary"),
            F::SessionId => ("活动", "session"),
            F::ProblemId => ("难题", "problem"),
            F::Description => ("问题描述", "description"),
            F::Category => ("类别", "category"),
            F::RaisedOn => ("提出日期", "raised on"),
            F::RaisedBy => ("提出人", "raised by"),
            F::Deadline => ("完成时限", "deadline"),
            F::State => ("状态", "state"),
            F::Actor => ("办理人", "by whom"),
            F::Responsible => ("责任人", "responsible"),
            F::HelperId => ("帮扶人", "helper"),
            F::PairingId => ("结对", "pairing"),
            F::StrongId => ("强支部书记", "strong"),
            F::WeakId => ("弱支部书记", "weak"),
            F::StartsOn | F::TermStartsOn => ("开始日期", "starts on"),
            F::EndsOn | F::TermEndsOn => ("结束日期", "ends on"),
            F::Goals => ("帮扶目标", "goals"),
            F::Outcome => ("成效", "outcome"),
            F::Year => ("年份", "year"),
            F::Month => ("月份", "month"),
            F::PlanItemId => ("学习计划", "plan item"),
            F::DurationMin => ("时长（分钟）", "minutes"),
            F::CriterionId => ("考评指标", "criterion"),
            F::Part => ("考评部分", "part"),
            F::Source => ("计分方式", "how it is scored"),
            F::MaxScore => ("满分", "full marks"),
            F::TargetPerYear => ("年度目标", "yearly target"),
            F::Period => ("期间", "period"),
            F::Score => ("得分", "score"),
            F::Event => ("积分事项", "points event"),
            F::Points => ("分值", "points"),
            F::Key => ("设置项", "setting"),
            F::Value => ("值", "value"),
            F::Pinned => ("置顶", "pinned"),
            F::HolderId => ("负责人", "holder"),
            F::AuthorId => ("作者", "author"),
            F::Label => ("名称", "label"),
            F::Caption => ("说明", "caption"),
            F::TakenAt => ("拍摄时间", "taken at"),
            F::FileName => ("文件名", "file name"),
            F::Digest => ("内容摘要", "digest"),
            F::Media => ("文件类型", "file type"),
            F::Width => ("宽度", "width"),
            F::Height => ("高度", "height"),
            F::Bytes => ("大小", "size"),
            F::HeldOn | F::AwardedOn | F::WrittenOn | F::PostedOn | F::HappenedOn => {
                ("日期", "date")
            }
            F::Village => ("村", "village"),
            F::Occupation => ("职业或原任职务", "occupation"),
            F::Discipline => ("纪律要求", "discipline"),
            F::GroupId => ("百人团", "group"),
            F::PersonId => ("人员", "person"),
            F::Role => ("团内职务", "role"),
            F::DisciplineSigned => ("已签纪律承诺", "discipline signed"),
            F::LetterYear => ("聘书年份", "letter year"),
            F::LetterNo => ("聘书编号", "letter number"),
            F::IssuedOn => ("颁发日期", "issued on"),
            F::PlannedOn => ("计划日期", "planned on"),
            F::MembersPresent => ("实到党员", "members present"),
            F::MembersTotal => ("应到党员", "members in total"),
            F::MassesCount => ("参与群众人数", "residents heard"),
            F::CheckupId => ("党性体检", "check-up"),
            F::IndicatorId => ("体检指标", "indicator"),
            F::Step => ("体检环节", "step"),
            F::Half => ("半年", "half"),
            F::ReportedOn => ("述职日期", "reported on"),
            F::Voters => ("参评人数", "voters"),
            F::Excellent => ("优秀票", "excellent"),
            F::Competent => ("合格票", "competent"),
            F::BasicallyCompetent => ("基本合格票", "basically competent"),
            F::Incompetent => ("不合格票", "incompetent"),
            F::Participants => ("参评人员", "participants"),
            F::Industry => ("产业", "industry"),
            F::LeadBranchId => ("牵头支部", "lead branch"),
            F::StartedOn => ("启动日期", "started on"),
            F::AreaMu => ("面积（亩）", "area (mu)"),
            F::Households => ("带动户数", "households"),
            F::Jobs => ("带动就业", "jobs"),
            F::OutputValue => ("产值（万元）", "output value (10k yuan)"),
            F::Income => ("群众增收（万元）", "households' income (10k yuan)"),
            F::BaseId => ("产业基地", "base"),
            F::DoneOn => ("完成日期", "done on"),
            F::Post => ("职务", "post"),
            F::Duties => ("责任清单", "duties"),
            F::OfficialId => ("责任干部", "official"),
            F::AssignedOn => ("下达日期", "assigned on"),
            F::Content => ("决策内容", "content"),
            F::DecisionId => ("村级决策", "decision"),
            F::Expected => ("应到", "expected"),
            F::Present => ("实到", "present"),
            F::TaskId => ("任务", "task"),
            F::ThemeDayId => ("主题党日", "theme party day"),
        };
        self.pick(zh, en)
    }

    /// Why a picture file cannot be attached, naming it.
    pub fn picture_error(self, path: &Path, error: &crate::pictures::PictureError) -> String {
        use crate::pictures::PictureError as E;
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mb = |bytes: u64| format!("{:.1}", bytes as f64 / 1024.0 / 1024.0);
        match (self, error) {
            (Self::Zh, E::TooLarge(bytes)) => format!(
                "“{file}”有 {} MB，超过 8 MB，没有添加。请用手机或电脑把照片缩小后再添加。",
                mb(*bytes)
            ),
            (Self::En, E::TooLarge(bytes)) => format!(
                "\"{file}\" is {} MB, over 8 MB, and was not attached. Make the photo smaller first.",
                mb(*bytes)
            ),
            (Self::Zh, E::NotAPicture) => format!(
                "“{file}”不是照片或扫描件（只能添加 JPEG、PNG 图片和 PDF 扫描件），没有添加。"
            ),
            (Self::En, E::NotAPicture) => format!(
                "\"{file}\" is not a photo or scan (JPEG, PNG or a PDF scan), and was not attached."
            ),
            (Self::Zh, E::Heic) => format!(
                "“{file}”是苹果手机的 HEIC 格式，暂时读不了。请在手机“设置 → 相机 → 格式”选“兼容性最佳”，或把照片导出为 JPEG 后再添加。"
            ),
            (Self::En, E::Heic) => format!(
                "\"{file}\" is an iPhone HEIC photo, which cannot be read yet. Set the phone's camera format to Most Compatible, or export the photo as JPEG."
            ),
            (Self::Zh, E::Damaged(_)) => {
                format!("“{file}”已损坏或不完整（可能没有复制完），没有添加。")
            }
            (Self::En, E::Damaged(_)) => format!(
                "\"{file}\" is damaged or incomplete (perhaps not copied to the end), and was not attached."
            ),
            (Self::Zh, E::TooManyPixels(..)) => {
                format!("“{file}”的像素太多，不像一张照片，没有添加。")
            }
            (Self::En, E::TooManyPixels(..)) => {
                format!("\"{file}\" has far more pixels than a photo, and was not attached.")
            }
            (Self::Zh, E::Unreadable(_)) => {
                format!("“{file}”读不出来（找不到这个文件，或没有读取它的权限）。")
            }
            (Self::En, E::Unreadable(why)) => format!("\"{file}\" cannot be read: {why}"),
        }
    }

    /// Pictures were attached.
    pub fn pictures_attached(self, count: usize) -> String {
        match self {
            Self::Zh => format!("已添加 {count} 个文件。"),
            Self::En => format!("Attached {count} files."),
        }
    }

    /// The other file belongs to another studio.
    pub fn merge_other_studio(self, studio: &str) -> String {
        match self {
            Self::Zh => format!(
                "这个文件属于另一个工作室（「{studio}」），不是本工作室的副本或分享文件，两边没有共同的记录。合并会把两边的记录都保留：同一个人、同一个支部会各有一条（合并后可在「核对合并结果」中把同一人合并为一条）。"
            ),
            Self::En => format!(
                "This file belongs to another studio (\"{studio}\"), not a copy or share of this one; the two have no records in common. Merging keeps both sides' records: the same person or branch will be there twice (Review merges can then link the same person)."
            ),
        }
    }

    /// Asks before restoring the backup made at `when`.
    pub fn restore_question(self, when: &str) -> String {
        match self {
            Self::Zh => format!(
                "把工作室恢复到 {when} 的备份吗？之后的改动会被撤掉；当前文件会先备份，恢复之后仍可从「恢复前」的备份找回。"
            ),
            Self::En => format!(
                "Restore the studio to the backup of {when}? Later changes are taken away; the file as it is now is backed up first (恢复前) and can be restored in turn."
            ),
        }
    }

    /// A backup was made.
    pub fn backed_up(self, path: &Path) -> String {
        match self {
            Self::Zh => format!("已备份：{}", path.display()),
            Self::En => format!("Backed up: {}", path.display()),
        }
    }

    /// A backup was restored.
    pub fn restored(self, before: Option<&Path>) -> String {
        match (self, before) {
            (Self::Zh, Some(b)) => format!("已恢复备份；恢复前的文件：{}", b.display()),
            (Self::En, Some(b)) => format!(
                "The backup was restored; the file from before: {}",
                b.display()
            ),
            (Self::Zh, None) => "已恢复备份。".to_owned(),
            (Self::En, None) => "The backup was restored.".to_owned(),
        }
    }

    /// The daily backup could not be made.
    pub fn backup_failed(self, error: &crate::store::Error) -> String {
        match self {
            Self::Zh => format!("今天的自动备份没有成功：{}", self.store_error(error)),
            Self::En => format!("Today's backup failed: {}", self.store_error(error)),
        }
    }

    /// Why the open file can only be read: it is `marked` read-only, or another window has it.
    pub fn read_only_reason(self, marked: bool) -> &'static str {
        if marked {
            self.read_only_file()
        } else {
            self.read_only_in_use()
        }
    }

    /// New secretaries of the other file who may be ours entered again.
    pub fn merge_possible_duplicates(self, names: &[String]) -> String {
        let listed = names
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join(self.pick("、", ", "));
        let more = if names.len() > 10 {
            self.pick("等", " and others")
        } else {
            ""
        };
        match self {
            Self::Zh => format!(
                "可能重复的书记 {} 人：{listed}{more}（姓名和支部与本文件的相同；合并后在「核对合并结果」中确认是否同一人）",
                names.len()
            ),
            Self::En => format!(
                "{} possible duplicate secretaries: {listed}{more} (same name and branch as ours; after the merge, Review merges asks whether they are the same person)",
                names.len()
            ),
        }
    }

    /// What merging left for review, for the status line.
    pub fn merged_with_review(
        self,
        records: usize,
        backup: Option<&Path>,
        waiting: usize,
    ) -> String {
        let merged = self.merged(records, backup);
        if waiting == 0 {
            return merged;
        }
        match self {
            Self::Zh => format!("{merged}　有 {waiting} 项待核对（文件 → 核对合并结果…）"),
            Self::En => format!("{merged}  {waiting} to review (File → Review merges…)"),
        }
    }

    /// A kind of record, by its table in the file, in words (one this version does not know,
    /// from a file of a later version, by its table).
    pub fn record_kind(self, table: &str) -> String {
        crate::store::kinds::RecordKind::from_name(table).map_or_else(
            || table.to_owned(),
            |kind| self.kind_of_record(kind).to_owned(),
        )
    }

    /// A kind of record, in words.
    pub fn kind_of_record(self, kind: crate::store::kinds::RecordKind) -> &'static str {
        use crate::store::kinds::RecordKind as K;
        let (zh, en) = match kind {
            K::Site => ("站点", "files (sites)"),
            K::Studio => ("工作室", "studio"),
            K::Area => ("片区", "areas"),
            K::Branch => ("党支部", "branches"),
            K::Secretary => ("书记", "secretaries"),
            K::Session => ("活动", "sessions"),
            K::SessionItem => ("议程与决定", "agenda and decisions"),
            K::Attendance => ("出勤", "attendance"),
            K::Problem => ("难题", "problems"),
            K::ProblemEvent => ("难题进展", "problem progress"),
            K::Pairing => ("结对", "pairings"),
            K::PlanItem => ("学习计划", "learning plan"),
            K::StudyTopic => ("学习内容", "study topics"),
            K::Criterion => ("考评指标", "assessment criteria"),
            K::Score => ("评分", "scores"),
            K::Setting => ("设置", "settings"),
            K::ExperienceNote => ("经验交流", "experience notes"),
            K::Notice => ("通知", "notices"),
            K::PointsRule => ("积分规则", "points rules"),
            K::PointsAward => ("加减分", "points awards"),
            K::Honour => ("表彰与批评", "commendations and criticisms"),
            K::Responsibility => ("六项职责", "responsibilities"),
            K::Picture => ("照片与扫描件", "photos and scans"),
            K::Person => ("人员库", "people"),
            K::LeagueGroup => ("百人团", "groups"),
            K::GroupMember => ("百人团成员", "group members"),
            K::SessionGuest => ("列席人员", "guests"),
            K::ThemeDay => ("主题党日", "theme party days"),
            K::CheckupIndicator => ("体检指标", "check-up indicators"),
            K::Checkup => ("党性体检", "party-spirit check-ups"),
            K::CheckupScore => ("体检评分", "check-up scores"),
            K::CheckupFinding => ("体检问题清单", "check-up findings"),
            K::Appraisal => ("述职评议", "duty reports and appraisals"),
            K::Base => ("产业示范基地", "industry demonstration bases"),
            K::BaseBranch => ("基地参与支部", "branches of bases"),
            K::BaseFigure => ("基地年度数据", "bases' figures by year"),
            K::BaseMilestone => ("基地节点", "bases' milestones"),
            K::Official => ("责任干部", "officials"),
            K::Task => ("任务清单", "tasks"),
            K::TaskEvent => ("任务进展", "task progress"),
            K::Decision => ("四议两公开", "village decisions"),
            K::DecisionStep => ("四议两公开步骤", "decision steps"),
        };
        self.pick(zh, en)
    }

    /// A file that cannot be opened, named, with the reason.
    pub fn open_error(self, path: &Path, error: &store::Error) -> String {
        let file = path.display();
        let reason = self.store_error(error);
        match self {
            Self::Zh => {
                format!("无法打开“{file}”：{reason}当前打开的工作室保持不变，该文件未被改动。")
            }
            Self::En => format!(
                "Cannot open “{file}”: {reason} The studio you had open stays open; that file was not changed."
            ),
        }
    }

    /// At start-up, the file asked for could not be opened and another was opened instead.
    pub fn start_error(self, path: &Path, error: &store::Error, opened_instead: &Path) -> String {
        let (file, reason, instead) = (
            path.display(),
            self.store_error(error),
            opened_instead.display(),
        );
        match self {
            Self::Zh => {
                format!("无法打开“{file}”：{reason}已改为打开“{instead}”。该文件未被改动。")
            }
            Self::En => format!(
                "Cannot open “{file}”: {reason} “{instead}” was opened instead; that file was not changed."
            ),
        }
    }

    /// Why a file could not be put in its place, as one sentence (the same words as the
    /// store's for the same cause).
    pub fn write_error(self, error: &crate::durable::WriteError) -> String {
        use crate::durable::WriteError as W;
        match error {
            W::InUse => self.store_error(&store::Error::Busy),
            W::ReadOnly => self.store_error(&store::Error::ReadOnly),
            W::DiskFull => self.store_error(&store::Error::DiskFull),
            W::NoSuchFolder => self.store_error(&store::Error::NoSuchFolder),
            W::Other(error) => self.io_error(error),
        }
    }

    /// Why long work produced nothing.
    pub fn work_error(self, error: crate::work::WorkError) -> String {
        match error {
            crate::work::WorkError::Cancelled => self
                .pick("已取消，未写入文件。", "Cancelled; nothing was written.")
                .to_owned(),
            crate::work::WorkError::Failed(message) => message,
        }
    }

    /// A store error as one sentence.
    pub fn store_error(self, error: &store::Error) -> String {
        use store::Error as E;
        match (self, error) {
            (Self::Zh, E::NotFound) => "文件不存在。".to_owned(),
            (Self::En, E::NotFound) => "the file does not exist.".to_owned(),
            (Self::Zh, E::IsDirectory) => "这是一个文件夹，不是文件。".to_owned(),
            (Self::En, E::IsDirectory) => "that is a folder, not a file.".to_owned(),
            (Self::Zh, E::Empty) => "文件是空的（0 字节）。".to_owned(),
            (Self::En, E::Empty) => "the file is empty (0 bytes).".to_owned(),
            (_, E::NotSqlite { looks_like }) => {
                let kind = looks_like.map(|k| self.file_kind(k));
                match (self, kind) {
                    (Self::Zh, Some(kind)) => {
                        format!("这不是书记工作室的数据文件，看起来是{kind}。")
                    }
                    (Self::Zh, None) => "这不是书记工作室的数据文件。".to_owned(),
                    (Self::En, Some(kind)) => {
                        format!("this is not a studio database; it looks like {kind}.")
                    }
                    (Self::En, None) => "this is not a studio database.".to_owned(),
                }
            }
            (Self::Zh, E::Truncated) => "文件不完整（可能复制时被中断）。".to_owned(),
            (Self::En, E::Truncated) => {
                "the file is incomplete (perhaps a copy was interrupted).".to_owned()
            }
            (Self::Zh, E::Corrupt(detail)) => format!("文件已损坏（{detail}）。"),
            (Self::En, E::Corrupt(detail)) => format!("the file is damaged ({detail})."),
            (Self::Zh, E::ForeignSchema(what)) => format!(
                "文件的结构与本程序不同（{what}），可能被其他软件改动过，已拒绝。"
            ),
            (Self::En, E::ForeignSchema(what)) => format!(
                "the file's structure differs from this program's ({what}); it may have been changed by other software, so it was refused."
            ),
            (Self::Zh, E::Cancelled) => "已取消，未做任何改动。".to_owned(),
            (Self::En, E::Cancelled) => "cancelled; nothing was changed.".to_owned(),
            (Self::Zh, E::Stale) => "预览之后工作室又有改动，请重新预览再合并。".to_owned(),
            (Self::En, E::Stale) => {
                "the studio changed after the preview; preview the merge again.".to_owned()
            }
            (Self::Zh, E::ForeignApplication) => {
                "这是其他软件的数据库，不是书记工作室的文件。".to_owned()
            }
            (Self::En, E::ForeignApplication) => {
                "it is another application's database, not a studio file.".to_owned()
            }
            (Self::Zh, E::NewerVersion { found, supported }) => format!(
                "该文件由更新版本的书记工作室创建（数据版本 {found}，本程序最高支持 {supported}），请先升级本程序。"
            ),
            (Self::En, E::NewerVersion { found, supported }) => format!(
                "it was made by a newer version of Secretary Studio (schema {found}; this version reads up to {supported}). Please update the app."
            ),
            (Self::Zh, E::PathTooLong { length }) => format!(
                "文件路径太长（{length} 个字符，Windows 下工作室文件最多 {} 个），打不开；请把文件放到路径短一些的文件夹，例如 D:\\书记工作室。",
                crate::durable::MAX_STUDIO_PATH_ON_WINDOWS
            ),
            (Self::En, E::PathTooLong { length }) => format!(
                "the path is too long ({length} characters; on Windows a studio file's path has at most {}). Move the file to a folder with a shorter path, such as D:\\Studio.",
                crate::durable::MAX_STUDIO_PATH_ON_WINDOWS
            ),
            (Self::Zh, E::NoSuchFolder) => "该文件夹不存在（U盘是否已拔出？）。".to_owned(),
            (Self::En, E::NoSuchFolder) => {
                "the folder does not exist (was the USB stick removed?).".to_owned()
            }
            (Self::Zh, E::WouldReplaceOtherFile) => "该位置已有一个不是工作室文件的同名文件，为免丢失，不会替换它；请换一个文件名。".to_owned(),
            (Self::En, E::WouldReplaceOtherFile) => "a file that is not a studio file has that name; it is not replaced, so nothing is lost. Choose another name.".to_owned(),
            (Self::Zh, E::IsOpenFile) => "这正是当前打开的文件，请换一个位置或文件名。".to_owned(),
            (Self::En, E::IsOpenFile) => {
                "that is the file that is open; choose another place or name.".to_owned()
            }
            (Self::Zh, E::AlreadyExists) => "该位置已有同名文件，请换一个文件名。".to_owned(),
            (Self::En, E::AlreadyExists) => {
                "a file with that name already exists; choose another name.".to_owned()
            }
            (Self::Zh, E::ReadOnly) => "文件或所在文件夹是只读的，无法写入。".to_owned(),
            (Self::En, E::ReadOnly) => "the file or its folder is read-only.".to_owned(),
            (Self::Zh, E::NeedsPassphrase) => "这个分享文件设了口令，请输入口令再合并。".to_owned(),
            (Self::En, E::NeedsPassphrase) => "this share file is protected with a passphrase; enter it to merge.".to_owned(),
            (Self::Zh, E::WrongPassphrase) => "口令不对，打不开这个分享文件。请向写出它的协调员确认口令。".to_owned(),
            (Self::En, E::WrongPassphrase) => "the passphrase does not open this share file; check it with the coordinator who wrote it.".to_owned(),
            (Self::Zh, E::DiskFull) => "磁盘（或U盘）已满，写不下了。".to_owned(),
            (Self::En, E::DiskFull) => "the disk (or USB stick) is full.".to_owned(),
            (Self::Zh, E::ShareChecksum) => "分享文件里的记录与写出时的校验和不符，文件在复制途中可能已损坏；请从对方处重新复制。".to_owned(),
            (Self::En, E::ShareChecksum) => "the share file's records do not match the checksum written with them; it may have been damaged on the way. Copy it again from the other village.".to_owned(),
            (Self::Zh, E::InUse) => "此文件已在另一个书记工作室窗口（或命令行）中打开，为免两处同时修改，这里不能写入。".to_owned(),
            (Self::En, E::InUse) => "the file is open in another Secretary Studio window (or the command line); to keep two places from changing it at once, it cannot be written here.".to_owned(),
            (Self::Zh, E::Busy) => "文件正被其他程序（如 Excel、WPS 或 PDF 阅读器）打开，请先关闭它再试。".to_owned(),
            (Self::En, E::Busy) => "the file is open in another program (Excel, WPS or a PDF viewer); close it there and try again.".to_owned(),
            (
                Self::Zh,
                E::StillInUse {
                    what: store::InUse::Branches,
                    count,
                },
            ) => format!(
                "该片区还有 {count} 个启用的党支部，请先把它们移到其他片区或归档，再归档片区。"
            ),
            (
                Self::En,
                E::StillInUse {
                    what: store::InUse::Branches,
                    count,
                },
            ) => format!(
                "the area still has {count} branches in use; move them to another area or archive them first."
            ),
            (
                Self::Zh,
                E::StillInUse {
                    what: store::InUse::Secretaries,
                    count,
                },
            ) => {
                format!("该支部还有 {count} 名在任书记，请先把他们调到其他支部或归档，再归档支部。")
            }
            (
                Self::En,
                E::StillInUse {
                    what: store::InUse::Secretaries,
                    count,
                },
            ) => format!(
                "the branch still has {count} secretaries in office; move or archive them first."
            ),
            (Self::Zh, E::Archived) => {
                "该片区或支部已归档，不能再添加记录；请先恢复它。".to_owned()
            }
            (Self::En, E::Archived) => {
                "that area or branch is archived; restore it before adding to it.".to_owned()
            }
            (
                Self::Zh,
                E::StillInUse {
                    what: store::InUse::Memberships,
                    count,
                },
            ) => format!("此人还在 {count} 个百人团中，请先把他（她）移出，再删除。"),
            (
                Self::En,
                E::StillInUse {
                    what: store::InUse::Memberships,
                    count,
                },
            ) => format!("this person is still in {count} groups; take them out first."),
            (_, E::Refused(refusal)) => self.refusal(refusal),
            (Self::Zh, E::RecordNotFound) => "该记录已不存在。".to_owned(),
            (Self::En, E::RecordNotFound) => "the record no longer exists.".to_owned(),
            (Self::Zh, E::Sqlite(e)) => format!("数据库错误：{e}。"),
            (Self::En, E::Sqlite(e)) => format!("database error: {e}."),
            (_, E::Io(e)) => self.io_error(e),
        }
    }

    /// A file-system error as a sentence in this language (the system's own text is English).
    pub fn io_error(self, error: &std::io::Error) -> String {
        use std::io::ErrorKind as K;
        let zh = match error.kind() {
            K::NotFound => Some("找不到该文件或文件夹。"),
            K::PermissionDenied => Some("没有访问权限（文件可能被占用或是只读的）。"),
            K::StorageFull => Some("磁盘已满。"),
            K::ReadOnlyFilesystem => Some("磁盘是只读的。"),
            K::IsADirectory => Some("这是一个文件夹，不是文件。"),
            K::InvalidFilename => Some("文件名无效。"),
            _ => None,
        };
        match (self, zh) {
            (Self::Zh, Some(text)) => text.to_owned(),
            (Self::Zh, None) => format!("文件读写出错（{error}）。"),
            (Self::En, _) => format!("file error: {error}."),
        }
    }

    /// For the command line: a file that cannot be opened, named, with the reason.
    pub fn file_error(self, path: &Path, error: &store::Error) -> String {
        let (file, reason) = (path.display(), self.store_error(error));
        match self {
            Self::Zh => format!("无法打开“{file}”：{reason}该文件未被改动。"),
            Self::En => format!("Cannot open “{file}”: {reason} That file was not changed."),
        }
    }

    /// A studio file named on the command line that does not exist: how to start one.
    pub fn no_studio_file(self, path: &Path) -> String {
        let file = path.display();
        match self {
            Self::Zh => format!(
                "工作室文件“{file}”不存在。要新建一个空的工作室，请先运行：secretary-studio new \"{file}\""
            ),
            Self::En => format!(
                "There is no studio file “{file}”. To start an empty studio there, first run: secretary-studio new \"{file}\""
            ),
        }
    }

    /// What a file seems to be.
    pub fn file_kind(self, kind: FileKind) -> &'static str {
        match kind {
            FileKind::Png => self.pick("一张 PNG 图片", "a PNG image"),
            FileKind::Jpeg => self.pick("一张 JPEG 照片", "a JPEG photo"),
            FileKind::Pdf => self.pick("一个 PDF 文档", "a PDF document"),
            FileKind::Zip => self.pick(
                "一个压缩包或 Office 文档（如 .xlsx）",
                "a ZIP archive or Office document (such as .xlsx)",
            ),
            FileKind::OleDocument => self.pick(
                "一个旧版 Office 文档（.xls / .doc）",
                "an old Office document (.xls / .doc)",
            ),
            FileKind::Text => self.pick("一个文本文件（如 CSV）", "a text file (such as CSV)"),
        }
    }

    /// A sheet that cannot be imported, named, with the reason.
    pub fn import_error(self, path: &Path, error: &ImportError) -> String {
        let file = path.display();
        let reason = self.import_reason(error);
        match self {
            Self::Zh => format!("无法导入“{file}”：{reason}。花名册未作任何改动。"),
            Self::En => format!("Cannot import “{file}”: {reason}. The roster was not changed."),
        }
    }

    /// A people sheet that cannot be imported, named, with the reason.
    pub fn people_import_error(self, path: &Path, error: &ImportError) -> String {
        let file = path.display();
        let reason = self.import_reason(error);
        match self {
            Self::Zh => format!("无法导入“{file}”：{reason}。人员和百人团未作任何改动。"),
            Self::En => {
                format!("Cannot import “{file}”: {reason}. The people and groups were not changed.")
            }
        }
    }

    /// Why a sheet cannot be read, in a few words.
    fn import_reason(self, error: &ImportError) -> String {
        match (self, error) {
            (Self::Zh, ImportError::Io { source, .. }) => format!("无法读取文件（{source}）"),
            (Self::En, ImportError::Io { source, .. }) => {
                format!("the file cannot be read ({source})")
            }
            (Self::Zh, ImportError::UnsupportedType) => {
                "只支持 .xlsx 和 .csv 文件（.xls 请先在 WPS 或 Excel 中另存为 .xlsx）".to_owned()
            }
            (Self::En, ImportError::UnsupportedType) => {
                "only .xlsx and .csv files are supported (save .xls as .xlsx first)".to_owned()
            }
            (Self::Zh, ImportError::BadSpreadsheet(e)) => {
                format!("表格文件已损坏或不是 Excel 文件（{e}）")
            }
            (Self::En, ImportError::BadSpreadsheet(e)) => {
                format!("the spreadsheet is damaged or not an Excel file ({e})")
            }
            (Self::Zh, ImportError::NoRows) => "文件中没有数据".to_owned(),
            (Self::En, ImportError::NoRows) => "the file holds no rows".to_owned(),
            (Self::Zh, ImportError::NoHeader) => "前15行中找不到含“姓名”的表头行".to_owned(),
            (Self::En, ImportError::NoHeader) => {
                "no header row with a name column (姓名 or Name) in the first 15 lines".to_owned()
            }
        }
    }

    /// After an import.
    pub fn imported(self, added: usize, updated: usize) -> String {
        match self {
            Self::Zh => format!("导入完成：新增 {added} 人，更新 {updated} 人。"),
            Self::En => format!("Import done: {added} added, {updated} updated."),
        }
    }

    /// Status after opening a file.
    pub fn opened(self, path: &Path) -> String {
        match self {
            Self::Zh => format!("已打开 {}", path.display()),
            Self::En => format!("Opened {}", path.display()),
        }
    }

    /// Status after saving a copy.
    pub fn copy_saved(self, path: &Path) -> String {
        match self {
            Self::Zh => format!("副本已保存到 {}", path.display()),
            Self::En => format!("Copy saved to {}", path.display()),
        }
    }

    /// A copy or new file that could not be written.
    pub fn save_error(self, path: &Path, error: &store::Error) -> String {
        let (file, reason) = (path.display(), self.store_error(error));
        match self {
            Self::Zh => format!("无法保存到“{file}”：{reason}当前工作室未受影响。"),
            Self::En => format!("Cannot save to “{file}”: {reason} The open studio is unaffected."),
        }
    }

    /// An error while writing, with what was kept.
    pub fn write_failed(self, error: &store::Error) -> String {
        let reason = self.store_error(error);
        match self {
            Self::Zh => format!("保存失败：{reason}之前已保存的内容不受影响。"),
            Self::En => format!("Could not save: {reason} What was saved before is unaffected."),
        }
    }
}
