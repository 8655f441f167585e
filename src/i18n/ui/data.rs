//! The labels of what shows while a screen's data is read (`ui/data.rs`).

use crate::i18n::Lang;

texts! {
    loading: "正在读取…", "Loading…";
    load_stopped: "读取数据时出错，请换一个页面再回来。", "Reading the data failed; open another screen and come back.";
}
