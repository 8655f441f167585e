//! Reading a photo or scan the user attaches: checked and refused with a reason before
//! anything is written (too large, not a picture, damaged, too many pixels to decode), turned
//! upright by its EXIF orientation, its capture time read, and scaled to a copy for documents
//! and the viewer (long side at most 1600 pixels) and a thumbnail. A file from another
//! village goes through `decode_limited` too before it is drawn.

use crate::domain::picture::Media;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest original kept (8 MB): a phone photo is 2–6 MB.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;
/// The long side of the copy documents and the viewer use.
pub const DISPLAY_SIDE: u32 = 1600;
/// The long side of a thumbnail.
pub const THUMB_SIDE: u32 = 240;
/// The most pixels along a side decoded (a 50-megapixel phone's photo is 8160 wide).
const MAX_SIDE: u32 = 12_000;
/// The most memory one decode may take (a 12,000 × 4,400 photo in RGB).
const MAX_ALLOC: u64 = 160 * 1024 * 1024;

/// Why a file cannot be attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureError {
    /// Larger than `MAX_BYTES` (its size in bytes).
    TooLarge(u64),
    /// Neither JPEG, PNG nor PDF.
    NotAPicture,
    /// An iPhone's HEIC photo, which we cannot read yet.
    Heic,
    /// Cut short or damaged (the decoder's words).
    Damaged(String),
    /// More pixels than a photo has (a decompression bomb): width and height declared.
    TooManyPixels(u32, u32),
    /// The file could not be read.
    Unreadable(String),
}

/// A picture ready to store.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// SHA-256 of the original, hex.
    pub digest: String,
    /// How the original is stored.
    pub media: Media,
    /// Upright width and height (0 for PDF).
    pub size: (u32, u32),
    /// From EXIF: `YYYY-MM-DD HH:MM`.
    pub taken_at: Option<String>,
    /// The file's bytes as given.
    pub original: Vec<u8>,
    /// JPEG, long side ≤ `DISPLAY_SIDE` (empty for PDF).
    pub display: Vec<u8>,
    /// JPEG, long side ≤ `THUMB_SIDE` (empty for PDF).
    pub thumb: Vec<u8>,
}

/// Reads `path` (at most `MAX_BYTES`, refused before reading if larger) and prepares it.
pub fn read(path: &Path) -> Result<Prepared, PictureError> {
    prepare(read_bytes(path)?)
}

/// The bytes of `path`, at most `MAX_BYTES` (refused before reading if larger): their digest
/// tells a picture attached already before it is decoded.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, PictureError> {
    let file = std::fs::File::open(path).map_err(|e| PictureError::Unreadable(e.to_string()))?;
    let length = file
        .metadata()
        .map_err(|e| PictureError::Unreadable(e.to_string()))?
        .len();
    if length > MAX_BYTES {
        return Err(PictureError::TooLarge(length));
    }
    let mut bytes = Vec::with_capacity(length as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| PictureError::Unreadable(e.to_string()))?;
    Ok(bytes)
}

/// The pictures a typed path names: the file, or a folder's JPEG, PNG and PDF files in name
/// order.
pub fn files_at(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_owned()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension().is_some_and(|e| {
                            ["jpg", "jpeg", "png", "pdf"]
                                .iter()
                                .any(|x| e.eq_ignore_ascii_case(x))
                        })
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The SHA-256 of `bytes`, hex.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::Digest;
    let hash = sha2::Sha256::digest(bytes);
    hash.iter().fold(String::with_capacity(64), |mut text, b| {
        use std::fmt::Write;
        let _ = write!(text, "{b:02x}");
        text
    })
}

/// What `bytes` hold, by their first bytes.
fn sniff(bytes: &[u8]) -> Result<Media, PictureError> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(Media::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(Media::Png)
    } else if bytes.starts_with(b"%PDF-") {
        Ok(Media::Pdf)
    } else if bytes.len() > 12
        && &bytes[4..8] == b"ftyp"
        && [&b"heic"[..], b"heix", b"mif1", b"heim", b"heis", b"hevc"].contains(&&bytes[8..12])
    {
        Err(PictureError::Heic)
    } else {
        Err(PictureError::NotAPicture)
    }
}

