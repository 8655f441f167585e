//! Labels of the 日程 screen.

use crate::i18n::Lang;

texts! {
    nav_calendar: "日程", "Calendar";
}
