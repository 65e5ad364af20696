"""Reading every word a window shows, to catch the other language or a raw key.

``interface_texts(widget)`` walks a widget tree the way a user reads it — labels, buttons, tabs,
menus, toolbar, combo box items, headers, tooltips, placeholders, suffixes, window titles, chart
titles and axes, read-only documents — and returns (where, text) pairs. ``problems(texts, lang,
data)`` returns what is wrong in them for a reader of ``lang``: Chinese characters in the
English interface, English words in the Chinese one, or a raw key ("annual_plan", "%1",
"{amount}"). ``data`` holds the user's own words (project names, sectors, notes …): they are
whatever language the user typed and are removed before checking.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMenuBar,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+")
WORD = re.compile(r"(?<![A-Za-z0-9_.@/\\])[A-Za-z][A-Za-z']+(?![A-Za-z0-9_])")
RAW_KEY = re.compile(r"(?<![\w.])[a-z]+(?:_[a-z]+)+(?![\w.])|%\d|%n|\{[a-z_]+\}")
TAG = re.compile(r"<[^>]+>")
FILE_NAME = re.compile(r"[^\s/\\]+\.(?:sqlite|db|xlsx|xlsm|csv|pdf|png|svg)\b", re.IGNORECASE)
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s，。、；：]+")
COMMAND = re.compile(r"`[^`]+`")  # a command to type as it is: `zqtracker db recover`

# Words a Chinese interface writes in Latin letters: product and format names, key names.
ALLOWED_IN_ZH = {
    "zqtracker", "PDF", "PNG", "SVG", "Excel", "WPS", "CSV", "xlsx", "xlsm", "xls", "ods", "sqlite", "db",
    "Ctrl", "Shift", "Alt", "Meta", "Del", "Delete", "Ins", "Enter", "Return", "Esc", "Backspace", "Tab",
    "Space", "Home", "End", "PgUp", "PgDown", "Qt", "PySide", "Python", "MIT", "Linux", "Windows", "macOS",
    "SQLite", "PostgreSQL", "English", "AppData", "Documents", "README", "yyyy", "MM", "dd", "GB", "UTF",
    "OK", "Yes", "No", "SQL", "URL", "bn", "DEMO", "TLS", "UTC", "KB", "MB", "TB",
}  # fmt: skip
# Chinese an English interface shows on purpose: the names of the language and of Chinese terms
# an English-speaking analyst at a Chinese bureau reads as they are.
ALLOWED_IN_EN = (
    "简体中文",
    "中文",
    "亿元",
    "万元",
    "重点项目",
    "10亿元",
    "专精特新",
    "小巨人",
    "红涨绿跌",
    "合计",
    "（",
    "）",
)


def _clean(text: str) -> str:
    text = TAG.sub(" ", text) if "<" in text and ">" in text else text
    return html.unescape(text).replace("&&", "&").replace("&", "")


def _add(out: list[tuple[str, str]], where: str, text: object) -> None:
    if isinstance(text, str) and text.strip():
        out.append((where, _clean(text)))


def _menu_texts(out: list[tuple[str, str]], menu: QMenu, where: str) -> None:
    _add(out, where, menu.title())
    for action in menu.actions():
        if action.menu() is not None:
            _menu_texts(out, action.menu(), f"{where} › {action.text()}")
        elif not action.isSeparator():
            _add(out, f"{where} › action", action.text())
            _add(out, f"{where} › tip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")


def menu_texts(menu: QMenu, where: str = "menu") -> list[tuple[str, str]]:
    """Every word of a menu and its submenus (a context menu, a drop-down)."""
    out: list[tuple[str, str]] = []
    _menu_texts(out, menu, where)
    return out


def interface_texts(root: QWidget, *, include_hidden: bool = False) -> list[tuple[str, str]]:
    """Every interface word shown by ``root`` and its visible children (cells of item views are
    the user's data and left out; their headers are read)."""
    out: list[tuple[str, str]] = []
    _add(out, "window title", root.windowTitle() if root.isWindow() else "")
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not include_hidden and not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        _add(out, f"{name} tooltip", w.toolTip())
        _add(out, f"{name} accessible name", w.accessibleName())
        if isinstance(w, (QLabel, QAbstractButton)):
            _add(out, name, w.text())
        elif isinstance(w, QGroupBox):
            _add(out, name, w.title())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                _add(out, f"{name} tab", w.tabText(i))
                _add(out, f"{name} tab tip", w.tabToolTip(i))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                _add(out, f"{name} item", w.itemText(i))
        elif isinstance(w, QLineEdit):
            _add(out, f"{name} placeholder", w.placeholderText())
        elif isinstance(w, QAbstractSpinBox):
            _add(out, f"{name} special", w.specialValueText())
            if isinstance(w, QSpinBox):
                _add(out, f"{name} suffix", w.suffix())
                _add(out, f"{name} prefix", w.prefix())
        elif isinstance(w, QTextEdit) and w.isReadOnly():
            _add(out, name, w.toPlainText())
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                if action.menu() is not None:
                    _menu_texts(out, action.menu(), f"menu {action.text()}")
        elif isinstance(w, QToolBar):
            for action in w.actions():
                _add(out, f"{name} action", action.iconText())
                _add(out, f"{name} tip", action.toolTip())
        if isinstance(w, QAbstractItemView) and not isinstance(w, QListView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                if hasattr(w, "isColumnHidden") and w.isColumnHidden(c):
                    continue
                _add(out, f"{name} header", model.headerData(c, Qt.Orientation.Horizontal))
                _add(
                    out,
                    f"{name} header tip",
                    model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole),
                )
        data = getattr(w, "data", None)  # a dashboard chart: its words as drawn
        if type(w).__name__ == "ChartPanel" and data is not None:
            for attr in ("title", "note", "empty"):
                _add(out, f"{name} chart {attr}", getattr(data, attr, ""))
            for axis in (getattr(data, "left", None), getattr(data, "right", None)):
                _add(out, f"{name} axis", getattr(axis, "label", ""))
            for s in getattr(data, "series", ()):
                _add(out, f"{name} series", s.label)
            for entry in getattr(data, "legend", ()):
                _add(out, f"{name} legend", entry.label)
            for m in getattr(data, "month_labels", ()):
                _add(out, f"{name} month", m)
    return out


def clipped_combos(root: QWidget) -> list[str]:
    """The visible combo boxes of ``root`` too narrow for the item they show (a combo sized to one
    language's words and not again after a live switch cuts the other's). Qt's file dialog is left
    out: its "Look in" combo shows a folder's whole path, as long as the folder's."""
    out: list[str] = []
    if isinstance(root, QFileDialog):
        return out
    for w in [root, *root.findChildren(QComboBox)]:
        if not isinstance(w, QComboBox) or not w.isVisibleTo(root) or w.isEditable() or not w.currentText():
            continue
        needed = w.fontMetrics().horizontalAdvance(w.currentText()) + 16  # the frame and the arrow
        if w.width() < needed:
            out.append(f"{type(w.parent()).__name__} combo “{w.currentText()}”: {w.width()} px < {needed} px")
    return out


def _strip(text: str, data: Iterable[str]) -> str:
    for d in data:
        if d:
            text = text.replace(d, " ")
    return text


def problems(texts: list[tuple[str, str]], lang: str, data: Iterable[str] = ()) -> list[str]:
    """What a reader of ``lang`` ("en" or "zh") should not meet in ``texts``."""
    data = sorted({d for d in data if d and len(d) > 1}, key=len, reverse=True)
    found: list[str] = []
    for where, text in texts:
        plain = PATH.sub(" ", FILE_NAME.sub(" ", COMMAND.sub(" ", _strip(text, data))))
        for key in RAW_KEY.findall(plain):
            found.append(f"{where}: raw key {key!r} in {text!r}")
        if lang == "zh":
            for word in WORD.findall(plain):
                if word not in ALLOWED_IN_ZH:
                    found.append(f"{where}: English {word!r} in {text!r}")
        else:
            for allowed in ALLOWED_IN_EN:
                plain = plain.replace(allowed, " ")
            for run in CJK.findall(plain):
                if run.strip("，。：；、（）　"):
                    found.append(f"{where}: Chinese {run!r} in {text!r}")
    return found


def data_words(ctx) -> set[str]:
    """The user's own words in a database: they show in either language as typed."""
    words: set[str] = set()
    for r in ctx.projects.list_rows():
        for v in (r.code, r.name, r.enterprise, r.sector, r.sector_parent, r.district, r.officer):
            if v:
                words.add(str(v))
    for s in ctx.references.sectors():
        words.update(x for x in (getattr(s, "name", None), getattr(s, "parent", None)) if x)
    for d in ctx.references.districts():
        words.add(getattr(d, "name", str(d)))
    words.update({"演示数据 Demo data", "Demo data", "演示数据"})
    return words
