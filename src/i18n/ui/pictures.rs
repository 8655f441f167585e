//! The words of photos and scans on a page, the viewer and 添加照片….

use crate::i18n::Lang;

texts! {
    pictures_title: "照片与扫描件", "Photos and scans";
    add_photos: "添加照片…", "Add photos…";
    add_scan: "添加签到表扫描件…", "Add signed sheet scan…";
    pictures_drop_hint: "还没有照片。点“添加照片…”，或把照片直接拖到窗口里。", "No photos yet. Click Add photos…, or drag photos onto the window.";
    scan_label: "签到表扫描件", "Signed sheet scan";
    photo_kind: "活动照片", "Photo";
    picture_word: "照片", "Picture";
    pdf_scan_no_preview: "PDF 扫描件不在这里显示，请点“打开原图”用系统程序查看。", "A PDF scan is not shown here: Open original shows it in the system's viewer.";
    picture_cannot_show: "这张照片显示不出来（文件可能已损坏）。", "This picture cannot be shown (its file may be damaged).";
    taken_at: "拍摄时间", "Taken";
    original_not_here: "原图没有随分享文件带来", "original not in this file (shared without originals)";
    caption: "说明", "Caption";
    save_caption: "保存说明", "Save caption";
    previous_picture: "← 上一张", "← Previous";
    next_picture: "下一张 →", "Next →";
    open_original: "打开原图", "Open original";
    delete_picture: "删除这张", "Delete this one";
    add_photos_title: "添加活动照片", "Add photos";
    add_scan_title: "添加签字的签到表扫描件", "Add the signed sign-in sheet's scan";
    attach_hint: "选一个文件，或一个文件夹（添加其中所有 JPEG、PNG 和 PDF；PDF 算签到表扫描件）。每个文件不超过 8 MB。", "Choose a file, or a folder (all its JPEG, PNG and PDF files are added; a PDF is a sign-in scan). Each at most 8 MB.";
    file_or_folder: "文件或文件夹", "File or folder";
    no_such_file: "找不到这个文件", "No such file";
    add_action: "添加", "Add";
    attaching: "正在添加照片", "Adding photos";
    picture_deleted: "已删除照片。", "Photo deleted.";
    drop_where: "请先打开一次活动、一个难题或一个产业基地，再把照片拖进来。", "Open a session, a problem or a base first, then drop the photos on it.";
    drop_here: "松开鼠标，把照片添加到这里", "Release to add the photos here";
    pdf_tile: "PDF 扫描件", "PDF scan";
    no_pictures_in_folder: "没有找到照片或扫描件（只添加 JPEG、PNG 和 PDF 文件）。", "No photos or scans found (only JPEG, PNG and PDF files are added).";
    picture_restored: "照片已恢复。", "The photo is back.";
    archive_word: "活动档案", " archive";
    photo_file: "照片", "photo";
    scan_file: "签到表扫描件", "signed-sheet";
    archive_yes: "有", "yes";
    archive_index_sheet: "活动档案索引", "Archive index";
    archive_title: "导出年度档案", "Export the year's archive";
    file_archive: "导出年度档案…", "Export the year's archive…";
    archive_hint: "每次活动一个文件夹：纪要（PDF 和 Word）、签到表、签字扫描件和照片，另有一个索引表（xlsx）。", "One folder per session: summary (PDF and Word), sign-in sheet, signed scans and photos, and an index (xlsx).";
    archive_folder: "保存到文件夹", "Into folder";
    archive_working: "正在导出档案", "Exporting the archive";
    archive_action: "导出", "Export";
    document_heads_title: "文书格式", "Document heads";
    file_document_heads: "文书格式…", "Document heads…";
    letterhead_label: "版头（发文机关）", "Letterhead";
    signer_label: "落款", "Signer";
    document_heads_hint: "印在纪要、排名表彰名单、问题台账和工作情况报告（PDF 和 Word）上。留空则不印。", "Printed on summaries, ranking lists, the problem ledger and reports (PDF and Word). Leave empty for none.";
    thumbnails_only: "只带缩略图（不带照片原图，文件更小）", "Thumbnails only (photos' originals left out: a smaller file)";
}

impl Lang {
    /// The columns of the archive's index.
    pub fn archive_index_headers(self) -> [&'static str; 10] {
        match self {
            Self::Zh => [
                "日期",
                "活动编号",
                "形式",
                "主题",
                "地点",
                "应到",
                "实到",
                "照片数",
                "签到表扫描件",
                "文件夹",
            ],
            Self::En => [
                "Date",
                "Session no.",
                "Kind",
                "Topic",
                "Place",
                "Expected",
                "Present",
                "Photos",
                "Signed scan",
                "Folder",
            ],
        }
    }

