//! The bundled CJK font (Noto Sans SC, subset; SIL Open Font License, see `assets/fonts/`),
//! installed in egui by the app and by the tests alike so Chinese never renders as boxes.

use std::sync::Arc;

/// Noto Sans CJK SC Regular, subset by `assets/fonts/subset.sh`.
pub const CJK_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular-Subset.otf");

const CJK_FONT_NAME: &str = "noto-sans-sc";

/// Adds the CJK font after egui's default fonts, for proportional and monospace text.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(egui::FontData::from_static(CJK_REGULAR)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}
