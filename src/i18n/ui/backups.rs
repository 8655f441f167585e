//! The labels of the backups dialog (`ui/backups.rs`).

use crate::i18n::Lang;

texts! {
    backups_title: "备份与恢复", "Backups";
    backups_note: "每天打开程序时、每次导入和合并之前都会自动备份到本文件旁的「名称-备份」文件夹，最多保留 30 份。恢复之前会先把当前文件备份。", "The file is backed up into the “name-备份” folder beside it each day it is opened and before every import and merge; the newest 30 are kept. Restoring backs up the file as it is first.";
    backups_none: "还没有备份。", "No backups yet.";
    backup_now: "立即备份", "Back up now";
    restore_backup: "恢复…", "Restore…";
    restore_confirm: "确认恢复", "Restore";
}
