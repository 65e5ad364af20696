"""Wording of the district questions of an import (services/import_views.py) and of their answer,
``--district-map``, and of a cancelled project listed again (services/import_changes.py) — English and
简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_DISTRICT_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "district_not_stored": (
        "“{value}” is not a district this database holds ({stored}), nor named like a county, district or "
        "park: which district is it? {how}",
        "“{value}”不是本数据库已有的区域（{stored}），也不像县、区或园区的名称：它是哪个区域？{how}",
        Ways(
            app=(
                "Choose the district it means in its question above the table, or “a new district” if it is one",
                "请在表格上方该名称的问题中选择它所指的区域；如确为新区域，请选“新区域”",
            ),
            cli=(
                "Say which with --district-map {value}=DISTRICT, or --district-map {value}={value} if it is a new "
                "district, and import again",
                "请用 --district-map {value}=区域名称 说明；"
                "如确为新区域，请用 --district-map {value}={value}，然后重新导入",
            ),
        ),
    ),
    "district_is_address": (
        "“{value}” is an address — a road, street, village or industrial estate — not a district or county, and "
        "nothing in the sheet names the district it is in: which district is it? {how}",
        "“{value}”是地址（道路、街巷、村或工业园），不是县区名称，表中也没有写明它所在的区域：它属于哪个区域？{how}",
        Ways(
            app=(
                "Choose the district it is in, in its question above the table",
                "请在表格上方该名称的问题中选择它所在的区域",
            ),
            cli=(
                "Say which with --district-map {value}=DISTRICT (or import with --district DISTRICT when the whole "
                "list is one district's), and import again",
                "请用 --district-map {value}=区域名称 说明（如整张表属于一个区域，也可用 --district 区域名称），"
                "然后重新导入",
            ),
        ),
    ),
    "bad_district_map": (
        "--district-map “{value}” is not WRITTEN=DISTRICT: give the name as the file writes it, an equals sign "
        "and the district it is",
        "--district-map“{value}”不是“文件中的写法=区域”的形式：请写出文件中的名称、等号和它所指的区域"
        "（--district-map 马安=肇庆高新区）",
    ),
    "note_status_revived": (
        "{count} listed project(s) were cancelled and are listed again (the first: {before} → {after}) — rows "
        "{rows}: a project taken up again, or a slip? Stored as the file gives them; check them.",
        "{count} 个已终止的项目再次列出（首个：{before} → {after}）——第 {rows} 行：是项目恢复，还是误填？"
        "已按文件导入，请核对。",
    ),
}
DISTRICT_MESSAGES = Catalogue("district_problems", _DISTRICT_MESSAGES)
