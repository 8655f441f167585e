//! Photos and scans on a session's or a problem's page (一事一档): thumbnails, 添加照片… and
//! 添加签到表扫描件…, and a viewer to page through them, caption them and delete one (with
//! Undo). Pictures can also be dragged onto the window (the shell sends them here).

use super::browse::{Browse, Mode, Request};
use super::{Change, Command, ViewContext};
use crate::domain::picture::{Media, PictureInfo, PictureKind, PictureOwner};
use crate::i18n::Lang;
use crate::store::{PictureCopy, SystemRecord};
use egui::{RichText, Ui};
use std::collections::HashMap;
use std::path::PathBuf;

/// What 浏览… looks for.
const PICTURES: Request<'static> = Request {
    mode: Mode::FileOrFolder,
    kind: "JPEG / PNG / PDF",
    extensions: &["jpg", "jpeg", "png", "pdf"],
};

/// The side of a thumbnail on the page, in points.
const THUMB: f32 = 104.0;
/// Thumbnails decoded per frame at most: a page of many photos fills in over a few frames
/// instead of holding one frame up.
const DECODES_PER_FRAME: usize = 6;

/// The pictures of the record on the page, with their decoded thumbnails.
#[derive(Default)]
pub struct Pictures {
    /// Per digest its thumbnail, `None` if it could not be drawn: of `shown` only, so
    /// paging through many sessions does not gather textures.
    thumbs: HashMap<String, Option<egui::TextureHandle>>,
    /// The record whose pictures are shown.
    shown: Option<PictureOwner>,
    viewer: Option<Viewer>,
    attach: Option<AttachDialog>,
}

/// The viewer, open on one picture.
struct Viewer {
    index: usize,
    /// The picture whose copy is loaded, and the copy.
    loaded: Option<(String, Option<egui::TextureHandle>)>,
    /// The caption and kind as edited, for the picture `editing`.
    caption: String,
    kind: PictureKind,
    editing: Option<crate::domain::picture::PictureId>,
}

/// 添加照片… / 添加签到表扫描件…: a file or a folder of pictures, and their caption.
struct AttachDialog {
    kind: PictureKind,
    path: String,
    caption: String,
    browse: Browse,
    /// What the typed path names, looked up when the text changes, not every frame: (typed,
    /// is a folder, the files, all there).
    looked: Option<(String, bool, Vec<PathBuf>, bool)>,
}

impl Pictures {
    /// Forgets the thumbnails (another file was opened).
    pub fn clear(&mut self) {
        self.thumbs.clear();
        self.viewer = None;
        self.attach = None;
    }

    /// Whether a box of its own is open over the page (keys belong to it).
    pub fn is_open(&self) -> bool {
        self.viewer.is_some() || self.attach.is_some()
    }

