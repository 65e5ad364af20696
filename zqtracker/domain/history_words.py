"""The audit trail in words, in either language: which field, which action, values as shown.

English words are labels and sentence starts ("Edit", "Import of 高要区.xlsx", "Completed
investment 2024-03: (none) → 20,000,000 yuan"): they head a cell of the change log and a line of
`zqtracker history`, as a field label ("Planned investment") does. Inside a sentence (a refused
write's "… by 王芳 (edit) — …") an action reads in the sentence's case: :func:`action_in_sentence`."""

from __future__ import annotations

from typing import Any

from zqtracker.domain.messages import field_label
from zqtracker.domain.months import calendar_text
from zqtracker.domain.words import Catalogue

_ACTION_LABELS: dict[str, tuple[str, str]] = {
    "create": ("Created", "新建"),
    "edit": ("Edit", "编辑"),
    "delete": ("Deleted", "删除"),
    "bulk": ("Bulk change", "批量修改"),
    "import": ("Import", "导入"),
    "undo": ("Undo", "撤销"),
    "redo": ("Redo", "重做"),
}
ACTION_LABELS = Catalogue("history_actions", _ACTION_LABELS)

# The same actions named inside a sentence: lower case in English; Chinese has no case, its words
# are the labels'.
_ACTIONS_IN_SENTENCE: dict[str, tuple[str, str]] = {
    "create": ("created", "新建"),
    "edit": ("edit", "编辑"),
    "delete": ("deleted", "删除"),
    "bulk": ("bulk change", "批量修改"),
    "import": ("import", "导入"),
    "undo": ("undo", "撤销"),
    "redo": ("redo", "重做"),
    "import_of": ("import of {source}", "导入“{source}”"),
}
ACTIONS_IN_SENTENCE = Catalogue("history_actions_in_sentence", _ACTIONS_IN_SENTENCE)


_WORDS: dict[str, tuple[str, str]] = {
    "import_of": ("Import of {source}", "导入“{source}”"),
    "project_created": ("Project created", "项目新建"),
    "project_deleted": ("Project deleted", "项目删除"),
    "investment_of": ("Completed investment {period}", "{period} 完成投资"),
    "plan_of": ("Annual plan {year}", "{year} 年度计划"),
    "none": ("(none)", "（空）"),
    "yes": ("Yes", "是"),
    "no": ("No", "否"),
    "yuan": ("{amount} yuan", "{amount} 元"),
    "as_of": ("{amount} (as of {month})", "{amount}（截至{month}）"),
}
WORDS = Catalogue("history", _WORDS)


def action_text(action: str, source: str | None, lang: str = "en") -> str:
    words = ACTION_LABELS.say(action, lang) if action in ACTION_LABELS else action
    if action == "import" and source:
        return WORDS.say("import_of", lang, source=source)
    return words


def action_in_sentence(action: str, source: str | None, lang: str = "en") -> str:
    if action == "import" and source:
        return ACTIONS_IN_SENTENCE.say("import_of", lang, source=source)
    return ACTIONS_IN_SENTENCE.say(action, lang) if action in ACTIONS_IN_SENTENCE else action


def field_text(field: str, lang: str = "en") -> str:
    if field == "created":
        return WORDS.say("project_created", lang)
    if field == "deleted":
        return WORDS.say("project_deleted", lang)
    if field.startswith("investment "):
        return WORDS.say("investment_of", lang, period=field.split(" ", 1)[1])
    if field.startswith("plan "):
        return WORDS.say("plan_of", lang, year=field.split(" ", 1)[1])
    return field_label(field, lang)


def as_of_text(amount: str, year: int, month: int, lang: str = "en") -> str:
    """ "303,691,200 yuan (as of Oct 2026)": a 自开工累计 with the month it is as of (the same amount as of a
    later month is a change too)."""
    return WORDS.say("as_of", lang, amount=amount, month=calendar_text("month_abbr_year", lang, month=month, year=year))


def value_text(field: str, value: Any, lang: str = "en") -> str:
    """Stored text as a person reads it: statuses and flags in words, amounts in yuan (自开工累计 with the month
    it is as of: {"amount", "year", "month"})."""
    if value is None or value == "":
        return WORDS.say("none", lang)
    if field == "status":
        from zqtracker.domain.status import Status

        try:
            return Status(value).label(lang)
        except ValueError:
            return value
    if field == "is_key_project":
        return WORDS.say("yes" if value == "true" else "no", lang)
    if field == "since_start" and isinstance(value, dict):  # the import's change lines: an amount as of a month
        return as_of_text(value_text("planned_investment", value["amount"], lang), value["year"], value["month"], lang)
    if field in ("planned_investment", "expected_annual_output", "expected_annual_tax") or field.startswith(
        ("investment ", "plan ")
    ):
        try:
            return WORDS.say("yuan", lang, amount=f"{int(value):,}")
        except ValueError:
            return value
    return value
