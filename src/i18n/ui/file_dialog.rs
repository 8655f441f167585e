//! The labels of the dialog asking where a studio file goes or is (`ui/file_dialog.rs`).

use crate::i18n::Lang;

texts! {
    open: "打开", "Open";
    create: "创建", "Create";
    dialog_new_title: "新建工作室", "New studio";
    dialog_open_title: "打开工作室文件", "Open a studio file";
    dialog_save_copy_title: "另存副本", "Save a copy";
    dialog_merge_title: "合并其他村的文件", "Merge another village's file";
    preview_merge: "预览合并", "Preview the merge";
    dialog_share_title: "写出分享文件（带到其他村合并）", "Write a share file (to merge in another village)";
    share_action: "写出", "Write";
    share_passphrase: "口令（可不填）", "Passphrase (optional)";
    merge_passphrase: "口令（对方设了口令时填写）", "Passphrase (if the file has one)";
    passphrase_again: "再输一次口令", "Passphrase again";
    passphrase_note: "分享文件将整个加密，U盘丢了也看不到花名册里的电话等信息；合并时要输入同一个口令。请把口令另行告诉对方，不要写在U盘上。", "The whole share file is encrypted, so a lost stick gives away no phone numbers; merging asks for the same passphrase. Tell it to the other village separately, not on the stick.";
    passphrase_mismatch: "两次输入的口令不一致。", "The two passphrases differ.";
    studio_name: "工作室名称", "Studio name";
    town: "乡镇", "Town";
    file_exists_choose_another: "该位置已有同名文件；新建不会覆盖它，请换一个文件名。", "A file with that name exists; New never replaces it, so choose another name.";
    replace: "替换", "Replace";
}