    /// Draws the section: its title with the add buttons, the thumbnails, and the viewer or
    /// the add dialog when open.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        owner: PictureOwner,
        pictures: &[PictureInfo],
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.shown != Some(owner) {
            self.clear();
            self.shown = Some(owner);
        }
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("{}（{}）", lang.pictures_title(), pictures.len()));
            if ui.button(lang.add_photos()).clicked() {
                self.attach = Some(AttachDialog::new(PictureKind::Photo));
            }
            if matches!(owner, PictureOwner::Session(_)) && ui.button(lang.add_scan()).clicked() {
                self.attach = Some(AttachDialog::new(PictureKind::Scan));
            }
        });
        if pictures.is_empty() {
            ui.label(RichText::new(lang.pictures_drop_hint()).weak());
        }
        let mut decoded = 0;
        // Rows of as many as fit the column: the thumbnails never widen the page.
        let cell = THUMB + 8.0 + ui.spacing().item_spacing.x;
        let per_row = ((ui.available_width() / cell).floor() as usize).max(1);
        for (row, chunk) in pictures.chunks(per_row).enumerate() {
            ui.horizontal(|ui| {
                for (n, picture) in chunk.iter().enumerate() {
                    let index = row * per_row + n;
                    let clicked = ui
                        .vertical(|ui| {
                            ui.set_width(THUMB + 8.0);
                            let clicked = self.thumbnail(ui, ctx, picture, &mut decoded);
                            let caption = if picture.caption.is_empty() {
                                match picture.kind {
                                    PictureKind::Scan => lang.scan_label().to_owned(),
                                    PictureKind::Photo => {
                                        picture.taken_at.clone().unwrap_or_default()
                                    }
                                }
                            } else {
                                picture.caption.clone()
                            };
                            ui.add(egui::Label::new(RichText::new(caption).small()).truncate());
                            clicked
                        })
                        .inner;
                    if clicked {
                        self.viewer = Some(Viewer {
                            index,
                            loaded: None,
                            caption: String::new(),
                            kind: picture.kind,
                            editing: None,
                        });
                    }
                }
            });
        }
        if decoded >= DECODES_PER_FRAME {
            ui.ctx().request_repaint();
        }
        if let Some(dialog) = &mut self.attach {
            let (command, closed) = dialog.ui(ui, lang, owner);
            if let Some(command) = command {
                commands.push(command);
                self.attach = None;
            } else if closed {
                self.attach = None;
            }
        }
        if let Some(viewer) = &mut self.viewer {
            let (mut asked, closed) = viewer.ui(ui, ctx, pictures);
            commands.append(&mut asked);
            if closed || pictures.is_empty() {
                self.viewer = None;
            }
        }
        commands
    }

    /// One thumbnail as a button; decodes it first if this frame still may.
    fn thumbnail(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        picture: &PictureInfo,
        decoded: &mut usize,
    ) -> bool {
        let name = format!("{} {}", ctx.lang.picture_word(), picture.file_name);
        if picture.media == Media::Pdf {
            let response = ui.add_sized([THUMB, THUMB], egui::Button::new(ctx.lang.pdf_tile()));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            return response.on_hover_text(&picture.file_name).clicked();
        }
        if !self.thumbs.contains_key(&picture.digest) {
            if *decoded >= DECODES_PER_FRAME {
                ui.add_sized([THUMB, THUMB], egui::Spinner::new());
                return false;
            }
            *decoded += 1;
            let texture = ctx
                .store
                .picture_bytes(&picture.digest, PictureCopy::Thumb)
                .ok()
                .flatten()
                .and_then(|bytes| texture(ui.ctx(), &format!("thumb-{}", picture.digest), &bytes));
            self.thumbs.insert(picture.digest.clone(), texture);
        }
        let response = match self.thumbs.get(&picture.digest).and_then(Option::as_ref) {
            // A square cell each, upright and lying photos alike: the captions line up.
            Some(texture) => ui.add_sized(
                [THUMB, THUMB],
                egui::Button::image(
                    egui::Image::new(texture)
                        .max_size(egui::vec2(THUMB, THUMB))
                        .maintain_aspect_ratio(true),
                )
                .frame(false),
            ),
            None => ui.add_sized([THUMB, THUMB], egui::Button::new("?")),
        };
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        response.on_hover_text(&picture.file_name).clicked()
    }
}

/// Decodes a stored JPEG copy (within the limits a foreign file's bytes need) into a texture.
fn texture(ctx: &egui::Context, name: &str, bytes: &[u8]) -> Option<egui::TextureHandle> {
    let (image, _) = crate::pictures::decode_limited(bytes, false).ok()?;
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    let image = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
    Some(ctx.load_texture(name, image, egui::TextureOptions::LINEAR))
}

