"""Helpers shared by subcommands: opening the database, filters, units."""

from __future__ import annotations

import argparse

from zqtracker.cli.arguments import h
from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.status import parse_status
from zqtracker.services.context import AppContext


def open_context(args: argparse.Namespace, f: ProjectFilter | None = None) -> AppContext:
    """The database of ``--db``; with a filter, its sector and district names are checked first:
    a name the database does not know matches nothing, so it is refused (exit 1) with the names
    that are there, instead of an empty answer that looks like "no such projects"."""
    ctx = AppContext.open(args.db)
    if f is not None and (f.sectors or f.districts):
        try:
            check_names(ctx, f)
        except ValidationError:
            ctx.close()
            raise
    return ctx


def check_names(ctx: AppContext, f: ProjectFilter) -> None:
    sectors = ctx.references.sectors()
    known = {
        "sector": {s.name for s in sectors} | {s.parent for s in sectors if s.parent},
        "district": {d.name for d in ctx.references.districts()},
    }
    problems = [
        Problem("unknown_reference", field, {"value": name, "known": "、".join(sorted(known[field])) or "—"})
        for field, names in (("sector", f.sectors), ("district", f.districts))
        for name in sorted(names)
        if name not in known[field]
    ]
    if problems:
        raise ValidationError(problems)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(h("filters"))
    g.add_argument("--status", action="append", default=[], help=h("filter.status"))
    g.add_argument("--sector", action="append", default=[], help=h("filter.sector"))
    g.add_argument("--district", action="append", default=[], help=h("filter.district"))
    g.add_argument("--search", default="", help=h("filter.search"))
    g.add_argument("--signed-year", type=int, help=h("filter.signed_year"))
    g.add_argument("--key", action="store_true", help=h("filter.key"))
    g.add_argument("--billion", action="store_true", help=h("filter.billion"))
    g.add_argument(
        "--missing",
        action="append",
        default=[],
        metavar="FIELDS",
        help=h("filter.missing"),
    )


def filter_from_args(args: argparse.Namespace) -> ProjectFilter:
    """Raises ValidationError (exit 1) for an unknown status word or missing-field name."""
    statuses = []
    for word in args.status:
        for part in word.split(","):
            if part.strip():
                statuses.append(parse_status(part.strip()))
    return ProjectFilter(
        search=args.search or "",
        statuses=frozenset(statuses),
        sectors=frozenset(args.sector),
        districts=frozenset(args.district),
        signed_year=args.signed_year,
        key_only=args.key,
        billion_only=args.billion,
        missing=frozenset(_missing_fields(getattr(args, "missing", []))),
    )


_MISSING_NAMES = {"sector": "sector", "district": "district", "amount": "planned_investment",
                  "planned_investment": "planned_investment", "行业": "sector", "区域": "district",
                  "金额": "planned_investment"}  # fmt: skip


def _missing_fields(words: list[str]) -> list[str]:
    out = []
    for word in words:
        for part in word.replace("，", ",").replace("、", ",").split(","):
            name = part.strip().casefold()
            if not name:
                continue
            if name not in _MISSING_NAMES:
                raise ValidationError(Problem("unknown_choice", "missing", {"value": part.strip()}))
            out.append(_MISSING_NAMES[name])
    return out


def add_unit_argument(parser: argparse.ArgumentParser, default: str = "yi") -> None:
    parser.add_argument("--unit", choices=("wan", "yi"), default=default, help=h("unit"))


def unit_of(args: argparse.Namespace) -> Unit:
    return Unit(args.unit)


__all__ = ["ValidationError", "add_filter_arguments", "filter_from_args", "open_context", "unit_of"]
