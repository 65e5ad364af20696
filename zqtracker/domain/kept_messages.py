"""Wording of the notes on values a merge keeps though the file's cell says otherwise (services/import_kept.py):
a blank cell over a stored value, an 产业链 (industry chain) that is the sector list's, not the project's.
English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_KEPT_MESSAGES: dict[str, tuple[str, str]] = {
    "note_blank_kept": (
        "Sheet “{sheet}”, column {column} “{header}”: row(s) {rows} are blank where a value is stored — the stored "
        "value is kept ({count} row(s)): a blank cell never erases one. To remove it, clear it in the project's "
        "editor.",
        "工作表“{sheet}”{column} 列“{header}”：第 {rows} 行为空，而数据库中已有该项数值——保留原值（共 {count} 行）："
        "空单元格不会清除已有数据。如需删除，请在项目编辑窗口中清除。",
    ),
    "note_chain_kept": (
        "Sheet “{sheet}”, column {column} “{header}”: not imported for {count} row(s) (row {rows}) — an industry chain "
        "is its sector's, not the project's, taken from a file only for a sector the import creates. To change it, "
        "edit the sector in Tools › Sectors, districts and enterprises.",
        "工作表“{sheet}”{column} 列“{header}”：{count} 行未导入（第 {rows} 行）——产业链属于行业，不属于项目，"
        "仅在导入新建行业时从文件读取。如需修改，请在“工具 › 行业、区域和企业”中编辑该行业。",
    ),
}
KEPT_MESSAGES = Catalogue("kept_messages", _KEPT_MESSAGES)