impl Viewer {
    /// Draws the viewer over the page; returns what it asks for and whether it was closed.
    fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        pictures: &[PictureInfo],
    ) -> (Vec<Command>, bool) {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let mut closed = false;
        if pictures.is_empty() {
            return (commands, true);
        }
        self.index = self.index.min(pictures.len() - 1);
        let picture = &pictures[self.index];
        let shown = self.index;
        if self.editing != Some(picture.id) {
            self.editing = Some(picture.id);
            self.caption.clone_from(&picture.caption);
            self.kind = picture.kind;
        }
        if self
            .loaded
            .as_ref()
            .is_none_or(|(d, _)| *d != picture.digest)
        {
            let texture = if picture.is_image() {
                ctx.store
                    .picture_bytes(&picture.digest, PictureCopy::Display)
                    .ok()
                    .flatten()
                    .and_then(|b| texture(ui.ctx(), &format!("view-{}", picture.digest), &b))
            } else {
                None
            };
            self.loaded = Some((picture.digest.clone(), texture));
        }
        let screen = ui.ctx().content_rect();
        let modal = super::widgets::modal("picture-viewer").show(ui.ctx(), |ui| {
            let width = (screen.width() - 80.0).clamp(320.0, 1000.0);
            ui.set_width(width);
            ui.horizontal(|ui| {
                ui.heading(format!(
                    "{} {}/{}",
                    lang.pictures_title(),
                    self.index + 1,
                    pictures.len()
                ));
                ui.label(RichText::new(&picture.file_name).weak());
            });
            let room = egui::vec2(width, (screen.height() - 300.0).max(160.0));
            match self.loaded.as_ref().and_then(|(_, t)| t.as_ref()) {
                Some(texture) => {
                    ui.vertical_centered(|ui| {
                        ui.add(
                            egui::Image::new(texture)
                                .max_size(room)
                                .maintain_aspect_ratio(true),
                        );
                    });
                }
                None => {
                    ui.label(if picture.media == Media::Pdf {
                        lang.pdf_scan_no_preview()
                    } else {
                        lang.picture_cannot_show()
                    });
                }
            }
            let mut facts = Vec::new();
            if let Some(taken) = &picture.taken_at {
                facts.push(format!("{}：{taken}", lang.taken_at()));
            }
            if picture.size.0 > 0 {
                facts.push(format!("{} × {}", picture.size.0, picture.size.1));
            }
            facts.push(format!("{:.1} MB", picture.bytes as f64 / 1024.0 / 1024.0));
            if !picture.has_original {
                facts.push(lang.original_not_here().to_owned());
            }
            ui.label(RichText::new(facts.join("　")).weak());
            ui.horizontal(|ui| {
                let label = ui.label(lang.caption());
                ui.add(egui::TextEdit::singleline(&mut self.caption).desired_width(360.0))
                    .labelled_by(label.id);
                ui.radio_value(&mut self.kind, PictureKind::Photo, lang.photo_kind());
                ui.radio_value(&mut self.kind, PictureKind::Scan, lang.scan_label());
                let changed = self.caption.trim() != picture.caption || self.kind != picture.kind;
                if ui
                    .add_enabled(changed, egui::Button::new(lang.save_caption()))
                    .clicked()
                    || (changed && super::widgets::enter_confirms(ui))
                {
                    commands.push(Command::Write(Change::SetPicture(
                        picture.id,
                        self.kind,
                        self.caption.trim().to_owned(),
                    )));
                }
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let typing = ui.memory(|m| m.focused().is_some());
                let (left, right) = ui.input(|i| {
                    (
                        !typing && i.key_pressed(egui::Key::ArrowLeft),
                        !typing && i.key_pressed(egui::Key::ArrowRight),
                    )
                });
                if ui
                    .add_enabled(self.index > 0, egui::Button::new(lang.previous_picture()))
                    .clicked()
                    || (left && self.index > 0)
                {
                    self.index -= 1;
                }
                if ui
                    .add_enabled(
                        self.index + 1 < pictures.len(),
                        egui::Button::new(lang.next_picture()),
                    )
                    .clicked()
                    || (right && self.index + 1 < pictures.len())
                {
                    self.index += 1;
                }
                ui.separator();
                // Greyed, not removed, when the original did not come: the buttons after it
                // stay where they are (删除这张 must not slide under the pointer).
                if ui
                    .add_enabled(
                        picture.has_original,
                        egui::Button::new(lang.open_original()),
                    )
                    .clicked()
                {
                    commands.push(open_original(ctx, picture));
                }
                if ui.button(lang.delete_picture()).clicked() {
                    commands.push(Command::Write(Change::DeleteRecord(SystemRecord::Picture(
                        picture.id,
                    ))));
                    // The status line's 撤销 must be in reach: the viewer closes.
                    closed = true;
                }
                if ui.button(lang.close()).clicked() {
                    closed = true;
                }
            });
        });
        let closed = closed || modal.should_close();
        // A caption typed and not saved is kept when the viewer pages on or closes: nothing
        // typed is lost (a deleted picture's is not).
        let deleted = commands
            .iter()
            .any(|c| matches!(c, Command::Write(Change::DeleteRecord(_))));
        let saving = commands
            .iter()
            .any(|c| matches!(c, Command::Write(Change::SetPicture(..))));
        if (closed || self.index != shown)
            && !deleted
            && !saving
            && (self.caption.trim() != picture.caption || self.kind != picture.kind)
        {
            commands.push(Command::Write(Change::SetPicture(
                picture.id,
                self.kind,
                self.caption.trim().to_owned(),
            )));
        }
        (commands, closed)
    }
}