/// Checks and prepares the bytes of a picture.
pub fn prepare(original: Vec<u8>) -> Result<Prepared, PictureError> {
    if original.len() as u64 > MAX_BYTES {
        return Err(PictureError::TooLarge(original.len() as u64));
    }
    let media = sniff(&original)?;
    let digest = digest(&original);
    if media == Media::Pdf {
        // A scan as PDF is kept as it is: its end must be there.
        let tail = &original[original.len().saturating_sub(1024)..];
        if !tail.windows(5).any(|w| w == b"%%EOF") {
            return Err(PictureError::Damaged("%%EOF".to_owned()));
        }
        return Ok(Prepared {
            digest,
            media,
            size: (0, 0),
            taken_at: None,
            original,
            display: Vec::new(),
            thumb: Vec::new(),
        });
    }
    if media == Media::Jpeg && !original.windows(2).any(|w| w == [0xFF, 0xD9]) {
        // A JPEG cut short (a copy stopped half way) has no end marker; the decoder would
        // fill the missing part with grey.
        return Err(PictureError::Damaged("EOI".to_owned()));
    }
    // Scaled down as soon as it is decoded, then turned upright: the photo at full size is in
    // memory once, for as long as it takes to scale it (a 12-megapixel photo is 36 MB).
    let decoded = decode_scaled(&original, true, Some(DISPLAY_SIDE))?;
    let (image, taken_at, size) = (decoded.image, decoded.taken_at, decoded.size);
    let display = jpeg_within(&image, DISPLAY_SIDE, 85)?;
    let thumb = jpeg_within(&image, THUMB_SIDE, 80)?;
    Ok(Prepared {
        digest,
        media,
        size,
        taken_at,
        original,
        display,
        thumb,
    })
}

/// Decodes a JPEG or PNG within the limits, upright by its EXIF orientation; with `exif`, also
/// its capture time.
pub fn decode_limited(
    bytes: &[u8],
    exif: bool,
) -> Result<(image::DynamicImage, Option<String>), PictureError> {
    let decoded = decode_scaled(bytes, exif, None)?;
    Ok((decoded.image, decoded.taken_at))
}

/// A picture decoded: upright, perhaps scaled down.
struct Decoded {
    image: image::DynamicImage,
    taken_at: Option<String>,
    /// The full picture's size, upright.
    size: (u32, u32),
}

/// Decodes within the limits, scaled so its long side is at most `within` before it is turned
/// upright (turning a full photo would copy it).
fn decode_scaled(bytes: &[u8], exif: bool, within: Option<u32>) -> Result<Decoded, PictureError> {
    use image::ImageDecoder;
    use image::metadata::Orientation;
    let damaged = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => PictureError::TooManyPixels(0, 0),
        other => PictureError::Damaged(other.to_string()),
    };
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PictureError::Damaged(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let (width, height) = decoder.dimensions();
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) * 4 > MAX_ALLOC
    {
        return Err(PictureError::TooManyPixels(width, height));
    }
    decoder.set_limits(limits).map_err(damaged)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let taken_at = if exif {
        decoder
            .exif_metadata()
            .ok()
            .flatten()
            .and_then(|raw| capture_time(&raw))
    } else {
        None
    };
    let mut image = image::DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => PictureError::TooManyPixels(width, height),
        other => PictureError::Damaged(other.to_string()),
    })?;
    if let Some(side) = within
        && image.width().max(image.height()) > side
    {
        image = image.thumbnail(side, side);
    }
    image.apply_orientation(orientation);
    let turned = matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    let size = if turned {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Decoded {
        image,
        taken_at,
        size,
    })
}

/// `DateTimeOriginal` (or `DateTime`) of an EXIF block, as `YYYY-MM-DD HH:MM`.
fn capture_time(raw: &[u8]) -> Option<String> {
    let exif = exif::Reader::new().read_raw(raw.to_vec()).ok()?;
    let field = exif
        .get_field(exif::Tag::DateTimeOriginal, exif::In::PRIMARY)
        .or_else(|| exif.get_field(exif::Tag::DateTime, exif::In::PRIMARY))?;
    let exif::Value::Ascii(values) = &field.value else {
        return None;
    };
    let text = std::str::from_utf8(values.first()?).ok()?;
    // "2026:05:20 09:31:02"
    let (date, time) = text.trim().split_once(' ')?;
    let date = chrono::NaiveDate::parse_from_str(date, "%Y:%m:%d").ok()?;
    let time = chrono::NaiveTime::parse_from_str(time.get(..5)?, "%H:%M").ok()?;
    Some(format!(
        "{} {}",
        date.format("%Y-%m-%d"),
        time.format("%H:%M")
    ))
}

