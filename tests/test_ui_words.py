"""The desktop words its own sentences one way (#15): Qt's ``tr()`` and the .ts files for the
interface's language, a catalogue (domain/words.py) where the language is another's — a
workbook's, a printout's — and the domain's calendar words for months and days. An inline choice
between the languages (``if zh``, ``lang.startswith("zh")``, ``== "zh"``) or an (English, Chinese)
pair of literals in ui/ is a second mechanism: this test finds them (tests/test_words.py does the
same below ui/), and keeps what remains to an explicit list that only shrinks.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import zqtracker
from zqtracker.domain.months import MONTH_ABBREVIATIONS_EN
from zqtracker.services.context import AppContext

UI = Path(zqtracker.__file__).parent / "ui"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
INLINE = re.compile(
    r"""startswith\(\s*["']zh|\bif zh\b|\bzh else\b|\bself\.zh\b|\bis_zh\(|[=!]=\s*["']zh["']|["']zh["']\s*[=!]="""
)

# What remains, each with its reason; the list only shrinks.
INLINE_LANGUAGE_CHOICES: dict[str, str] = {
    "translations.py": "the mechanism itself: which language a setting, the system or the locale asks for",
}


def _pairs(tree: ast.Module) -> list[tuple[int, str, str]]:
    """(line, English, Chinese) literals side by side outside a Catalogue(...) call."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Catalogue":
            inside.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Tuple) or len(node.elts) != 2 or id(node) in inside:
            continue
        if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            continue
        en, zh = (e.value for e in node.elts)  # type: ignore[attr-defined]
        if CJK.search(zh) and not CJK.search(en) and re.search(r"[A-Za-z]{2}", en):
            found.append((node.lineno, en, zh))
    return found


def ui_sources() -> dict[str, str]:
    return {p.relative_to(UI).as_posix(): p.read_text(encoding="utf-8") for p in sorted(UI.rglob("*.py"))}


def test_no_inline_language_branch_in_ui_outside_the_list() -> None:
    found: dict[str, list[int]] = {}
    for name, text in ui_sources().items():
        lines = [n for n, line in enumerate(text.splitlines(), 1) if INLINE.search(line.split("#", 1)[0])]
        if lines:
            found[name] = lines
    assert set(found) <= set(INLINE_LANGUAGE_CHOICES), {
        k: v for k, v in found.items() if k not in INLINE_LANGUAGE_CHOICES
    }
    assert set(INLINE_LANGUAGE_CHOICES) <= set(found), "listed but gone: shorten the list"


def test_no_english_chinese_pairs_in_ui() -> None:
    found = {name: pairs for name, text in ui_sources().items() if (pairs := _pairs(ast.parse(text)))}
    assert found == {}, found


def test_the_checks_see_what_they_look_for() -> None:
    """Each check catches the shapes it is meant to (a check that sees nothing proves nothing)."""
    for line in (
        'shown = f"{d.year}年" if self.lang.startswith("zh") else d.isoformat()',
        'if ui_lang() == "zh":',
        "label = words[self.zh]",
        "self.zh = lang.startswith('zh')",
        'return "中" if is_zh(lang) else "en"',
    ):
        assert INLINE.search(line), line
    assert not INLINE.search('translations.switch("zh_CN")') and not INLINE.search('addItem("简体中文", "zh")')
    pairs = _pairs(
        ast.parse('_S = {"title": ("from the title", "取自标题")}\nC = Catalogue("c", {"k": ("a b", "甲")})')
    )
    assert [p[1:] for p in pairs] == [("from the title", "取自标题")]


# -- what moved onto the one mechanism, shown in each language ---------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_month_rows_due_dates_and_answers_sources_speak_the_interfaces_language(
    qtbot, make_window, translations, demo_ctx: AppContext, tmp_path: Path, lang: str
) -> None:
    """The investment grid's month rows, a reminder's due date and where an import's answer was
    found (the sheet's title) — each in the interface's language, from the calendar words and tr()."""
    from test_import_dialog import wait_idle
    from test_import_dialog_questions import leads
    from ui_language import problems

    from zqtracker.domain.rounds import Period
    from zqtracker.ui.import_dialog import ImportDialog
    from zqtracker.ui.investment_grid import MonthlyInvestmentModel
    from zqtracker.ui.round_view import RoundView

    translations.switch("zh_CN" if lang == "zh" else "en")
    grid = MonthlyInvestmentModel()
    months = [grid.headerData(m, Qt.Orientation.Vertical) for m in range(12)]
    assert months == ([f"{m}月" for m in range(1, 13)] if lang == "zh" else list(MONTH_ABBREVIATIONS_EN)), months

    window = make_window(demo_ctx)
    view = RoundView(demo_ctx, window.events, window.undo_stack, window, lang=lang, today=date(2023, 11, 20))
    qtbot.addWidget(view)
    view.create_round(Period(2023, 10), tmp_path / "round", ["高要区"])
    qtbot.waitUntil(lambda: view.round is not None and view._op is not None and view._op.done, timeout=60_000)
    due = view.round.due_on
    reminder = view.reminder()
    wanted = f"{due.year}年{due.month}月{due.day}日" if lang == "zh" else due.isoformat()
    assert wanted in reminder, reminder

    dialog = ImportDialog(demo_ctx, window.events, window.undo_stack, None, path=leads(tmp_path / "l.xlsx"), lang=lang)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, dialog)
    source = dialog.questions.defaults.district_source.text()
    assert source == ("（取自标题）" if lang == "zh" else "(from the title)"), source  # full-width in Chinese
    assert problems([("district source", source), ("month rows", " ".join(months))], lang) == []
