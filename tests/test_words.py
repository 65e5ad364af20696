"""Every sentence below ui/ comes from one mechanism (domain/words.py) in both languages (#15).

The test imports every module of the package but ui/, then walks each registered catalogue: a key
lacking a language, placeholders that differ between the two, Chinese without a Chinese character,
English with one outside the bureau's own terms, a key nothing uses, and a literal key a caller
asks for that its catalogue lacks — each fails here instead of printing the wrong language.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
import types
from functools import cache
from pathlib import Path

import pytest

import zqtracker
from zqtracker.cli.arguments import h as help_text
from zqtracker.cli.help_words import HELP
from zqtracker.cli.words import WORDS as CLI_WORDS
from zqtracker.domain.database_messages import ENGINE_DETAILS
from zqtracker.domain.words import APP, CLI, Catalogue, Text, catalogues, is_zh, norm_lang

PACKAGE = Path(zqtracker.__file__).parent
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Chinese words an English sentence keeps on purpose: the bureau's own terms for units and
# periods, which the English-speaking analyst reads on the districts' Chinese spreadsheets too.
ENGLISH_MAY_SAY = ("万元", "亿元", "1–X月", "当月", "累计", "合计", "小计", "亩", "公顷", "填报单位", "其中", "序号")

# English texts that quote Chinese data on purpose.
ENGLISH_QUOTES_CHINESE: dict[tuple[str, str], str] = {
    ("cli_help", "import.epilog"): "its examples import Chinese files with Chinese districts and headers",
    ("import_ignored_columns", "ten_days"): "the header words it stands for",
    ("check_messages", "note_wan_read_as_unit"): "how the amount was typed (“300万”) and the unit it is read in (万元)",
    ("problems", "note_wan_read_as_unit"): "how the amount was typed (“300万”) and the unit it is read in (万元)",
    **dict.fromkeys(
        [("wan_column_notes", "note_wan_read_by_column"), ("problems", "note_wan_read_by_column")],
        "how the amount was typed (with 万) and the unit it is read in (万元)",
    ),
    ("import_ignored_columns", "ytd_no_period"): "the title or header words that would name the month",
    ("import_ignored_columns", "ytd_no_year"): "the title words that would name the year",
    ("import_ignored_columns", "month_no_year"): "the title words that would name the year",
    ("import_ignored_columns", "since_no_period"): "the title words that would name the month",
    ("import_ignored_columns", "since_or_ytd"): "the header words that would say this year's or since the start",
    ("import_ignored_columns", "month_beside_months"): "the header words that would name the column's month",
    ("import_ignored_columns", "earlier_year"): "the header words that would name the months",
    ("import_ignored_columns", "same_period"): "the group header words that would say month or year to date",
    ("import_ignored_columns", "last_year_month"): "the header words of the last-year column that is imported",
    ("import_ignored_columns", "last_ytd_no_period"): "the title or header words that would name the month",
    ("import_ignored_columns", "same_period_ytd"): "the header words under which the column is imported",
    **dict.fromkeys(
        [("check_messages", "phase_under_name"), ("problems", "phase_under_name")],
        "the words a phase's name ends with in the file (一期, 二期)",
    ),
    **dict.fromkeys(
        [("question_problems", "district_is_town"), ("problems", "district_is_town")],
        "a town written after its county, as the file would write it (高要区金利镇)",
    ),
    **dict.fromkeys(
        [("check_messages", "wan_in_unit_column"), ("problems", "wan_in_unit_column")],
        "the cell's 万 and the units the amount may be written with",
    ),
    # the import template shows what a user may type in a cell: 2023年10月10日, 12.5亿, 在建, 合计
    **dict.fromkeys(
        [
            ("template", "bad_date"),
            ("template", "bad_money"),
            ("template_rules", "rule_money"),
            ("template_rules", "rule_dates"),
            ("template_rules", "rule_totals"),
            ("template_column_help", "status"),
            ("template_column_help", "planned_investment"),
            ("template_column_help", "signed_on"),
            ("template_column_help", "construction_start_on"),
            ("template_column_help", "production_on"),
            ("template_column_help", "month"),
        ],
        "what a user may type in a cell",
    ),
}

# Sentences where one language leaves out a placeholder the other names, on purpose: Chinese writes
# the month as a number where English names it, and leaves out a year or period that 上年同期 /
# 累计 already says. (A placeholder only one language has is otherwise a mistake.)
FEWER_PLACEHOLDERS: dict[tuple[str, str], str] = {
    ("charts", "tip.month"): "上年同月 names the prior month",
    ("charts", "tip.ytd"): "上年同期 names the prior year",
    ("charts", "tip.prior"): "上年同期 names the year",
    **dict.fromkeys(
        [(c, k) for c in ("chart_tip_messages", "problems") for k in ("chart_tip_month_bare", "chart_tip_ytd_bare")],
        "上年同月 / 上年同期 name the prior month and year",
    ),
    ("cli", "round.created"): "Chinese does not count the workbooks it lists below",
    ("cli", "round.month_amount"): "English names the round's month and year, Chinese the month: 10月",
    ("round_workbook", "last_month"): "English names the month and year, Chinese the month: 9月",
    ("fuzzy_dates", "quarter"): "Q{quarter} / 第{nth}季度: Chinese counts the quarter in words",
    ("currency", "foreign_amount"): "English names the currency by its code, Chinese by its name",
    ("money_format", "choice"): "English names the Chinese unit too, which Chinese printouts and workbooks use",
    **dict.fromkeys((("engine_details", words) for words in ENGINE_DETAILS), "English shows the engine's own words"),
}


@cache
def modules() -> list[types.ModuleType]:
    found = [zqtracker]
    for info in pkgutil.walk_packages(zqtracker.__path__, "zqtracker."):
        if info.name.startswith(("zqtracker.ui", "zqtracker.storage.migrations")) or info.name.endswith("__main__"):
            continue
        found.append(importlib.import_module(info.name))
    return found


def all_catalogues() -> list[Catalogue]:
    modules()
    return catalogues()


def placeholders(text: str) -> set[str]:
    """The names a text fills in; a month English names ({month_name}, {first_abbr}) counts as the
    month Chinese numbers ({month}, {first})."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None:
            names.add(re.sub(r"_(name|abbr)$", "", re.split(r"[.\[!:]", name, maxsplit=1)[0]))
    return names


