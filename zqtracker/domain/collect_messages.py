"""Wording for a `round collect` of several returns stopped by Ctrl-C between them (fix29d): which were
imported and kept, which were not; for a return collected before and sent again, and for the projects a
return leaves out (probe40b). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_COLLECT_MESSAGES: dict[str, tuple[str, str]] = {
    "round_collect_interrupted": (
        "interrupted. Imported and recorded in the round before it, and kept: {done}. Not imported, nothing of "
        "them written: {left} — collect them again.",
        "已中断。中断前已导入并记入本轮（保留）：{done}。未导入、未写入任何内容：{left}——请重新收集。",
    ),
    "round_already_collected": (
        "{district} — {label} ({file}): already collected on {on}; nothing to change.",
        "{district} — {label}（{file}）：已于{on}收集，无需更改。",
    ),
    # returned on one day (the round's `--on`, shown by round status), imported on another
    "round_already_collected_on": (
        "{district} — {label} ({file}): already collected — returned on {on}, imported on {imported}; nothing to "
        "change.",
        "{district} — {label}（{file}）：已收集——{on}报回，{imported}导入，无需更改。",
    ),
    "round_rows_missing": (
        "Sent out in the workbook but missing from the return ({count}), no {label} figures collected for them "
        "(they stay on the reminder list): {projects}",
        "报表已列出、回表中缺少的项目（{count}个），未收到其{label}数据（仍列入催报名单）：{projects}",
    ),
    "round_rows_missing_sep": (", ", "、"),
}
COLLECT_MESSAGES = Catalogue("collect_messages", _COLLECT_MESSAGES)
