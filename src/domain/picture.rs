//! Photos and scans attached to a session or a problem (一事一档): what they are, without
//! their bytes.

use super::{ProblemId, SessionId};

local_id!(
    /// A picture attached to a session or a problem.
    PictureId,
);

code_enum! {
    /// What a picture shows.
    PictureKind {
        /// A photo of the activity (活动照片).
        Photo = "photo",
        /// A scan of the signed sign-in sheet (签到表扫描件).
        Scan = "scan",
    }
}

code_enum! {
    /// How a picture's original is stored.
    Media {
        /// JPEG (phone photos, most scans).
        Jpeg = "jpeg",
        /// PNG (screenshots, some scanners).
        Png = "png",
        /// PDF (a scanner's or a phone's scan of the signed sheet).
        Pdf = "pdf",
    }
}

/// What a picture belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PictureOwner {
    /// A session.
    Session(SessionId),
    /// A problem.
    Problem(ProblemId),
    /// A branch's theme party day.
    ThemeDay(super::theme_day::ThemeDayId),
    /// An industry demonstration base.
    Base(super::base::BaseId),
}

/// A picture as lists show it (its bytes are fetched by `digest` when drawn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureInfo {
    /// Its key.
    pub id: PictureId,
    /// Photo or scan.
    pub kind: PictureKind,
    /// The caption (说明).
    pub caption: String,
    /// When it was taken, from the camera (`YYYY-MM-DD HH:MM`), if it said.
    pub taken_at: Option<String>,
    /// The file it came from (name only).
    pub file_name: String,
    /// The digest of its original bytes (SHA-256, hex): where its bytes are.
    pub digest: String,
    /// How its original is stored.
    pub media: Media,
    /// Width and height in pixels, upright (0 for a PDF).
    pub size: (u32, u32),
    /// The original's size in bytes.
    pub bytes: u64,
    /// Whether this file holds the original (a share file "thumbnails only" leaves it out).
    pub has_original: bool,
}

impl PictureInfo {
    /// Whether there is an image to draw (a PDF scan has none).
    pub fn is_image(&self) -> bool {
        self.media != Media::Pdf
    }
}
