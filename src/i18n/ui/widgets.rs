//! The labels of the shared widgets (`ui/widgets.rs`).

use crate::i18n::Lang;

texts! {
    save_pdf: "另存为 PDF…", "Save PDF…";
}
