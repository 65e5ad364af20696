"""Wording of the refusal of an .xlsb with a record cut short where it would say which rows are struck
through (io/xlsb_strike.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_XLSB_MESSAGES: dict[str, tuple[str, str]] = {
    "xlsb_record_cut": (
        "{file} is damaged: a record of its part {entry} is cut short (the program that wrote it wrote it "
        "wrongly), and which rows are struck through could not be told; it was not imported. Open it in Excel "
        "or WPS, save it again and import that copy.",
        "“{file}”已损坏：其部件 {entry} 中有一条记录不完整（写出该文件的程序有误），无法判断哪些行带删除线；"
        "未予导入。请用 Excel 或 WPS 打开并另存后再导入。",
    ),
}
XLSB_MESSAGES = Catalogue("xlsb_problems", _XLSB_MESSAGES)
