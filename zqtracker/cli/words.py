"""What the command line prints, in English and 简体中文 (Console.say); its --help is in
help_words.py. Keys: ``<command>.<what>``."""

from __future__ import annotations

from zqtracker.cli.words_more import MORE
from zqtracker.domain.words import Catalogue

_WORDS: dict[str, tuple[str, str]] = {
    "interrupted": ("interrupted; nothing more was written.", "已中断；之后没有再写入任何内容。"),
    "internal_error": (
        "internal error: {error} (details in {log})",
        "内部错误：{error}（详情见 {log}）",
    ),
    "demo_mark": ("[DEMO DATA]", "【演示数据】"),
    "demo_prefix": ("[DEMO DATA] ", "【演示数据】"),
    "filters": ("Filters: {filters}", "筛选：{filters}"),
    "list_sep": (", ", "、"),
    # round
    "round.created": ("Round {period}: {count} workbook(s) in {folder}", "{period}报表已写入 {folder}："),
    "round.created_book": ("  {name}  ({count} projects)", "  {name}  ({count} 个项目)"),
    "round.state.not_sent": ("not sent", "未下发"),
    "round.state.sent": ("sent", "已下发"),
    "round.state.returned": ("returned on {on}", "{on}已报回"),
    "round.state.imported": ("imported", "已导入"),
    "round.late_day": (", late by {days} day", "，逾期{days}天"),
    "round.late_days": (", late by {days} days", "，逾期{days}天"),
    "round.head": ("Round {period}, due {due}", "{period}报表，{due}截止"),
    "round.closed_on": (" (closed on {on})", "（已于{on}关账）"),
    "round.again": (
        "{file}: this file changes {count} figure(s) already on record for {round} (from an earlier return or "
        "import) — a corrected return: collect it with --again; a workbook of another month re-used: ask the "
        "district for this month's. Nothing was collected from it.",
        "“{file}”：本文件将改动{round}已有记录的 {count} 个数字（来自此前的回表或导入）——"
        "如为更正后的回表，请加 --again 收取；如沿用了其他月份的表格，请让该单位重新填报本月报表。本文件未收取。",
    ),
    "round.send_back_unknown": (
        "--send-back {codes}: no project of these returns has that code or id; nothing was collected",
        "--send-back {codes}：这些回表中没有该编号或系统编号的项目；未收取任何回表",
    ),
    "round.figures": (
        "{projects} projects, {lacking} lacking figures, {updated} updated, {added} added",
        "项目 {projects}，缺数 {lacking}，更新 {updated}，新增 {added}",
    ),
    "round.return": ("{district} — {label} ({file})", "{district} — {label}（{file}）"),
    "round.return_counts": (
        "  {updated} project(s) updated, {added} added, {records} monthly figure(s)",
        "  更新 {updated} 个项目，新增 {added} 个，月度数据 {records} 条",
    ),
    "round.new_project": ("new project", "新项目"),
    "round.status_change": ("status {before} → {after}", "状态 {before} → {after}"),
    "round.month_amount": ("{label} {amount}", "{month}月 {amount}"),
    "round.progress": ("progress: {text}", "进展：{text}"),
    "round.sent_back": ("sent back", "已退回"),
    "round.part_sep": ("; ", "；"),
    "round.row": ("  row {row}  {project}: {parts}", "  第{row}行  {project}：{parts}"),
    "round.accepted_mark": (" (accepted)", "（已接受）"),
    "round.sent_back_mark": (" (sent back)", "（已退回）"),
    "round.renamed": (
        "  row {row}: {field} changed to “{now}” (was “{before}”), not imported",
        "  第{row}行 {field}被改为“{now}”（原为“{before}”），未导入",
    ),
    "round.moved_since": (
        "  row {row}: {project} was moved to {now} after the workbook was sent, not imported",
        "  第{row}行 {project}在报表下发后已移至{now}，未导入",
    ),
    "round.deleted_since": (
        "  row {row}: {project} was deleted after the workbook was sent, not imported",
        "  第{row}行 {project}在报表下发后已被删除，未导入",
    ),
    "round.imported": ("  Imported.", "  已导入。"),
    "round.return_refused": (
        "{file} ({district}): not imported — {reason}",
        "“{file}”（{district}）：未导入——{reason}",
    ),
    "round.dry_run": ("  Dry run: nothing written.", "  试运行，未写入。"),
    "round.has_problems": ("  Not imported: the file has problems.", "  有问题，未导入。"),
    "round.undecided": (
        "  Not imported: {count} finding(s) undecided (--accept, --send-back).",
        "  尚有{count}条检查结果未处理，未导入（--accept 全部接受，--send-back 退回）。",
    ),
    "round.all_returned": ("Every district has returned.\n", "所有单位均已报回。\n"),
    "round.reopened": ("{period} reopened.", "{period}已重新开放。"),
    "round.closed": (
        "{period} closed at {at} UTC: completed {months} {ytd}.",
        "{period}已于{at}关账：{months}累计完成投资 {ytd}。",
    ),
    "round.closed_owing": ("  Closed without the returns of: {districts}", "  尚未导入回表的单位：{districts}"),
    # summary
    "summary.projects": (
        "Projects: {projects}    Planned investment: {planned}{lacking}    Billion-yuan projects: {billion}",
        "项目数：{projects}    计划总投资：{planned}{lacking}    十亿元以上项目：{billion}",
    ),
    "summary.completed": (
        "Completed investment {year} Jan–{month_abbr}: {ytd} (same period last year {prior}, year on year {pct})",
        "{year}年1–{month}月累计完成投资：{ytd}（上年同期 {prior}，同比 {pct}）",
    ),
    "summary.by_status": ("By status:", "按状态："),
    "summary.by_origin": ("By investor origin (projects, share):", "按投资来源（项目数，占比）："),
    "summary.by_type": ("By project type (projects, share):", "按项目类型（项目数，占比）："),
    "summary.by_sector": (
        "By sector (projects, planned investment, completed YTD, year on year):",
        "按行业（项目数，计划总投资，累计完成投资，同比）：",
    ),
    "summary.by_district": (
        "By district (projects, planned investment, completed YTD, year on year):",
        "按区域（项目数，计划总投资，累计完成投资，同比）：",
    ),
    # list, show, history
    "list.headers": ("Code|Name|District|Sector|Status", "编号|项目名称|区域|行业|状态"),
    "list.planned": ("Planned", "计划总投资"),
    "list.total": (
        "{count} project(s), planned investment {amount}{lacking}",
        "共 {count} 个项目，计划总投资 {amount}{lacking}",
    ),
    "show.no_project": ("no project {value!r}", "没有项目“{value}”"),
    "show.share": (" ({pct:.1f}% of planned)", "（占计划总投资 {pct:.1f}%）"),
    "show.through": (", through {when}", "，截至{when}"),
    "show.month": ("Month", "月份"),
    "show.yes": ("yes", "是"),
    "show.no": ("no", "否"),
    "show.annual_plan": ("Annual plan {year}", "{year}年度计划投资"),
    "history.not_a_date": ("--since {value!r}: not a date (YYYY-MM-DD)", "--since {value!r}：不是日期（YYYY-MM-DD）"),
    "history.headers": ("When|User|Action|Project|Field|Old|New", "时间|用户|操作|项目|字段|原值|新值"),
    "history.count": ("{count} change(s)", "共 {count} 条修改记录"),
    # report, export, template, demo
    "report.not_pdf": ("{file}: the file name must end in .pdf", "{file}: 文件名须以 .pdf 结尾"),
    "report.bad_year": ("year out of range: {year}", "年份超出范围：{year}"),
    "report.bad_months": ("--months must be at least 1", "--months 须至少为 1"),
    "report.bad_date": ("not a date: {value} (YYYY-MM-DD)", "日期无效：{value}（格式 YYYY-MM-DD）"),
    "report.written_1": (
        "wrote {file}: {pages} page (A4 {orientation})",
        "已生成 {file}：共 {pages} 页（A4 {orientation}）",
    ),
    "report.written": (
        "wrote {file}: {pages} pages (A4 {orientation})",
        "已生成 {file}：共 {pages} 页（A4 {orientation}）",
    ),
    "report.landscape": ("landscape", "横向"),
    "report.portrait": ("portrait", "纵向"),
    "export.written": (
        "{demo}Exported {projects} project(s) and {records} monthly record(s) to {file} ({sheets} sheets, "
        "{seconds:.1f} s)",
        "{demo}已导出 {projects} 个项目、{records} 条月度完成投资记录到 {file}"
        "（{sheets} 张工作表，用时 {seconds:.1f} 秒）",
    ),
    "template.written": ("Import template written to {path}", "导入模板已保存：{path}"),
    "demo.written": (
        "Demo data written to {database}: {projects} projects, {signed} signed in 2023 worth {planned} "
        "({billion} of 1 billion yuan or more); {records} monthly investment records.",
        "演示数据已写入 {database}：{projects} 个项目，其中 2023 年签约 {signed} 个、计划总投资 {planned}、"
        "十亿元以上 {billion} 个；{records} 条月度完成投资记录。",
    ),
    # db copy, init-server, grant
    "db.copied": (
        "Copied to {target}: {projects} project(s); row counts and per-table sums agree on both sides.",
        "已复制到 {target}：{projects} 个项目；两边各表行数与金额合计一致。",
    ),
    "db.staff_dropped": (
        "The account “{user}” no longer works for {district}: the copy has no such district — once it exists, "
        "run `zqtracker db grant {user} --role district --district {district}` again.",
        "账户“{user}”已不再负责{district}：副本中没有这个区域——待其建立后，请重新运行 "
        "`zqtracker db grant {user} --role district --district {district}`。",
    ),
    "db.server_ready": (
        "{server}: schema, the three kinds of account (analyst / district / reader) and the district "
        "row-level policies are in place.",
        "{server}：已建立数据结构、三类账户（analyst / district / reader）与按区县的行级权限。",
    ),
    "db.login_created": (
        "Created the login {user}; set its password with the server's tools (psql: \\password {user}).",
        "已新建登录账户 {user}；请用服务器工具为其设置密码（psql: \\password {user}）。",
    ),
    **MORE,
}
WORDS = Catalogue("cli", _WORDS)