def words_outside_placeholders(text: str) -> str:
    return re.sub(r"\{[^{}]*\}", "", text)


def entries() -> list[tuple[str, str, Text]]:
    """Every sentence, and every remedy an entry words per surface (``key@app``, ``key@cli``)."""
    found = [(c.name, key, text) for c in all_catalogues() for key, text in c.items()]
    for c in all_catalogues():
        for key, ways in c.ways().items():
            found += [(c.name, f"{key}@{surface}", ways.text(surface)) for surface in (APP, CLI)]
    return found


def test_catalogues_are_registered() -> None:
    names = {c.name for c in all_catalogues()}
    assert {"problems", "field_labels", "reports", "charts", "cli_help", "round_workbook"} <= names, names


def test_languages_are_normalised_in_one_place() -> None:
    assert all(is_zh(code) for code in ("zh", "zh_CN", "zh-Hans", "ZH", "zh_CN.UTF-8", " zh"))
    assert not any(is_zh(code) for code in ("en", "en_US", "", None, "de"))
    assert norm_lang("zh-Hans-CN") == "zh" and norm_lang("C") == "en"


@pytest.mark.parametrize("field", ["en", "zh"])
def test_no_key_lacks_a_language(field: str) -> None:
    empty = [(name, key) for name, key, text in entries() if not getattr(text, field).strip()]
    assert not empty, empty


