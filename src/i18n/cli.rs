//! The command line's words: usage errors, reports of check, merge and import.

use super::Lang;

texts! {
    cli_need_db: "请用 --db 指明工作室文件", "--db PATH is required";
    cli_import_people_usage: "用法：import-people 表格 --db 文件 [--dry-run] [--skip-errors]", "usage: import-people FILE --db PATH [--dry-run] [--skip-errors]";
    cli_archive_usage: "用法：archive --period 2026 -o 文件夹 --db 文件", "usage: archive --period 2026 -o FOLDER --db PATH";
    cli_attach_usage: "用法：attach 活动编号 文件… --db 文件 [--caption 说明] [--scan]", "usage: attach SESSION_NO FILE… --db PATH [--caption TEXT] [--scan]";
    cli_need_pdf_output: "请用 -o 指明输出文件（.pdf 或 Word 的 .docx）", "-o FILE.pdf (or FILE.docx for Word) is required";
    cli_need_share_output: "请用 -o 指明分享文件", "-o FILE is required";
    cli_need_export_output: "请用 -o 指明导出文件（.xlsx 或 .csv）", "-o FILE.xlsx|FILE.csv is required";
    cli_print_usage: "用法：print summary|sign-in 活动编号 -o 文件.pdf|文件.docx --db 文件，或 print problems|ranking|report --period 期间、print letters [--group 团名]、print checkups|appraisals --year 年度、print checkup --year 年度 --who 姓名、print bases --year 年度、print base --name 基地名称或编号、print duties、print tasks|decisions --period 期间、print decision --id 编号|--title 事项 -o 文件.pdf|文件.docx --db 文件", "usage: print summary|sign-in SESSION_NO -o FILE.pdf|FILE.docx --db PATH, or print problems|ranking|report --period P, print letters [--group NAME], print checkups|appraisals --year Y, print checkup --year Y --who NAME, print bases --year Y, print base --name NAME|NO, print duties, print tasks|decisions --period P, print decision --id NO|--title TEXT -o FILE.pdf|FILE.docx --db PATH";
    cli_need_period: "请用 --period 指明期间", "--period is required";
    cli_not_merged_other_studio: "未合并：这是另一个工作室的文件；确定要合并时请加上 --other-studio。", "Not merged: the file belongs to another studio; add --other-studio to merge it all the same.";
    cli_passphrase_on_standard_input: "--passphrase：请从标准输入给出口令（一行）。", "--passphrase: give the passphrase on standard input (one line).";
    cli_file: "文件", "file";
    cli_integrity: "完整性", "integrity";
    cli_schema_version: "数据版本", "schema version";
    cli_this_build: "本程序", "this build";
    cli_live: "条有效", "live";
    cli_deleted: "条已删除", "deleted";
    cli_add_passphrase_give_standard: "（加上 --passphrase，从标准输入给出口令）", " (add --passphrase and give it on standard input)";
    cli_records: "记录", "records";
    cli_new: "新增", "new";
    cli_updated: "更新", "updated";
    cli_deleted_2: "删除", "deleted";
    cli_conflicts: "冲突", "conflicts";
    cli_list_separator: "、", ", ";
    cli_note_other_file_s: "注意：对方文件的时间比本机晚一天以上，对方电脑的日期可能不对。", "Note: the other file's clock is more than a day ahead of this laptop's; its date may be wrong.";
    cli_nothing_merge: "没有需要合并的改动。", "Nothing to merge.";
    cli_merge_itself_will_need: "真正合并时须加上 --other-studio。", "The merge itself will need --other-studio.";
    cli_dry_run_nothing_written: "（预览，未写入）", "(dry run: nothing written)";
    cli_dry_run_nothing_written_2: "（试运行：未写入任何内容）", "(dry run: nothing written)";
    cli_empty_studio_written: "已新建空的工作室", "empty studio written to";
    cli_demo_studio_written: "演示工作室已写入", "demo studio written to";
    cli_passphrase: "口令：", "Passphrase: ";
    cli_bench_merge_needs_db: "用法：bench merge --db 县级文件", "usage: bench merge --db COUNTY.db";
    cli_see_help: "（用法见 --help）", " (see --help)";
    cli_bad_argument: "参数有误：", "bad argument: ";
    cli_expected_exactly_one: "需要且只需要一个 ", "expected exactly one ";
    cli_not_period: "不是有效的期间：", "not a period: ";
    cli_write_2021_2021_h1: "（请写 2021、2021-H1、2021-Q3 或 2021-05）", " (write 2021, 2021-H1, 2021-Q3 or 2021-05)";
    cli_output_file_must_end: "输出文件名须以 .pdf 或 .docx 结尾：", "the output file must end in .pdf or .docx: ";
    cli_use_demo_or_county: "只能是 demo 或 county", "use demo or county";
    cli_unknown_command: "没有这个命令：", "unknown command ";
    cli_no_such_ledger: "没有这个台账：", "no such ledger: ";
    cli_session_id_number: "活动编号应写成 20261120-a3f9（活动页上显示的编号）：", "a session number looks like 20261120-a3f9 (as its page shows): ";
}

impl Lang {
    /// `import-people` stopped: rows in error and `--skip-errors` not given.
    pub fn cli_people_rows_in_error(self, rows: usize) -> String {
        match self {
            Self::Zh => format!(
                "有 {rows} 行不能导入（见上），未写入任何内容；请改正后重试，或加上 --skip-errors 跳过这些行"
            ),
            Self::En => format!(
                "{rows} rows cannot be imported (listed above), so nothing was written; correct them and try again, or add --skip-errors to leave them out"
            ),
        }
    }
}
