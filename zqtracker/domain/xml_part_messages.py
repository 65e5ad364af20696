"""Wording for a workbook part our readers cannot read as python-calamine does: one written in an
encoding other than UTF-8 or UTF-16 (io/xml_encoding.py), one that is no XML they can parse, and a
styles part far larger than any program writes. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_XML_PART_MESSAGES: dict[str, tuple[str, str]] = {
    "xml_encoding": (
        "{file} is damaged or was written by an unusual program: its part {entry} is written in the encoding "
        "{encoding}, not UTF-8 or UTF-16 as spreadsheet programs write, and cannot be read safely; it was not "
        "opened. Open it in Excel or WPS, save it again and import that copy.",
        "“{file}”已损坏或由不常见的程序写出：其部件 {entry} 使用 {encoding} 编码，而非电子表格程序所用的 "
        "UTF-8 或 UTF-16，无法安全读取；未予打开。请用 Excel 或 WPS 打开并另存后再导入。",
    ),
    "xml_part_unreadable": (
        "{file} is damaged: its part {entry} is not XML that can be read (the program that wrote it wrote it "
        "wrongly), and what it says of the sheets and rows (hidden, struck through) would be lost; it was not "
        "imported. Open it in Excel or WPS, save it again and import that copy.",
        "“{file}”已损坏：其部件 {entry} 不是可读取的 XML（写出该文件的程序有误），其中关于工作表和各行的信息"
        "（隐藏、删除线）将会丢失；未予导入。请用 Excel 或 WPS 打开并另存后再导入。",
    ),
    "styles_too_large": (
        "{file}: its styles part {entry} unpacks to {size}, more than the {limit} zqtracker reads (a workbook's "
        "styles take well under a few MB); it was not opened. Open it in Excel or WPS, save it again and "
        "import that copy.",
        "“{file}”：其样式部件 {entry} 解压后为 {size}，超过 zqtracker 可读取的 {limit}（工作簿的样式通常"
        "远小于几 MB）；未予打开。请用 Excel 或 WPS 打开并另存后再导入。",
    ),
}
XML_PART_MESSAGES = Catalogue("xml_part_problems", _XML_PART_MESSAGES)
