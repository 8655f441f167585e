//! Labels of the 两三三任务 screen.

use crate::i18n::Lang;

texts! {
    nav_tasks: "两三三任务", "Duties and tasks";
}
