//! The labels of the shared widgets (`ui/widgets.rs`).

use crate::i18n::Lang;

texts! {
    save_pdf: "另存为 PDF…", "Save PDF…";
    save_word: "另存为 Word…", "Save Word…";
    filter_hint: "输入筛选", "Type to filter";
}

impl Lang {
    /// The language the window is drawn in (set by the shell each frame), for widgets drawn
    /// without one at hand.
    pub fn of(ctx: &egui::Context) -> Self {
        ctx.data(|d| d.get_temp(Self::data_id()))
            .unwrap_or_default()
    }

    /// Tells widgets which language the window is drawn in.
    pub fn set_for(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_temp(Self::data_id(), self));
    }

    fn data_id() -> egui::Id {
        egui::Id::unique("interface-language")
    }
}
