//! Labels of the 四议两公开 screen.

use crate::i18n::Lang;

texts! {
    nav_decisions: "四议两公开", "Village decisions";
}