def test_both_languages_have_the_same_placeholders() -> None:
    differ = [
        (name, key, sorted(placeholders(text.en)), sorted(placeholders(text.zh)))
        for name, key, text in entries()
        if placeholders(text.en) != placeholders(text.zh) and (name, key) not in FEWER_PLACEHOLDERS
    ]
    assert not differ, differ


def test_chinese_is_chinese() -> None:
    """Every Chinese text with words in it has Chinese characters (a copied English one has none)."""
    english = [
        (name, key, text.zh)
        for name, key, text in entries()
        if re.search(r"[A-Za-z]{2,}", words_outside_placeholders(text.en))
        and not CJK.search(words_outside_placeholders(text.zh))
    ]
    assert not english, english


def test_english_has_no_chinese_but_the_bureaus_terms() -> None:
    chinese = []
    for name, key, text in entries():
        if (name, key) in ENGLISH_QUOTES_CHINESE:
            continue
        en = words_outside_placeholders(text.en)
        for term in ENGLISH_MAY_SAY:
            en = en.replace(term, "")
        if CJK.search(en):
            chinese.append((name, key, text.en))
    assert not chinese, chinese


@cache
def source_trees() -> dict[Path, ast.Module]:
    return {
        p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py")) if "versions" not in p.parts
    }


def _is_pairs_dict(node: ast.AST) -> bool:
    """A catalogue's literal: a dict whose values are (English, Chinese) pairs, or (English,
    Chinese, Ways(…)) for a sentence that words its remedy per surface."""
    return (
        isinstance(node, ast.Dict)
        and bool(node.values)
        and all(
            isinstance(v, ast.Tuple) and (len(v.elts) == 2 or (len(v.elts) == 3 and isinstance(v.elts[2], ast.Call)))
            for v in node.values
        )
    )


@cache
def used_strings() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Every string constant of the package (ui/ too) but a catalogue's own keys, and the leading
    and trailing constant parts of every f-string (a key a caller composes: f"tip.{kind}",
    f"{dim}.title")."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for tree in source_trees().values():
        own_keys = {id(k) for node in ast.walk(tree) if _is_pairs_dict(node) for k in node.keys}  # type: ignore[attr-defined]
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in own_keys:
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
                if isinstance(head, str) and len(head) >= 2:
                    prefixes.add(head)
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[-1], ast.Constant):
                tail = node.values[-1].value
                if isinstance(tail, str) and len(tail) >= 2:
                    suffixes.add(tail)
    return frozenset(constants), tuple(sorted(prefixes)), tuple(sorted(suffixes))


def test_no_key_is_dead() -> None:
    constants, prefixes, suffixes = used_strings()
    dead = [
        (c.name, key)
        for c in all_catalogues()
        if not c.from_data
        for key in c
        if key not in constants
        and not key.startswith(prefixes)
        and not key.endswith(suffixes)
        and not key.startswith(c.composed)
    ]
    assert not dead, dead


def _catalogue_of(node: ast.expr, namespace: dict[str, object]) -> Catalogue | None:
    """The catalogue a callee is (``CAT``), or whose method it is (``CAT.say``, ``t = CAT.say``)."""
    if isinstance(node, ast.Name):
        obj = namespace.get(node.id)
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        owner = namespace.get(node.value.id)
        obj = owner if isinstance(owner, Catalogue) else getattr(owner, node.attr, None)
    else:
        return None
    if isinstance(obj, Catalogue):
        return obj
    if obj is help_text:  # cli/arguments.h: the help in the language of the command line
        return HELP
    if isinstance(node, ast.Attribute) and node.attr == "say" and getattr(node.value, "id", "") == "console":
        return CLI_WORDS  # Console.say
    owner = getattr(obj, "__self__", None)
    return owner if isinstance(owner, Catalogue) else None


