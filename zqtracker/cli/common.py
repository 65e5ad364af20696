"""Helpers shared by subcommands: opening the database, filters, units."""

from __future__ import annotations

import argparse

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.status import parse_status
from zqtracker.services.context import AppContext


def open_context(args: argparse.Namespace) -> AppContext:
    return AppContext.open(args.db)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("filters")
    g.add_argument("--status", action="append", default=[], help="status (any language); repeatable")
    g.add_argument("--sector", action="append", default=[], help="sector or industry chain; repeatable")
    g.add_argument("--district", action="append", default=[], help="district or park; repeatable")
    g.add_argument("--search", default="", help="text in name, code or enterprise")
    g.add_argument("--signed-year", type=int, help="signed in this year")
    g.add_argument("--key", action="store_true", help="key projects only")
    g.add_argument("--billion", action="store_true", help="projects of 1 billion yuan or more only")
    g.add_argument(
        "--missing",
        action="append",
        default=[],
        metavar="FIELDS",
        help="projects lacking any of these: sector, district, amount (comma-separated or repeated)",
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
    parser.add_argument("--unit", choices=("wan", "yi"), default=default, help="show money in 万元 or 亿元")


def unit_of(args: argparse.Namespace) -> Unit:
    return Unit(args.unit)


__all__ = ["ValidationError", "add_filter_arguments", "filter_from_args", "open_context", "unit_of"]
