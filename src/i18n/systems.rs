//! Labels of the five systems' screens and the six responsibilities.

use super::Lang;

texts! {
    error_not_hours: "请填写 0–24 之间的学时", "Hours between 0 and 24";
}