/// Writes the original to the temporary folder under its own file name and opens it with the
/// system's program; the status line says where it is (a computer without a viewer opens
/// nothing, and may not say so).
fn open_original(ctx: &ViewContext<'_>, picture: &PictureInfo) -> Command {
    let lang = ctx.lang;
    let bytes = match ctx
        .store
        .picture_bytes(&picture.digest, PictureCopy::Original)
    {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Command::ShowError(lang.original_not_here().to_owned()),
        Err(error) => return Command::ShowError(lang.store_error(&error)),
    };
    let extension = match picture.media {
        Media::Jpeg => "jpg",
        Media::Png => "png",
        Media::Pdf => "pdf",
    };
    let folder = std::env::temp_dir()
        .join("secretary-studio-pictures")
        .join(&picture.digest[..12]);
    let stem = std::path::Path::new(&picture.file_name)
        .file_stem()
        .map(|s| crate::places::safe_file_name(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| picture.digest[..12].to_owned());
    let path = folder.join(format!("{stem}.{extension}"));
    let written = std::fs::create_dir_all(&folder)
        .and_then(|()| crate::durable::write_whole(&path, &bytes).map_err(std::io::Error::other));
    match written.map(|()| opener::open(&path)) {
        Ok(Ok(())) => Command::Status(lang.original_written(&path)),
        Ok(Err(_)) => Command::ShowError(lang.printed_no_viewer(&path)),
        Err(error) => Command::ShowError(lang.print_error(&path, &error.to_string())),
    }
}

impl AttachDialog {
    fn new(kind: PictureKind) -> Self {
        Self {
            kind,
            path: String::new(),
            caption: String::new(),
            browse: Browse::default(),
            looked: None,
        }
    }

    /// Draws the dialog; returns the command to attach, and whether it was closed.
    fn ui(&mut self, ui: &mut Ui, lang: Lang, owner: PictureOwner) -> (Option<Command>, bool) {
        let mut command = None;
        let mut closed = false;
        let modal = super::widgets::modal("attach-pictures").show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            ui.set_max_width(560.0);
            ui.heading(match self.kind {
                PictureKind::Photo => lang.add_photos_title(),
                PictureKind::Scan => lang.add_scan_title(),
            });
            ui.add_space(6.0);
            ui.label(RichText::new(lang.attach_hint()).weak());
            ui.horizontal(|ui| {
                let label = ui.label(lang.file_or_folder());
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.path).desired_width(340.0))
                    .labelled_by(label.id);
                // The path can be typed (or pasted) as soon as the dialog opens.
                if self.looked.is_none() {
                    field.request_focus();
                }
                self.browse.button(ui, lang, PICTURES, &mut self.path);
            });
            self.browse.folders(ui, lang, PICTURES, &mut self.path);
            ui.horizontal(|ui| {
                let label = ui.label(lang.caption());
                ui.add(egui::TextEdit::singleline(&mut self.caption).desired_width(340.0))
                    .labelled_by(label.id);
            });
            if self.looked.as_ref().is_none_or(|l| l.0 != self.path) {
                let typed = PathBuf::from(self.path.trim());
                let files = if self.path.trim().is_empty() {
                    Vec::new()
                } else {
                    crate::pictures::files_at(&typed)
                };
                let ready = files.iter().all(|f| f.is_file()) && !files.is_empty();
                self.looked = Some((self.path.clone(), typed.is_dir(), files, ready));
            }
            let Some((_, folder, files, ready)) = &self.looked else {
                return;
            };
            let (folder, ready) = (*folder, *ready);
            // One line always: the buttons below stay where they are while the path is typed.
            if folder {
                ui.label(lang.files_in_folder(files.len()));
            } else if !self.path.trim().is_empty() && !ready {
                ui.colored_label(super::widgets::ERROR_RED, lang.no_such_file());
            } else {
                ui.label("");
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let enter = super::widgets::enter_confirms(ui);
                if ui
                    .add_enabled(ready, egui::Button::new(lang.add_action()))
                    .clicked()
                    || (ready && enter)
                {
                    command = Some(Command::AttachPictures {
                        owner,
                        kind: self.kind,
                        caption: self.caption.trim().to_owned(),
                        paths: files.clone(),
                    });
                }
                if ui.button(lang.cancel()).clicked() {
                    closed = true;
                }
            });
        });
        (command, closed || modal.should_close())
    }
}
