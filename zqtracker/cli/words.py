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
    "round.imported": ("  Imported.", "  已导入。"),
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
    **MORE,
}
WORDS = Catalogue("cli", _WORDS)
