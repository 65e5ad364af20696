"""An export's annual plan columns (年度计划投资): one money column per year some exported project has a
plan for, named "annual_plan_2025" and headed "2025年度计划投资（万元）" / "Annual plan 2025 (¥ mn)" — the
headers the import reads back as that year's plans, in the unit they name.

They are no PROJECT_COLUMNS field (a project has as many as it has years), so a data table asks
:func:`column_of` for a column of either kind.
"""

from __future__ import annotations

from zqtracker.io.columns import ANNUAL_PLAN_COLUMN, BY_FIELD, WORDS, Column, header_text

PREFIX = "annual_plan_"


def plan_field(year: int) -> str:
    return f"{PREFIX}{year}"


def plan_year(field: str) -> int | None:
    """The year of an annual plan column's field, None for any other field."""
    if field.startswith(PREFIX) and field[len(PREFIX) :].isdigit():
        return int(field[len(PREFIX) :])
    return None


def column_of(field: str) -> Column:
    """The column of an export field: a project field's, or (any year) the annual plan's."""
    return ANNUAL_PLAN_COLUMN if plan_year(field) is not None else BY_FIELD[field]


def export_header(field: str, lang: str, unit_label: str) -> str:
    """The header an export writes: money columns name their unit, a plan column its year."""
    year = plan_year(field)
    if year is None:
        return header_text(BY_FIELD[field], lang, unit_label)
    return WORDS.say("header_unit", lang, header=WORDS.say("plan_year", lang, year=year), unit=unit_label)
