"""Wording for a full disk (fix36): one sentence for every file zqtracker writes — an export, a report's
PDF, a backup copy — naming the file, the folder whose disk is full, and the space it has and the file
needs when known (export, report and backup each said it their own way: the system's "No space left on
device", "the disk is full; nothing was written", "(disk full)"); and what a committed write says when
the database's log could not be copied back into its file for lack of space. English and 简体中文;
domain/message_topics.py merges them in."""

from __future__ import annotations

from pathlib import Path

from zqtracker.domain.errors import Problem
from zqtracker.domain.words import Catalogue

_FULL_DISK_MESSAGES: dict[str, tuple[str, str]] = {
    "full_disk": (
        "Cannot write {file}: the disk holding {folder} is full; nothing was written and nothing was changed "
        "— free some space there and try again.",
        "无法写入“{file}”：“{folder}”所在的磁盘已满；未写入也未更改任何内容——请在该磁盘上释放一些空间后重试。",
    ),
    "full_disk_free": (
        "Cannot write {file}: the disk holding {folder} is full ({free} free); nothing was written and nothing "
        "was changed — free some space there and try again.",
        "无法写入“{file}”：“{folder}”所在的磁盘已满（剩余 {free}）；未写入也未更改任何内容——"
        "请在该磁盘上释放一些空间后重试。",
    ),
    "full_disk_needed": (
        "Cannot write {file}: the disk holding {folder} is full ({free} free, about {needed} needed); nothing was "
        "written and nothing was changed — free some space there and try again.",
        "无法写入“{file}”：“{folder}”所在的磁盘已满（剩余 {free}，约需 {needed}）；未写入也未更改任何内容——"
        "请在该磁盘上释放一些空间后重试。",
    ),
    # A committed write whose log (the -wal beside a SQLite file) could not be copied into the file
    # (storage/checkpoint.py unfolded): said after the write's own report, which stands.
    "log_unfolded": (
        "Saved — but the disk holding {folder} is now full ({free} free, about {needed} needed): the change is "
        "kept in {log} and could not be copied into {file}. Free some space there before the next change (until "
        "then every change is refused as the disk is full); the data is safe, and is copied in when the "
        "database is next opened or changed with room to spare.",
        "已保存——但“{folder}”所在的磁盘现已满（剩余 {free}，约需 {needed}）：本次更改保存在“{log}”中，"
        "未能写回“{file}”。请在下次更改之前在该磁盘上释放一些空间（在此之前，每次更改都会因磁盘已满被拒绝）；"
        "数据是安全的，待空间足够时，下次打开或更改数据库即会写回。",
    ),
}
FULL_DISK_MESSAGES = Catalogue("full_disk_messages", _FULL_DISK_MESSAGES, composed=("full_disk_",))


def full_disk(file: str | Path, folder: str | Path, free: int | None = None, needed: int | None = None) -> Problem:
    """The one sentence for ``file`` not written because the disk holding ``folder`` is full: with the
    bytes ``free`` on it and ``needed`` by the file, when known."""
    params: dict[str, object] = {"file": str(file), "folder": str(folder)}
    code = "full_disk"
    if free is not None:
        params["free"], code = size_text(free), "full_disk_free"
        if needed is not None and needed > free:
            params["needed"], code = size_text(needed), "full_disk_needed"
    return Problem(code, params=params)


def size_text(count: int) -> str:
    """A size as a full disk is said: "300 KB", "12.5 MB", "2.1 GB"."""
    if count < 1 << 20:
        return f"{max(count, 0) // 1024} KB"
    if count < 1 << 30:
        return f"{count / (1 << 20):.1f} MB"
    return f"{count / (1 << 30):.1f} GB"