    /// The archive's folder is not there.
    pub fn archive_no_folder(self, folder: &std::path::Path) -> String {
        match self {
            Self::Zh => format!("找不到文件夹：{}", folder.display()),
            Self::En => format!("No such folder: {}", folder.display()),
        }
    }

    /// An archive of that name is there already.
    pub fn archive_exists(self, folder: &std::path::Path) -> String {
        match self {
            Self::Zh => format!("这里已经有同名的档案文件夹，没有覆盖：{}", folder.display()),
            Self::En => format!(
                "An archive folder of that name is there already (not replaced): {}",
                folder.display()
            ),
        }
    }

    /// What of pictures a merge brings: new pictures (how many of them without originals), and
    /// originals of pictures here that lacked them.
    pub fn merge_picture_files(
        self,
        new: usize,
        thumbnails_only: usize,
        originals: usize,
    ) -> String {
        let mut parts = Vec::new();
        match self {
            Self::Zh => {
                if new > 0 {
                    parts.push(if thumbnails_only > 0 {
                        format!("带来 {new} 张照片或扫描件（其中 {thumbnails_only} 张只带缩略图，没有原图）")
                    } else {
                        format!("带来 {new} 张照片或扫描件")
                    });
                }
                if originals > 0 {
                    parts.push(format!("补上 {originals} 张以前只带缩略图的照片的原图"));
                }
                format!("{}。", parts.join("；"))
            }
            Self::En => {
                if new > 0 {
                    parts.push(if thumbnails_only > 0 {
                        format!("Brings {new} photos or scans ({thumbnails_only} as thumbnails only, without originals)")
                    } else {
                        format!("Brings {new} photos or scans")
                    });
                }
                if originals > 0 {
                    parts.push(format!(
                        "brings the originals of {originals} photos that came as thumbnails"
                    ));
                }
                format!("{}.", parts.join("; "))
            }
        }
    }

    /// No session in the period: no archive.
    pub fn archive_empty(self, period: crate::domain::period::Period) -> String {
        match self {
            Self::Zh => format!("{}没有活动，没有导出档案。", self.period_name(period)),
            Self::En => format!(
                "No sessions in {}: no archive written.",
                self.period_name(period)
            ),
        }
    }

    /// The archive was written.
    pub fn archived(self, summary: &crate::archive::ArchiveSummary) -> String {
        match self {
            Self::Zh => format!(
                "已导出 {} 次活动的档案（{} 个照片与扫描件）：{}",
                summary.sessions,
                summary.pictures,
                summary.folder.display()
            ),
            Self::En => format!(
                "Archived {} sessions ({} photos and scans) to {}",
                summary.sessions,
                summary.pictures,
                summary.folder.display()
            ),
        }
    }
}

impl Lang {
    /// How many pictures a typed folder holds.
    pub fn files_in_folder(self, count: usize) -> String {
        match self {
            Self::Zh => format!("文件夹里有 {count} 个 JPEG、PNG 或 PDF 文件"),
            Self::En => format!("{count} JPEG, PNG or PDF files in the folder"),
        }
    }

    /// The original was written out to be opened; where it is.
    pub fn original_written(self, path: &std::path::Path) -> String {
        match self {
            Self::Zh => format!("原图已取出到：{}", path.display()),
            Self::En => format!("The original is at {}", path.display()),
        }
    }

    /// A picture already attached to the same record.
    pub fn picture_already_attached(self, path: &std::path::Path) -> String {
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match self {
            Self::Zh => format!("“{file}”已经添加过，没有重复添加。"),
            Self::En => format!("\"{file}\" is attached already and was not added again."),
        }
    }

    /// Pictures were attached to `to` (a session or problem, named), and some refused (each
    /// line names a file and why).
    pub fn attached_pictures(self, to: &str, count: usize, refused: usize) -> String {
        match (self, refused) {
            (Self::Zh, 0) => format!("已给「{to}」添加 {count} 个照片或扫描件。"),
            (Self::En, 0) => format!("Added {count} photos or scans to \"{to}\"."),
            (Self::Zh, _) => format!("已给「{to}」添加 {count} 个，{refused} 个没有添加："),
            (Self::En, _) => format!("Added {count} to \"{to}\"; {refused} not added:"),
        }
    }
}
