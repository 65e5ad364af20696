"""Wording of what can go wrong with a database file (English, 简体中文).

Each sentence says what is wrong, names the file, and says what to do. Codes are the reasons of
``storage.db_errors.DatabaseOpenError`` (and of the faults a running operation meets), prefixed
``db_`` so that they never clash with the import's file codes; messages.py merges them in.
"""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_RESTORE_EN = "restore a backup (File › Restore backup…, or `zqtracker db restore`)"
_RESTORE_ZH = "恢复一个备份（“文件 › 恢复备份…”，或 `zqtracker db restore`）"

_DATABASE_MESSAGES: dict[str, tuple[str, str]] = {
    "db_not_a_file": (
        "{file} is a folder, not a database file; choose a file.",
        "“{file}”是文件夹，不是数据库文件；请选择一个文件。",
    ),
    "db_no_folder": (
        "Cannot create {file}: the folder {folder} does not exist.",
        "无法创建“{file}”：文件夹“{folder}”不存在。",
    ),
    "db_missing": ("{file} does not exist.", "数据库文件“{file}”不存在。"),
    "db_unreadable": (
        "Cannot read {file} ({detail}); check that your account may read it.",
        "无法读取“{file}”（{detail}）；请检查您的账户是否有读取权限。",
    ),
    "db_empty_file": (
        "{file} is an empty file (0 bytes), not a zqtracker database — perhaps a copy that did not finish; "
        f"it was left untouched: {_RESTORE_EN}, or delete it to start a new database there.",
        "“{file}”是空文件（0 字节），不是 zqtracker 数据库——可能是未完成的复制；文件未被改动："
        f"请{_RESTORE_ZH}，或删除它后在此新建数据库。",
    ),
    "db_not_sqlite": (
        "{file} is not a zqtracker database (not an SQLite file); it was left untouched — choose another file.",
        "“{file}”不是 zqtracker 数据库（不是 SQLite 文件）；文件未被改动，请选择其他文件。",
    ),
    "db_foreign_database": (
        "{file} is an SQLite database of another program, not a zqtracker database; it was left untouched.",
        "“{file}”是其他程序的 SQLite 数据库，不是 zqtracker 数据库；文件未被改动。",
    ),
    "db_foreign_server_database": (
        "{file} holds tables of another program, not a zqtracker database; it was left untouched — connect to "
        "an empty database or one zqtracker set up.",
        "{file} 中是其他程序的数据表，不是 zqtracker 数据库；未做任何改动——"
        "请连接一个空数据库或由 zqtracker 建立的数据库。",
    ),
    "db_corrupt": (
        f"{{file}} is damaged ({{detail}}) and was left untouched: {_RESTORE_EN}, "
        "or salvage its projects with `zqtracker db recover`.",
        f"“{{file}}”已损坏（{{detail}}），文件未被改动：请{_RESTORE_ZH}，或用 `zqtracker db recover` 抢救其中的项目。",
    ),
    "db_newer_schema": (
        "{file} was made by a newer version of zqtracker (schema {schema}); this version knows schema {known} "
        "and older — please update zqtracker. The file was left untouched.",
        "“{file}”由更新版本的 zqtracker 创建（结构版本 {schema}），本版本只支持 {known} 及更早的版本，"
        "请升级 zqtracker。文件未被改动。",
    ),
    "db_needs_upgrade": (
        "{file} has schema {schema}; this version needs {known} (run `zqtracker db upgrade`, which makes a "
        "backup first).",
        "“{file}”的结构版本为 {schema}，本版本需要 {known}（请运行 `zqtracker db upgrade`，升级前会先备份）。",
    ),
    # A server database (PostgreSQL) at another schema, or that cannot be opened: no file, folder or backup
    # made first (storage/database.py).
    "db_server_newer_schema": (
        "The server database {file} was set up by a newer version of zqtracker (schema {schema}); this version "
        "knows schema {known} and older — please update zqtracker. Nothing on the server was changed.",
        "服务器数据库“{file}”由更新版本的 zqtracker 建立（结构版本 {schema}），本版本只支持 {known} 及更早的版本，"
        "请升级 zqtracker。服务器上未做任何改动。",
    ),
    "db_server_needs_upgrade": (
        "The server database {file} has schema {schema}; this version needs {known} — run `zqtracker db upgrade` "
        "as the database's owner (the server upgrades it in one transaction).",
        "服务器数据库“{file}”的结构版本为 {schema}，本版本需要 {known}——请用数据库所有者的账户运行 "
        "`zqtracker db upgrade`（服务器在一个事务中完成升级）。",
    ),
    "db_server_upgrade_owner_only": (
        "The server database {file} has schema {schema}, older than this version's {known}, and only its owner, "
        "the account “{owner}”, may upgrade it — the account “{user}” may not, so nothing was changed: ask the "
        "owner to open it once with this version (or to run `zqtracker db upgrade`).",
        "服务器数据库“{file}”的结构版本为 {schema}，低于本版本所需的 {known}，只有其所有者（账户“{owner}”）可以升级——"
        "账户“{user}”无权升级，因此未做任何改动：请联系所有者用本版本打开一次（或运行 `zqtracker db upgrade`）。",
    ),
    "db_server_cannot_open": (
        "Cannot open the server database {file} ({detail}); check the server's address, the database's name, and "
        "that your account may use it.",
        "无法打开服务器数据库“{file}”（{detail}）；请检查服务器地址、数据库名称以及您的账户是否有权使用它。",
    ),
    "db_unreachable": (
        "Cannot connect to {file} ({detail}); check that the server is running, and its address, port, database "
        "name, user name and password.",
        "无法连接到“{file}”（{detail}）；请检查服务器是否在运行，以及地址、端口、数据库名称、用户名和密码。",
    ),
    "db_upgrade_failed": (
        "Upgrading {file} failed ({detail}); the file was left as it was, and a copy made before the upgrade "
        "is {backup}.",
        "升级“{file}”失败（{detail}）；文件保持原样，升级前的备份位于 {backup}。",
    ),
    "db_locked": (
        "{file} is locked by another program (another zqtracker, a sync or backup tool?) — it is not damaged; "
        "close that program and try again.",
        "“{file}”正被其他程序锁定（另一个 zqtracker、同步或备份工具？）——文件并未损坏；请关闭该程序后重试。",
    ),
    "db_read_only": (
        "{file} cannot be changed: the file, its folder or its disk is read-only; nothing was changed "
        "(copy it to a folder you may write to in order to edit it).",
        "“{file}”无法修改：文件、所在文件夹或磁盘为只读；未做任何更改（如需编辑，请将其复制到可写的文件夹）。",
    ),
    "db_connection_lost": (
        "The connection to {file} was lost (the server restarted, the network failed, or the session was ended); "
        "the step in progress was not completed and the server keeps nothing of it — try again.",
        "与“{file}”的连接已断开（服务器重启、网络故障或会话被结束）；正在进行的操作未完成，服务器不保留其任何部分——请重试。",
    ),
    # A step that replaces a server database whole waited too long for a colleague (storage/holding.py).
    "db_server_busy_writing": (
        "{file} is busy: a session of the account “{user}” has been writing to it for over {seconds} seconds "
        "(an import, an undo, an edit left open); nothing was changed — try again once it has finished.",
        "“{file}”正忙：账户“{user}”的会话写入已超过 {seconds} 秒（导入、撤销或未完成的编辑）；"
        "未做任何更改——请待其完成后重试。",
    ),
    "db_server_busy": (
        "{file} is busy: a session of the account “{user}” has held its table {table} for over {seconds} seconds "
        "(a change being written, or one left open); nothing was changed — try again once it has finished.",
        "“{file}”正忙：账户“{user}”的会话占用数据表 {table} 已超过 {seconds} 秒（正在写入或未完成的修改）；"
        "未做任何更改——请待其完成后重试。",
    ),
    "db_changed_while_restoring": (
        "{file} was changed by someone else while the restore was copying it; nothing was restored and the "
        "database is as they left it — restore again.",
        "在恢复过程复制“{file}”时，有他人修改了它；未恢复任何内容，数据库保持他人修改后的状态——请重新恢复。",
    ),
    "db_disk_full": (
        "The disk holding {file} is full; nothing was changed — free some space and try again.",
        "“{file}”所在的磁盘已满；未做任何更改——请释放一些空间后重试。",
    ),
    "db_io_error": (
        "Cannot read or write {file} (disk I/O error: {detail}); nothing was changed — check the disk or network "
        "folder, then run `zqtracker db check`.",
        "无法读写“{file}”（磁盘 I/O 错误：{detail}）；未做任何更改——"
        "请检查磁盘或网络文件夹，然后运行 `zqtracker db check`。",
    ),
    "db_cannot_open": (
        "Cannot open {file} ({detail}); check that the file and its folder exist and that you may use them.",
        "无法打开“{file}”（{detail}）；请检查文件及其文件夹是否存在、您是否有权限使用。",
    ),
    "db_backup_failed": (
        "No backup of {file} could be made in {folder} ({detail}); nothing was changed.",
        "无法在“{folder}”中为“{file}”创建备份（{detail}）；未做任何更改。",
    ),
    "db_not_a_backup": (
        "{file} is not a usable zqtracker backup ({detail}); nothing was restored.",
        "“{file}”不是可用的 zqtracker 备份（{detail}）；未恢复任何内容。",
    ),
    "db_no_backups": ("There is no backup of {file} yet.", "“{file}”还没有备份。"),
    "db_newer_backup": (
        "{file} is a backup made by a newer version of zqtracker (schema {schema}; this version knows {known} "
        "and older); nothing was restored — please update zqtracker to restore it.",
        "“{file}”是更新版本的 zqtracker 制作的备份（结构版本 {schema}；本版本只支持 {known} 及更早的版本）；"
        "未恢复任何内容——请先更新 zqtracker 再恢复。",
    ),
    "db_restore_mismatch": (
        "Restoring {file} into {database} would not give back every row ({detail}) — perhaps this account may not "
        "see or change all of them; nothing was restored: restore as the database's owner.",
        "将“{file}”恢复到 {database} 无法还原全部数据行（{detail}）——可能此账户无权查看或修改其中一部分；"
        "未恢复任何内容：请用数据库所有者的账户恢复。",
    ),
    # A row changed or removed by someone else since it was read (ConcurrentUpdateError, NotFoundError).
    "db_changed_meanwhile": (
        "Someone else changed or deleted {what} since it was read here; nothing was overwritten — "
        "run it again to work on the latest data.",
        "{what}在读取之后已被他人修改或删除；未覆盖任何内容——请重新运行，以最新数据为准。",
    ),
    "db_what_project": ("project {id}", "项目{id}"),
    "db_what_database": ("the database", "数据库"),
    "db_gone": (
        "The record no longer exists; someone else may have deleted it.",
        "该记录已不存在，可能已被他人删除。",
    ),
    # A reference still used by projects (InUseError).
    "db_in_use_sector": (
        "The sector “{name}” is still used by {count} project(s) or sectors under it; assign them another one first.",
        "行业“{name}”仍有{count}个项目或下级行业使用；请先为它们改选其他行业。",
    ),
    "db_in_use_district": (
        "The district “{name}” is still used by {count} project(s); assign them another one first.",
        "区域“{name}”仍有{count}个项目使用；请先为这些项目改选其他区域。",
    ),
    "db_in_use_enterprise": (
        "The enterprise “{name}” is still used by {count} project(s); assign them another one first.",
        "企业“{name}”仍有{count}个项目使用；请先为这些项目改选其他企业。",
    ),
    # A write the server refused (AccessRefused).
    "db_access_refused": (
        "The server refused this: the account “{user}” may not change these projects (a read-only "
        "account, or projects of another district); nothing was written.",
        "数据库服务器拒绝了此操作：账户“{user}”无权修改这些项目（只读账户，或不属于本区县的项目）；未写入任何内容。",
    ),
    "db_owner_sep": ("”, “", "”、“"),  # between the owners' names in db_restore_owner_only
    # A restore onto a server replaces every table, the audit trail too: its owner's alone (RestoreRefused).
    "db_restore_owner_only": (
        "Only the database's owner, the account “{owner}”, may restore a backup (a restore replaces every table, "
        "the audit trail too); the account “{user}” may not, so nothing was written — ask the owner to restore it.",
        "只有数据库的所有者（账户“{owner}”）可以恢复备份（恢复会替换全部数据表，包括留痕记录）；"
        "账户“{user}”无权恢复，未写入任何内容——请联系所有者恢复。",
    ),
    "db_restore_owner_only_unnamed": (
        "Only the database's owner (the account that set it up with `zqtracker db init-server`) may restore a "
        "backup (a restore replaces every table, the audit trail too); the account “{user}” may not, so nothing "
        "was written — ask the owner to restore it.",
        "只有数据库的所有者（用 `zqtracker db init-server` 建立它的账户）可以恢复备份（恢复会替换全部数据表，"
        "包括留痕记录）；账户“{user}”无权恢复，未写入任何内容——请联系所有者恢复。",
    ),
    "db_target_exists": (
        "{file} already exists; recovery writes a new file only — choose another name.",
        "“{file}”已存在；抢救只会写入新文件——请换一个文件名。",
    ),
    "db_nothing_recovered": (
        "Nothing could be salvaged from {file} ({detail}).",
        "无法从“{file}”中抢救出任何内容（{detail}）。",
    ),
    "db_server_only_file": (
        "Only SQLite database files are backed up, restored or recovered this way; use the server's own tools.",
        "只有 SQLite 数据库文件可以这样备份、恢复或抢救；服务器数据库请使用服务器自己的工具。",
    ),
}
DATABASE_MESSAGES = Catalogue("database_problems", _DATABASE_MESSAGES)

