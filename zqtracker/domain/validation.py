"""Rules a project or enterprise must satisfy before it is stored."""

from __future__ import annotations

import re
import unicodedata

from zqtracker.domain.credit_code import credit_code_problem, normalize_credit_code
from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.fuzzy_dates import period_end
from zqtracker.domain.models import Enterprise, Project
from zqtracker.domain.money import MAX_LAND_AREA_MU, MAX_MONEY

MAX_TEXT = {
    "code": 64, "name": 200, "enterprise": 200, "officer": 100, "contact": 200, "progress_note": 10_000,
    "notes": 10_000,
}  # fmt: skip
# Text fields where an empty value means "unknown" (stored as NULL).
_OPTIONAL_TEXT = ("code", "enterprise", "sector", "district", "officer", "contact")
_DATE_ORDER = (("signed_on", "construction_start_on"), ("construction_start_on", "production_on"))

# What a Chinese spreadsheet types for the hyphen of a code ("2023－441200－36－03－000001"): the
# Unicode dashes ‐ ‑ ‒ – — ― ⸺ ⸻, minus signs − ⁻ ₋, the hyphen bullet ⁃, box-drawing ─ ━, the
# long-vowel marks ー ｰ, and the full-width, small and vertical forms (NFKC maps － ﹣ to "-" itself).
_CODE_DASHES = str.maketrans(
    dict.fromkeys(
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u207b\u208b\u2212\u2500\u2501\u2e3a\u2e3b\u30fc"
        "\ufe31\ufe32\ufe58\ufe63\uff0d\uff70",
        "-",
    )
)
# Every space (full-width, no-break, line breaks …) and the invisible characters that ride along
# with pasted text: zero-width spaces and joiners, soft hyphens, direction marks, byte-order marks.
# Zero-width spaces and joiners, direction marks and overrides, word joiners, a byte-order mark: what no
# name or code should hold (a character class's inside; io/values strips them from texts too).
INVISIBLE_MARKS = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_CODE_GAPS_RE = re.compile(f"[\\s\u00ad\u061c\u180e{INVISIBLE_MARKS}]+")


def normalize_code(code: str) -> str:
    """A project code in the one spelling it is stored and compared in: full- and half-width alike
    (NFKC: "２０２３" → "2023"), every dash a hyphen-minus, no spaces or invisible characters
    anywhere. Each dash becomes one hyphen ("——" → "--"); letter case is kept."""
    if code.isascii() and code.isprintable() and " " not in code:  # the usual code: nothing to do
        return code
    return _CODE_GAPS_RE.sub("", unicodedata.normalize("NFKC", code).translate(_CODE_DASHES))


def project_problems(project: Project) -> list[Problem]:
    """Every problem of a project. Only the name is required: an unknown sector, district or
    planned investment is None, and a project without them is incomplete, not invalid."""
    problems: list[Problem] = []
    if project.name is None or not str(project.name).strip():
        problems.append(Problem("required", "name"))
    for name, limit in MAX_TEXT.items():
        value = getattr(project, name)
        if value and len(value) > limit:
            problems.append(Problem("too_long", name, {"limit": limit}))
    for name in ("planned_investment", "expected_annual_output", "expected_annual_tax"):
        value = getattr(project, name)
        if value is None:
            continue
        if value < 0:
            problems.append(Problem("negative_money", name, {"value": value}))
        elif value > MAX_MONEY:
            problems.append(Problem("too_large", name, {"value": value}))
    if project.land_area_mu is not None and project.land_area_mu < 0:  # 0: no new land (a rented plant)
        problems.append(Problem("negative_area", "land_area_mu", {"value": project.land_area_mu}))
    elif project.land_area_mu is not None and project.land_area_mu > MAX_LAND_AREA_MU:
        problems.append(Problem("too_large", "land_area_mu", {"value": project.land_area_mu}))
    for earlier, later in _DATE_ORDER:
        a, b = getattr(project, earlier), getattr(project, later)
        # a date of month, quarter or year precision may be any day of its period
        if a is not None and b is not None and period_end(b, getattr(project, f"{later}_precision")) < a:
            problems.append(
                Problem(
                    "dates_out_of_order",
                    later,
                    {"value": b.isoformat(), "other": a.isoformat(), "other_field": earlier},
                )
            )
    for name in ("signed_on", "construction_start_on", "production_on"):
        d = getattr(project, name)
        if d is not None and not 1900 <= d.year <= 2200:
            problems.append(Problem("year_out_of_range", name, {"value": d.year}))
    problems.extend(_figure_problems(project))
    return problems


def _figure_problems(project: Project) -> list[Problem]:
    """自开工累计 needs its month; an amount of another currency is its yuan amount's source."""
    out: list[Problem] = []
    amount, year, month = project.since_start_amount, project.since_start_year, project.since_start_month
    if amount is not None:
        if amount < 0:
            out.append(Problem("negative_money", "since_start_amount", {"value": amount}))
        elif amount > MAX_MONEY:
            out.append(Problem("too_large", "since_start_amount", {"value": amount}))
        if year is None or month is None:
            out.append(Problem("required", "since_start_month"))
        elif not 1 <= month <= 12 or not 1900 <= year <= 2200:
            out.append(Problem("bad_month", "since_start_month", {"value": f"{year}-{month}"}))
    elif year is not None or month is not None:
        out.append(Problem("required", "since_start_amount"))
    foreign = project.planned_foreign
    if foreign is not None and project.planned_investment != foreign.yuan:
        out.append(
            Problem(
                "foreign_mismatch",
                "planned_investment",
                {"value": project.planned_investment, "yuan": foreign.yuan, "original": foreign.label("en")},
            )
        )
    return out


def validate_project(project: Project) -> Project:
    """Tidy the text fields and raise :class:`ValidationError` listing every problem at once.

    Blank optional text (sector, district, contact …) becomes None: unknown, not "".
    A progress note keeps its line breaks (only its ends are trimmed).
    """
    for name in ("name", *_OPTIONAL_TEXT):
        value = getattr(project, name)
        if isinstance(value, str):
            value = normalize_code(value) if name == "code" else " ".join(value.split())
            setattr(project, name, value or None if name in _OPTIONAL_TEXT else value)
    if isinstance(project.progress_note, str):
        project.progress_note = project.progress_note.strip() or None
    problems = project_problems(project)
    if problems:
        raise ValidationError(problems)
    return project


def validate_enterprise(enterprise: Enterprise) -> Enterprise:
    problems: list[Problem] = []
    enterprise.name = " ".join((enterprise.name or "").split())
    if not enterprise.name:
        problems.append(Problem("required", "enterprise"))
    if enterprise.credit_code:
        enterprise.credit_code = normalize_credit_code(enterprise.credit_code)
        reason = credit_code_problem(enterprise.credit_code)
        if reason:
            problems.append(
                Problem("bad_credit_code", "credit_code", {"value": enterprise.credit_code, "reason": reason})
            )
    else:
        enterprise.credit_code = None
    if problems:
        raise ValidationError(problems)
    return enterprise


def validate_amount(amount: int, field: str = "amount") -> int:
    if amount < 0:
        raise ValidationError(Problem("negative_money", field, {"value": amount}))
    if amount > MAX_MONEY:
        raise ValidationError(Problem("too_large", field, {"value": amount}))
    return amount


def validate_month(year: int, month: int) -> None:
    if not 1 <= month <= 12:
        raise ValidationError(Problem("bad_month", "month", {"value": f"{year}-{month}"}))
    if not 1900 <= year <= 2200:
        raise ValidationError(Problem("year_out_of_range", "year", {"value": year}))
