//! The words of the letters of appointment (聘书) and of printing them from the command line.

use crate::i18n::Lang;

texts! {
    certificate_document: "聘书", "letters of appointment";
    certificate_title: "聘　　书", "LETTER OF APPOINTMENT";
    certificate_none: "没有可打印的聘书：没有任期内的成员。", "No letters to print: no member is in office.";
}

impl Lang {
    /// 兹聘请 李秀英 同志为妇女团成员，聘期自 2026年1月1日 至 2028年12月31日。
    pub fn certificate_body(
        self,
        name: &str,
        group: &str,
        role: &str,
        from: &str,
        until: Option<&str>,
    ) -> String {
        match (self, until) {
            (Self::Zh, Some(until)) => {
                format!("兹聘请 {name} 同志为{group}{role}，聘期自 {from} 至 {until}。")
            }
            (Self::Zh, None) => format!("兹聘请 {name} 同志为{group}{role}，聘期自 {from} 起。"),
            (Self::En, Some(until)) => format!(
                "We hereby appoint Comrade {name} as {role} of the {group}, for a term from {from} to {until}."
            ),
            (Self::En, None) => format!(
                "We hereby appoint Comrade {name} as {role} of the {group}, for a term from {from}."
            ),
        }
    }

    /// 〈团名〉聘书, or the member's: 〈姓名〉聘书.
    pub fn certificate_document_of(self, whose: &str) -> String {
        match self {
            Self::Zh => format!("{whose}聘书"),
            Self::En => format!("{whose} letters of appointment"),
        }
    }

    /// What `print letters` numbered before printing.
    pub fn certificate_numbered(self, count: usize) -> String {
        match self {
            Self::Zh if count == 0 => "无需编号：每份聘书都已有编号。".to_owned(),
            Self::Zh => format!("已为 {count} 份聘书编号（今天发证）。"),
            Self::En if count == 0 => "Nothing to number: every letter has its number.".to_owned(),
            Self::En if count == 1 => "Numbered 1 letter (issued today).".to_owned(),
            Self::En => format!("Numbered {count} letters (issued today)."),
        }
    }

    /// `--group` names no group: which there are.
    pub fn certificate_no_such_group(self, name: &str, groups: &[String]) -> String {
        match self {
            Self::Zh => format!("没有名为「{name}」的团。现有：{}", groups.join("、")),
            Self::En => format!(
                "No group is named “{name}”. The groups: {}",
                groups.join(", ")
            ),
        }
    }
}
