"""Wording for faults around the database rather than in it (probe28): the settings file that names
the database cannot be read, a full disk with the space left on it, an account that may only read.
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_STARTUP_MESSAGES: dict[str, tuple[str, str]] = {
    "db_disk_full_free": (
        "The disk holding {file} is full ({free} free); nothing was changed — free some space and try again.",
        "“{file}”所在的磁盘已满（剩余 {free}）；未做任何更改——请释放一些空间后重试。",
    ),
    "db_reader_account": (
        "The account “{user}” may only read this database; nothing was written (ask for an account that may "
        "change projects, or let a colleague import the file).",
        "账户“{user}”只能读取此数据库；未写入任何内容（请申请可修改项目的账户，或请同事导入该文件）。",
    ),
    "import_reader_dry_run": (
        "The account “{user}” may only read this database: these are the changes the import would make, "
        "but the import itself would be refused.",
        "账户“{user}”只能读取此数据库：以下是导入将做的更改，但实际导入会被拒绝。",
    ),
    "settings_ini_unreadable": (
        "The settings file {file} cannot be read ({detail}), so the database it names is not known; "
        "nothing was opened.",
        "设置文件“{file}”无法读取（{detail}），因此不知道其中指定的数据库；未打开任何数据库。",
    ),
    "settings_ini_folder": ("a folder is in its place", "该位置是一个文件夹"),
    "settings_ini_damaged": ("it is damaged: a line or bytes that cannot be read", "文件已损坏：有无法读取的行或字节"),
    "settings_ini_denied": ("it cannot be opened", "无法打开该文件"),
    "settings_ini_choice": (
        "zqtracker leaves the file as it is and saves no setting to it this time. Open the default database "
        "{default} instead, or quit and repair the file (or move it away)?",
        "zqtracker 不会改动该文件，本次也不会向其中保存任何设置。改为打开默认数据库“{default}”，"
        "还是退出并修复该文件（或将其移走）？",
    ),
    "settings_ini_open_default": ("Open the default database", "打开默认数据库"),
    "settings_ini_quit": ("Quit", "退出"),
}
STARTUP_MESSAGES = Catalogue("startup_problems", _STARTUP_MESSAGES)
