//! Labels of the 产业基地 screen.

use crate::i18n::Lang;

texts! {
    nav_bases: "产业基地", "Bases";
}
