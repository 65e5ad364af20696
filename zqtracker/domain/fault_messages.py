"""Wording for what goes wrong around the import rather than in the sheet: a CSV cut off while it was
copied, a settings file (import profiles, remembered column choices) that cannot be read or written, a
server table another session holds. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_FAULT_MESSAGES: dict[str, tuple[str, str]] = {
    "csv_cut_off": (
        "{file}: row {row}, the last, has {fields} field(s) where every other row has {width}, and no line ending: "
        "the file seems cut off (still being copied or saved, or a download that stopped), its last value "
        "“{value}” perhaps cut too. Nothing was imported; copy or save the file again whole.",
        "“{file}”第 {row} 行（最后一行）只有 {fields} 个字段，其他各行都有 {width} 个，且没有换行结尾："
        "文件似乎不完整（仍在复制或保存中，或下载中断），其最后一个值“{value}”可能也被截断。"
        "未导入任何内容；请重新完整地复制或保存该文件。",
    ),
    "settings_unreadable": (
        "The settings file {file} cannot be read ({detail}). zqtracker leaves it as it is and saves nothing "
        "to it: repair it, or move it away to start a new one, then try again.",
        "设置文件“{file}”无法读取（{detail}）。zqtracker 不会改动它，也不会向其中保存任何内容："
        "请修复该文件，或将其移走以新建一个，然后重试。",
    ),
    "settings_unwritable": (
        "The settings file {file} cannot be written ({detail}); nothing was saved and nothing else was done.",
        "设置文件“{file}”无法写入（{detail}）；未保存任何内容，也未执行其他操作。",
    ),
    "db_server_locked": (
        "{file}: another session on the server kept zqtracker waiting for over {seconds} seconds (it holds a "
        "table, or is writing: another zqtracker, psql, a restore or maintenance left open?); nothing was "
        "changed — try again once it has finished.",
        "“{file}”：服务器上的另一个会话让 zqtracker 等待了超过 {seconds} 秒（它占用了数据表或正在写入：另一个 "
        "zqtracker、psql、恢复或维护操作未结束？）；未做任何更改——请待其完成后重试。",
    ),
}
FAULT_MESSAGES = Catalogue("fault_problems", _FAULT_MESSAGES)