/// `image` scaled so its long side is at most `side`, as JPEG of `quality`.
fn jpeg_within(
    image: &image::DynamicImage,
    side: u32,
    quality: u8,
) -> Result<Vec<u8>, PictureError> {
    let scaled = if image.width().max(image.height()) > side {
        image.thumbnail(side, side)
    } else {
        image.clone()
    };
    let rgb = scaled.to_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&rgb)
        .map_err(|e| PictureError::Damaged(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JPEG of `w` × `h` pixels.
    pub(crate) fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&image)
            .expect("jpeg");
        out
    }

    #[test]
    fn a_photo_is_scaled_to_a_display_copy_and_a_thumbnail() {
        let prepared = prepare(jpeg(2400, 1800)).expect("prepared");
        assert_eq!(prepared.media, Media::Jpeg);
        assert_eq!(prepared.size, (2400, 1800));
        assert_eq!(prepared.digest.len(), 64);
        let (display, _) = decode_limited(&prepared.display, false).expect("display");
        assert_eq!((display.width(), display.height()), (1600, 1200));
        let (thumb, _) = decode_limited(&prepared.thumb, false).expect("thumb");
        assert_eq!(thumb.width(), 240);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let good = jpeg(64, 48);
        assert!(matches!(
            prepare(good[..good.len() / 2].to_vec()),
            Err(PictureError::Damaged(_))
        ));
        assert_eq!(
            prepare(b"this is a text file named .jpg".to_vec()).err(),
            Some(PictureError::NotAPicture)
        );
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypheic\0\0\0\0");
        assert_eq!(prepare(heic).err(), Some(PictureError::Heic));
        assert!(matches!(
            prepare(vec![0xFF; (MAX_BYTES + 1) as usize]),
            Err(PictureError::TooLarge(_))
        ));
    }

    #[test]
    fn a_200_mb_file_is_refused_before_it_is_read() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("录像.jpg");
        let file = std::fs::File::create(&path).expect("create");
        // Sparse: 200 MB said, nothing written (reading it would take 200 MB).
        file.set_len(200 * 1024 * 1024).expect("length");
        drop(file);
        assert_eq!(
            read(&path).err(),
            Some(PictureError::TooLarge(200 * 1024 * 1024))
        );
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_decoded() {
        // A PNG that declares 30,000 × 30,000 pixels: its header alone, with a valid CRC.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&30_000u32.to_be_bytes());
        ihdr.extend_from_slice(&30_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        png.extend_from_slice(&13u32.to_be_bytes());
        png.extend_from_slice(&ihdr);
        png.extend_from_slice(&crc32fast::hash(&ihdr).to_be_bytes());
        png.extend_from_slice(&[0, 0, 0, 0]);
        png.extend_from_slice(b"IEND");
        png.extend_from_slice(&crc32fast::hash(b"IEND").to_be_bytes());
        assert!(matches!(
            prepare(png),
            Err(PictureError::TooManyPixels(30_000, 30_000) | PictureError::TooManyPixels(0, 0))
        ));
    }

    /// `jpeg` with an EXIF block: `orientation` and the capture time `when`.
    fn with_exif(jpeg: &[u8], orientation: u16, when: &str) -> Vec<u8> {
        let orientation = exif::Field {
            tag: exif::Tag::Orientation,
            ifd_num: exif::In::PRIMARY,
            value: exif::Value::Short(vec![orientation]),
        };
        let taken = exif::Field {
            tag: exif::Tag::DateTimeOriginal,
            ifd_num: exif::In::PRIMARY,
            value: exif::Value::Ascii(vec![when.as_bytes().to_vec()]),
        };
        let mut writer = exif::experimental::Writer::new();
        writer.push_field(&orientation);
        writer.push_field(&taken);
        let mut tiff = std::io::Cursor::new(Vec::new());
        writer.write(&mut tiff, false).expect("exif");
        let tiff = tiff.into_inner();
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn a_phone_photo_is_turned_upright_and_its_time_read() {
        // Taken with the phone on its side: stored 320 wide, shown 240 wide.
        let photo = with_exif(&jpeg(320, 240), 6, "2026:05:20 09:31:02");
        let prepared = prepare(photo).expect("prepared");
        assert_eq!(prepared.size, (240, 320), "upright");
        assert_eq!(prepared.taken_at.as_deref(), Some("2026-05-20 09:31"));
        let (thumb, _) = decode_limited(&prepared.thumb, false).expect("thumb");
        assert!(
            thumb.height() > thumb.width(),
            "the thumbnail is upright too"
        );
    }

    #[test]
    fn a_pdf_scan_is_kept_whole() {
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
        let prepared = prepare(pdf.clone()).expect("pdf");
        assert_eq!(prepared.media, Media::Pdf);
        assert_eq!(prepared.original, pdf);
        assert!(prepare(pdf[..20].to_vec()).is_err(), "a PDF cut short");
    }
}