def test_no_caller_asks_for_a_missing_key() -> None:
    missing = []
    checked = 0
    for module in modules():
        path = Path(module.__file__ or "")
        tree = source_trees().get(path)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                callee, first = node.func, node.args[0]
            elif isinstance(node, ast.Subscript):
                callee, first = node.value, node.slice
            else:
                continue
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            catalogue = _catalogue_of(callee, vars(module))
            if catalogue is None:
                continue
            checked += 1
            if first.value not in catalogue:
                missing.append((path.relative_to(PACKAGE).as_posix(), node.lineno, catalogue.name, first.value))
    assert checked > 100  # the walk found the callers
    assert not missing, missing


def test_a_remedy_is_worded_for_where_it_is_read() -> None:
    """An entry with a remedy per surface says ``{how}`` in both languages (and only such an entry
    does); the desktop's remedy names no flag (its user never types one), the command line's no
    preview, dialog or table (it has none)."""
    texts = {(name, key): text for name, key, text in entries() if "@" not in key}
    ways = {(c.name, key): w for c in all_catalogues() for key, w in c.ways().items()}
    assert len(ways) >= 12  # the import's link, column, slash-date, status-word and unit questions
    lacking = [k for k, w in ways.items() if not all("how" in placeholders(t) for t in texts[k])]
    assert not lacking, lacking
    stray = [k for k, t in texts.items() if k not in ways and any("how" in placeholders(x) for x in t)]
    assert not stray, stray
    flags = [(k, w.app) for k, w in ways.items() if any(re.search(r"--[a-z]", t) for t in w.app)]
    assert not flags, flags
    dialog = re.compile(r"preview|dialog|table|question|预览|对话框|表格|问题")
    said = [(k, w.cli) for k, w in ways.items() if any(dialog.search(t) for t in w.cli)]
    assert not said, said


def test_the_surface_picks_the_remedy() -> None:
    from zqtracker.domain.errors import Problem

    near = Problem("near_name", "name", {"value": "恒通二期", "others": "ZQ-001 恒通", "row": 7})
    for lang in ("en", "zh"):
        cli, app = near.message(lang), near.message(lang, APP)
        assert near.message(lang, CLI) == cli and "--link 7=new" in cli and "--" not in app
        assert cli.split("ZQ-001 恒通")[0] == app.split("ZQ-001 恒通")[0]  # one sentence, its remedy apart
    assert "“new project (keep apart)”" in near.message("en", APP) and "“新项目（分开）”" in near.message("zh", APP)


def test_a_missing_key_fails_at_once() -> None:
    from zqtracker.domain.messages import MESSAGES

    with pytest.raises(KeyError):
        MESSAGES.say("no_such_code", "zh")


# Inline choices between the languages below ui/ that are not a sentence from a catalogue, each
# with its reason; the list only shrinks.
INLINE_LANGUAGE_CHOICES: dict[str, str] = {
    "domain/words.py": "the mechanism itself: is_zh and Text.pick",
    "charts/theme.py": "a colour, not a word: growth is red for a Chinese reader",
    "cli/arguments.py": "argparse's own English errors: reworded in Chinese from the catalogue (in_chinese), "
    "kept as argparse wrote them in English (the catalogue's patterns drop its type words)",
}
INLINE = re.compile(r"startswith\(.zh.\)|\bif zh\b|\bzh else\b|if (console|self)\.zh|is_zh\([\w.]*\) else|if is_zh")


def test_no_inline_language_branch_outside_the_list() -> None:
    found: dict[str, list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith(("ui/", "storage/migrations/")):
            continue
        lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if INLINE.search(line)]
        if lines:
            found[name] = lines
    assert set(found) <= set(INLINE_LANGUAGE_CHOICES), {
        k: v for k, v in found.items() if k not in INLINE_LANGUAGE_CHOICES
    }
    assert set(INLINE_LANGUAGE_CHOICES) <= set(found), "listed but gone: shorten the list"
