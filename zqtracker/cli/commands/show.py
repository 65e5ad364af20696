"""``zqtracker show CODE|ID``: one project with every field, its figures and its monthly records.

What ``list`` gives per project, plus what a project carries beyond a table row: 自开工累计 with its
month and share of planned investment, the amount as given in another currency, each date at its
precision, and the monthly records — a 1–X月 figure labelled as covering those months.
"""

from __future__ import annotations

import argparse

from zqtracker.cli.arguments import h
from zqtracker.cli.commands.list_projects import enum_json, figures_json, json_number
from zqtracker.cli.common import add_unit_argument, open_context, unit_of
from zqtracker.cli.console import Console, ExitCode
from zqtracker.cli.words import WORDS
from zqtracker.domain.cumulative import MonthSpan, span_of
from zqtracker.domain.errors import NotFoundError
from zqtracker.domain.fuzzy_dates import DATE_FIELDS
from zqtracker.domain.messages import field_label
from zqtracker.domain.models import Project
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help=h("show"))
    p.add_argument("project", help=h("show.project"))
    add_unit_argument(p)
    p.add_argument("--json", action="store_true", help=h("output_json"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    ctx = open_context(args)
    try:
        project = _find(ctx, args.project)
        if project is None or project.id is None:  # a stored project always has an id
            console.error(console.say("show.no_project", value=args.project))
            return ExitCode.INVALID_INPUT
        records = ctx.projects.investment(project.id)
        plans = ctx.projects.plans(project.id)
        figures = ctx.projects.figures_of([project.id]).get(project.id)
        # the enterprise's 统一社会信用代码 (stored on the enterprise, not the project)
        code = next((e.credit_code for e in ctx.references.enterprises() if e.name == project.enterprise), None)
    finally:
        ctx.close()
    if args.json:
        console.json({**_json(project, records, figures, plans), "credit_code": code})
        return ExitCode.OK
    lang, unit = console.lang, unit_of(args)
    lines = [(field_label("name", lang), project.name), (field_label("code", lang), project.code or "")]
    fields = ("enterprise", "sector", "district", "status")
    lines += [(field_label(f, lang), _text(project, f, lang, unit)) for f in fields]
    if code:
        lines.insert(3, (field_label("credit_code", lang), code))  # after the enterprise
    lines.append(
        (
            _with_unit(field_label("planned_investment", lang), unit, lang),
            _money(project.planned_investment, unit, lang),
        )
    )
    if project.planned_foreign is not None:
        lines.append((field_label("planned_foreign", lang), project.planned_foreign.label(lang)))
    if project.since_start_amount is not None:
        share = project.since_start_pct
        month = MonthSpan(project.since_start_year, project.since_start_month, project.since_start_month)  # type: ignore[arg-type]
        text = _money(project.since_start_amount, unit, lang)
        when = month.label(lang, with_year=True)
        text += ("" if share is None else WORDS.say("show.share", lang, pct=share)) + WORDS.say(
            "show.through", lang, when=when
        )
        lines.append((_with_unit(field_label("since_start_amount", lang), unit, lang), text))
    for plan in plans:  # 年度计划投资, the base of % of plan
        label = _with_unit(WORDS.say("show.annual_plan", lang, year=plan.year), unit, lang)
        lines.append((label, _money(plan.amount, unit, lang)))
    for f in DATE_FIELDS:
        fuzzy = project.fuzzy(f)
        lines.append((field_label(f, lang), "" if fuzzy is None else fuzzy.label(lang, fuzzy.day.isoformat())))
    lines += _more(project, lang, unit)
    for label, value in lines:
        console.print(f"{label}\t{value}")
    if records:
        console.print("")
        console.print(console.say("show.month") + "\t" + _with_unit(field_label("amount", lang), unit, lang))
        for r in records:
            console.print(f"{span_of(r).label(lang, with_year=True)}\t{_money(r.amount, unit, lang)}")
    return ExitCode.OK


def _more(project: Project, lang: str, unit: Unit) -> list[tuple[str, str]]:
    """The fields beyond the figures: land, expected output and tax, the key-project mark, type and
    origin, the officer and contact, the latest progress and the remarks (multi-line texts on one line)."""
    out = [
        (
            field_label("land_area_mu", lang),
            "" if project.land_area_mu is None else format(project.land_area_mu.normalize(), "f"),
        )
    ]
    for f in ("expected_annual_output", "expected_annual_tax"):
        out.append((_with_unit(field_label(f, lang), unit, lang), _money(getattr(project, f), unit, lang)))
    out.append(
        (field_label("is_key_project", lang), WORDS.say("show.yes" if project.is_key_project else "show.no", lang))
    )
    for f in ("project_type", "investor_origin"):
        value = getattr(project, f)
        out.append((field_label(f, lang), "" if value is None else value.label(lang)))
    for f in ("officer", "contact", "progress_note", "notes"):
        out.append((field_label(f, lang), " ".join((getattr(project, f) or "").split())))
    return out


def _find(ctx, key: str) -> Project | None:
    """By code first (codes may be digits: "007"), else by id."""
    pid = ctx.projects.id_by_code(key)
    if pid is None and key.isdigit():
        pid = int(key)
    if pid is None:
        return None
    try:
        return ctx.projects.get(pid)
    except NotFoundError:
        return None


def _money(yuan: int | None, unit: Unit, lang: str) -> str:
    """Every digit down to the yuan: what is stored, not a rounding of it (domain.money_format)."""
    return "" if yuan is None else MoneyFormat(unit, lang, exact=True).number(yuan)


def _with_unit(label: str, unit: Unit, lang: str) -> str:
    return MoneyFormat(unit, lang).header(label)


def _text(project: Project, field: str, lang: str, unit) -> str:
    value = getattr(project, field)
    if field == "status":
        return value.label(lang)
    return "" if value is None else str(value)


def _json(project: Project, records, figures, plans) -> dict:
    out: dict[str, object] = {
        "id": project.id,
        "code": project.code,
        "name": project.name,
        "enterprise": project.enterprise,
        "sector": project.sector,
        "district": project.district,
        "status": project.status.value,
        "planned_investment_yuan": project.planned_investment,
        "land_area_mu": json_number(project.land_area_mu),
        "expected_annual_output_yuan": project.expected_annual_output,
        "expected_annual_tax_yuan": project.expected_annual_tax,
        **{f: None if project.fuzzy(f) is None else project.fuzzy(f).iso() for f in DATE_FIELDS},  # type: ignore[union-attr]
        "is_key_project": project.is_key_project,
        "project_type": enum_json(project.project_type),
        "investor_origin": enum_json(project.investor_origin),
        "officer": project.officer,
        "contact": project.contact,
        "progress_note": project.progress_note,
        "notes": project.notes,
        **figures_json(figures),
        "annual_plans": [{"year": p.year, "amount_yuan": p.amount} for p in plans],
        "investment": [
            {"year": r.year, "first_month": r.first, "month": r.month, "amount_yuan": r.amount} for r in records
        ],
    }
    return out
