//! How the window looks: the system's light or dark setting (light where it is unknown, as
//! offices print on white paper), a calm blue accent like the office suites beside it (WPS),
//! room between rows, and text a size up from egui's defaults for reading Chinese.

use egui::{Color32, CornerRadius, FontId, Stroke, TextStyle, Theme, ThemePreference};

/// The accent: buttons chosen, links, the selection.
const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x5b, 0xc7);

/// Installs the CJK font and the look, for both themes.
pub fn install(ctx: &egui::Context) {
    crate::fonts::install(ctx);
    ctx.options_mut(|o| {
        o.theme_preference = ThemePreference::System;
        o.fallback_theme = Theme::Light;
    });
    ctx.style_mut_of(Theme::Light, light);
    ctx.style_mut_of(Theme::Dark, dark);
    ctx.all_styles_mut(common);
}

/// What both themes share: sizes, spacing, corners.
fn common(style: &mut egui::Style) {
    use egui::FontFamily::{Monospace, Proportional};
    style.text_styles = [
        (TextStyle::Small, FontId::new(12.0, Proportional)),
        (TextStyle::Body, FontId::new(15.0, Proportional)),
        (TextStyle::Button, FontId::new(15.0, Proportional)),
        (TextStyle::Heading, FontId::new(21.0, Proportional)),
        (TextStyle::Monospace, FontId::new(14.0, Monospace)),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(10.0, 4.0);
    style.spacing.interact_size.y = 24.0;
    // Room for a branch's name (东坪村党支部) in a drop-down.
    style.spacing.combo_width = 130.0;
    style.visuals.window_corner_radius = CornerRadius::same(8);
    style.visuals.menu_corner_radius = CornerRadius::same(6);
    for widget in [
        &mut style.visuals.widgets.inactive,
        &mut style.visuals.widgets.hovered,
        &mut style.visuals.widgets.active,
        &mut style.visuals.widgets.open,
        &mut style.visuals.widgets.noninteractive,
    ] {
        widget.corner_radius = CornerRadius::same(4);
    }
}

/// Light: white windows on a pale grey, grey buttons, blue for what is chosen.
fn light(style: &mut egui::Style) {
    let v = &mut style.visuals;
    *v = egui::Visuals::light();
    v.panel_fill = Color32::from_rgb(0xf4, 0xf5, 0xf7);
    v.window_fill = Color32::from_rgb(0xfc, 0xfc, 0xfd);
    v.extreme_bg_color = Color32::WHITE;
    v.faint_bg_color = Color32::from_rgb(0xee, 0xf1, 0xf5);
    v.window_stroke = Stroke::new(1.0, Color32::from_rgb(0xd5, 0xd9, 0xe0));
    v.selection.bg_fill = Color32::from_rgb(0xd4, 0xe3, 0xfc);
    v.selection.stroke = Stroke::new(1.0, ACCENT);
    v.hyperlink_color = ACCENT;
    v.widgets.inactive.weak_bg_fill = Color32::from_rgb(0xe9, 0xec, 0xf1);
    v.widgets.inactive.bg_fill = Color32::from_rgb(0xe9, 0xec, 0xf1);
    v.widgets.hovered.weak_bg_fill = Color32::from_rgb(0xdc, 0xe5, 0xf3);
    v.widgets.hovered.bg_fill = Color32::from_rgb(0xdc, 0xe5, 0xf3);
    v.widgets.active.weak_bg_fill = Color32::from_rgb(0xc9, 0xd8, 0xf0);
    v.widgets.active.bg_fill = Color32::from_rgb(0xc9, 0xd8, 0xf0);
    // Fields and buttons keep an edge on white windows, as in an office form.
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_rgb(0xc6, 0xcc, 0xd5));
    v.widgets.noninteractive.fg_stroke.color = Color32::from_rgb(0x22, 0x26, 0x2e);
    v.widgets.inactive.fg_stroke.color = Color32::from_rgb(0x22, 0x26, 0x2e);
}

/// Dark: egui's own, with the same blue for what is chosen.
fn dark(style: &mut egui::Style) {
    let v = &mut style.visuals;
    *v = egui::Visuals::dark();
    v.selection.bg_fill = Color32::from_rgb(0x2a, 0x4f, 0x8f);
    v.selection.stroke = Stroke::new(1.0, Color32::from_rgb(0xb8, 0xd0, 0xff));
    v.hyperlink_color = Color32::from_rgb(0x8a, 0xb4, 0xff);
    // egui's grey text reads dim on dark: titles and labels a step brighter, as in light.
    v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(0xd8);
    v.widgets.inactive.fg_stroke.color = Color32::from_gray(0xe0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_where_the_system_says_nothing_and_both_themes_styled() {
        let ctx = egui::Context::default();
        install(&ctx);
        ctx.options(|o| {
            assert_eq!(o.theme_preference, ThemePreference::System);
            assert_eq!(o.fallback_theme, Theme::Light);
        });
        assert_eq!(ctx.theme(), Theme::Light, "no system theme known");
        assert_eq!(
            ctx.style_of(Theme::Light).visuals.extreme_bg_color,
            Color32::WHITE
        );
        assert!(ctx.style_of(Theme::Dark).visuals.dark_mode);
        let body = ctx.style_of(Theme::Dark).text_styles[&TextStyle::Body].size;
        assert!((body - 15.0).abs() < f32::EPSILON, "{body}");
    }
}
