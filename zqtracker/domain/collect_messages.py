"""Wording for a `round collect` of several returns stopped by Ctrl-C between them (fix29d): which were
imported and kept, which were not. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_COLLECT_MESSAGES: dict[str, tuple[str, str]] = {
    "round_collect_interrupted": (
        "interrupted. Imported and recorded in the round before it, and kept: {done}. Not imported, nothing of "
        "them written: {left} — collect them again.",
        "已中断。中断前已导入并记入本轮（保留）：{done}。未导入、未写入任何内容：{left}——请重新收集。",
    ),
}
COLLECT_MESSAGES = Catalogue("collect_messages", _COLLECT_MESSAGES)
