"""``zqtracker summary``: the headline figures, as text or JSON."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import Any

from zqtracker.cli.arguments import h
from zqtracker.cli.common import add_filter_arguments, add_unit_argument, filter_from_args, open_context, unit_of
from zqtracker.cli.console import Console, ExitCode, display_width, pad
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.months import MONTH_ABBREVIATIONS_EN
from zqtracker.domain.status import Status
from zqtracker.domain.unknown import choice_label, unclassified_label, without_amount_text
from zqtracker.io.summary_sheets import join_filters
from zqtracker.stats import gap_words, span_words
from zqtracker.stats.figures import Breakdown, Ytd, percent
from zqtracker.stats.month_figures import Point
from zqtracker.stats.period_words import cancelled_note, period_note
from zqtracker.stats.prior import prior_text
from zqtracker.stats.ytd_reach import total_text, ytd_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help=h("summary"))
    p.add_argument("--year", type=int, help=h("summary.year"))
    p.add_argument("--through", type=int, choices=range(1, 13), metavar="M", help=h("through"))
    p.add_argument("--json", action="store_true", help=h("output_json"))
    add_unit_argument(p)
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    f = filter_from_args(args)
    ctx = open_context(args, f)
    try:
        summary = ctx.statistics.summary(args.year, args.through, f if not f.is_empty() else None)
        c = summary.completed
        # a span straddling the period: say what its year to date leaves out, and growth like with like
        months = ctx.statistics.months(c.year, c.through_month, f if not f.is_empty() else None)
    finally:
        ctx.close()
    if args.json:
        console.json(_with_like(summary.to_json(), months.ytd[c.through_month - 1], c.total))
        return ExitCode.OK
    unit = unit_of(args)
    lang = console.lang

    money = MoneyFormat(unit, lang).text

    def pct(v: float | None) -> str:
        return "—" if v is None else f"{v:+.1f}%"

    def share(n: int, of: int) -> str:
        v = percent(n, of)
        return "—" if v is None else f"{v:.1f}%"

    lacking = without_amount_text(summary.projects_without_amount, lang)
    lines = []
    if summary.is_demo:
        lines.append(console.say("demo_mark"))
    if summary.filters:  # in the language asked for (probe25d W8), as the report and chart say them
        lines.append(console.say("filters", filters=join_filters(f.describe(lang), lang)))
    planned = money(summary.planned_investment)
    lines += [
        console.say("summary.projects", projects=summary.projects, planned=planned, lacking=lacking,
                    billion=summary.billion_yuan_projects),
        console.say("summary.completed", year=c.year, month=c.through_month,
                    month_abbr=MONTH_ABBREVIATIONS_EN[c.through_month - 1],
                    ytd=total_text(c.total, lang, money),
                    prior=prior_text(c.total, lang, money, year=c.year), pct=pct(c.total.yoy_pct)),
    ]  # fmt: skip
    note = period_note(c, lang)
    if note:
        lines.append("  " + note)
    cancelled = summary.by_status.get(Status.CANCELLED, Breakdown())
    if cancelled.projects:  # counted in the totals above, as the design's statistics count every project (U2)
        lines.append("  " + cancelled_note(cancelled.projects, money(cancelled.planned_investment), lang))
    later = span_words.later(c.pending, lang, money)
    if later:
        lines.append("  " + later)
    if c.total.gaps:  # months not reported (a district's March never imported): said, growth like with like
        lines.append("  " + gap_words.line(c.total.gaps, c.total.like_pct, lang, money))
    point = months.ytd[c.through_month - 1]
    if not c.total.comparable and point.partial and not c.total.gaps:
        lines.append("  " + span_words.not_comparable(point.left_out, lang))
        lines.append("  " + span_words.like_growth(point, lang))
    lines += ["", console.say("summary.by_status")]
    lines += _table([(status.label(lang), str(b.projects),
                      "—" if b.projects and b.without_amount == b.projects else money(b.planned_investment),
                      without_amount_text(b.without_amount, lang).strip())
                     for status, b in summary.by_status.items()], right=(1, 2))  # fmt: skip
    kinds_by: dict[str, Mapping[Any, Breakdown]] = {
        "summary.by_origin": summary.by_investor_origin,
        "summary.by_type": summary.by_project_type,
    }
    for title, kinds in kinds_by.items():
        lines += ["", console.say(title)]
        lines += _table([(choice_label(k, lang), str(b.projects), share(b.projects, summary.projects))
                         for k, b in kinds.items() if k is not None or b.projects], right=(1, 2))  # fmt: skip

    # by sector and by district: projects and planned investment beside completed investment (U1), every
    # name with projects or figures (one with projects and no investment too), the unclassified last
    def ytd(y: Ytd) -> str:  # labelled with its months where a figure runs later (stats/ytd_reach.py)
        return ytd_text(y, lang, money)

    def growth(y: Ytd) -> str:
        return gap_words.like_tile(y.like_pct, lang) if y.gaps else pct(y.yoy_pct)

    def lacks(y: Ytd) -> str:
        return gap_words.note(y.gaps, lang, named=False)

    def planned_of(b: Breakdown) -> str:
        return "—" if b.projects and b.without_amount == b.projects else money(b.planned_investment)

    def lines_of(
        projects: Mapping[str, Breakdown], done: Mapping[str, Ytd], unknown: tuple[str, Breakdown, Ytd]
    ) -> list[str]:
        names = list(done) + [n for n in projects if n not in done]
        rows = [
            (
                n,
                str(projects.get(n, Breakdown()).projects),
                planned_of(projects.get(n, Breakdown())),
                ytd(done.get(n, Ytd(reported=c.reported))),
                growth(done.get(n, Ytd())),
                lacks(done.get(n, Ytd())),
            )
            for n in names
        ]
        label, b, y = unknown
        if b.projects or y.ytd or y.prior_ytd:
            rows.append((label, str(b.projects), planned_of(b), ytd(y), growth(y), lacks(y)))
        return _table(rows, right=(1, 2, 3, 4))

    lines += ["", console.say("summary.by_sector")]
    lines += lines_of(
        summary.by_sector,
        c.by_sector,
        (unclassified_label("sector", lang), summary.unclassified_sector, c.unclassified_sector),
    )
    lines += ["", console.say("summary.by_district")]
    lines += lines_of(
        summary.by_district,
        c.by_district,
        (unclassified_label("district", lang), summary.unclassified_district, c.unclassified_district),
    )
    console.print("\n".join(lines))
    return ExitCode.OK


def _table(rows: Sequence[tuple[str, ...]], right: tuple[int, ...] = ()) -> list[str]:
    """Rows as indented columns, padded by terminal width (a Chinese name is twice as wide as
    its characters count), numbers right-aligned."""
    if not rows:
        return []
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(pad(cell, widths[i], right=i in right) for i, cell in enumerate(r)).rstrip() for r in rows]


def _with_like(out: dict, point: Point, total: Ytd) -> dict:
    """A span straddling the period (either year) leaves the growth without a figure: the like-with-like
    one, leaving those projects out of both years, is given beside it, as the text gives it (probe30b F2)."""
    if not total.comparable and point.partial and not total.gaps:
        left = point.left_out
        out["completed_investment"] |= {
            "like_for_like_ytd_yuan": point.current,
            "like_for_like_prior_ytd_yuan": point.prior,
            "like_for_like_yoy_pct": point.yoy_pct,
            "like_for_like_left_out": {"projects": left.projects, "districts": list(left.districts)},
        }
    return out
