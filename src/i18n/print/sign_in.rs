//! The words of the sign-in sheet (签到表).

use crate::i18n::Lang;

texts! {
    sign_in_sign_sheet: "签到表", " — sign-in sheet";
    sign_in_time: "时间", "Time";
    sign_in_field_gap: "　　", "    ";
    sign_in_no: "序号", "No.";
    sign_in_signature: "签名", "Signature";
}
