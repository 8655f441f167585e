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
    attach_hint: "选一个文件，或输入一个文件夹（添加其中所有 JPEG、PNG 和 PDF）。每个文件不超过 8 MB。", "Choose a file, or type a folder (all its JPEG, PNG and PDF files are added). Each at most 8 MB.";
    file_or_folder: "文件或文件夹", "File or folder";
    no_such_file: "找不到这个文件", "No such file";
    add_action: "添加", "Add";
    attaching: "正在添加照片", "Adding photos";
    picture_deleted: "已删除照片", "Photo deleted";
    drop_where: "请先打开一次活动或一个难题，再把照片拖进来。", "Open a session or a problem first, then drop the photos on it.";
    drop_here: "松开鼠标，把照片添加到这里", "Release to add the photos here";
}

impl Lang {
    /// How many pictures a typed folder holds.
    pub fn files_in_folder(self, count: usize) -> String {
        match self {
            Self::Zh => format!("文件夹里有 {count} 个照片或扫描件"),
            Self::En => format!("{count} photos or scans in the folder"),
        }
    }

    /// Pictures were attached, and some refused (each line names a file and why).
    pub fn attached_pictures(self, count: usize, refused: usize) -> String {
        match (self, refused) {
            (Self::Zh, 0) => format!("已添加 {count} 个照片或扫描件。"),
            (Self::En, 0) => format!("Added {count} photos or scans."),
            (Self::Zh, _) => format!("已添加 {count} 个，{refused} 个没有添加："),
            (Self::En, _) => format!("Added {count}; {refused} not added:"),
        }
    }
}