# The engine's and the system's own words in a ``{detail}`` (SQLite, the OS), keyed by the words
# matched (case-insensitively, as a part of the detail): English shows the detail as it came, and
# the detail of a Chinese sentence is Chinese too. A detail not listed here is shown as it came in
# both (a rare, technical one is still worth reporting).
_ENGINE_DETAILS: dict[str, tuple[str, str]] = {
    "database disk image is malformed": ("{detail}", "文件结构错误"),
    "file is not a database": ("{detail}", "文件不是数据库"),
    "file is encrypted or is not a database": ("{detail}", "文件已加密或不是数据库"),
    "disk i/o error": ("{detail}", "磁盘读写错误"),
    "database or disk is full": ("{detail}", "数据库或磁盘已满"),
    "unable to open database file": ("{detail}", "无法打开数据库文件"),
    "attempt to write a readonly database": ("{detail}", "试图写入只读数据库"),
    "database is locked": ("{detail}", "数据库被锁定"),
    "permission denied": ("{detail}", "没有权限"),
    "no such file or directory": ("{detail}", "文件或文件夹不存在"),
    "no space left on device": ("{detail}", "磁盘空间不足"),
    "read-only file system": ("{detail}", "文件系统为只读"),
    "is a directory": ("{detail}", "是一个文件夹"),
    "input/output error": ("{detail}", "输入/输出错误"),
    "not a directory": ("{detail}", "路径中应为文件夹的一项是文件"),
    "not valid json": ("{detail}", "不是有效的 JSON 内容"),
}
ENGINE_DETAILS = Catalogue("engine_details", _ENGINE_DETAILS, from_data=True)


def worded_detail(detail: str, lang: str | None) -> str:
    """``detail`` (the engine's or the system's words) as a sentence in ``lang`` shows it."""
    lowered = detail.lower()
    for words in ENGINE_DETAILS:
        if words in lowered:
            return ENGINE_DETAILS.say(words, lang, detail=detail)
    return detail
