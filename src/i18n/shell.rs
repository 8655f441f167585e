//! Words the shell and a few screens say in passing (file names suggested, notices).

use super::Lang;

texts! {
    say_studio_share: "书记工作室分享", "studio-share";
    work_could_not_start: "无法启动后台任务：", "Could not start the work: ";
    work_stopped_nothing_written: "后台任务意外中止，未写入文件。", "The work stopped unexpectedly; nothing was written.";
    work_stopped: "后台任务意外中止。", "The work stopped unexpectedly.";
    say_cannot_start_window: "无法启动图形界面", "cannot start the window";
    say_program_hit_fault_must: "程序出错，需要关闭。已保存的内容都在工作室文件里，没有丢失；重新打开即可继续。请把下面这段话告诉维护人员：", "The program hit a fault and must close. Everything saved is in the studio file; open the program again to go on. Please pass this on to whoever maintains it:";
    say_l: "迟", "L";
    say_e: "假", "E";
    say_colon: "：", ": ";
    say_default_town: "古城镇", "";
    say_list_separator: "、", ", ";
    say_yes: "是", "yes";
    say_no: "否", "no";
    say_open_bracket: "（", " (";
    say_close_bracket: "）", ")";
    say_stays: "（保留这一条）", "(stays)";
    say_semicolon: "；", "; ";
    say_studio_db: "古城镇书记工作室.db", "studio.db";
    say_studio_copy: "书记工作室副本", "studio-copy";
}
