"""This year's year to date where a figure of months up to the period runs later — the one rule behind the
months ``summary`` (text, --json) and the overview put beside each line.

A figure covering the period's month together with later months (2024 1–9月 month by month, then one
10–12月 figure, seen through October) is not in the year to date (it counts from its last month). A
line whose records summed all end by the month before the earliest such figure begins covers those
months: 高要区 "180（1–9月）" (``Ytd.through`` 9; 0: nothing summed, "—"); a line whose records end in
different months (one project through September, another through October) says it leaves those
figures out (``SOME_LATER``). The total line has its own note (stats/span_words.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from zqtracker.domain.months import ytd_span
from zqtracker.domain.span_label_messages import SPAN_LABEL_MESSAGES
from zqtracker.stats.cube import InvestmentCube
from zqtracker.stats.figures import CompletedInvestment, Ytd
from zqtracker.stats.prior import NO_FIGURE, prior_reach, with_prior_reach

SOME_LATER = -1  # Ytd.through of a line whose records end in different months


def ytd_reach(cube: InvestmentCube, year: int, through: int, dim: str | None = None) -> dict[str | None, int]:
    """Per key of ``dim`` (None: the total) with a figure of ``year`` covering ``through`` together with later
    months: the month its year to date reaches (0: nothing summed), or :data:`SOME_LATER`."""
    reach = prior_reach(cube, year + 1, through, dim)  # the same rule, of ``year`` itself
    for c in cube.cells:
        key = getattr(c, dim) if dim else None
        if reach.get(key) == 0 and c.year == year and c.month <= through:
            reach[key] = SOME_LATER  # prior_reach's 0 of records ending in different months
    return reach


def with_reach(c: CompletedInvestment, cube: InvestmentCube) -> CompletedInvestment:
    """``c`` with each line's months where this year's or last year's figure is not January–through
    (:attr:`Ytd.through`, :attr:`Ytd.prior_through`); a key with only such a figure gets its line."""
    c = with_prior_reach(c, cube)
    year, through = c.year, c.through_month
    total = ytd_reach(cube, year, through).get(None)
    dims = {dim: ytd_reach(cube, year, through, dim) for dim in ("sector", "district", "chain")}
    if total is None and not any(dims.values()):
        return c

    def lines(ytds: dict[str, Ytd], dim: str) -> dict[str, Ytd]:
        empty = Ytd(reported=c.total.reported)
        out = {k: replace(y, through=dims[dim].get(k)) for k, y in ytds.items()}
        return out | {k: replace(empty, through=r) for k, r in dims[dim].items() if k is not None and k not in out}

    def unclassified(y: Ytd, dim: str) -> Ytd:
        return replace(y, through=dims[dim].get(None))

    return replace(
        c,
        total=replace(c.total, through=total),
        by_sector=lines(c.by_sector, "sector"),
        by_district=lines(c.by_district, "district"),
        by_chain=lines(c.by_chain, "chain"),
        unclassified_sector=unclassified(c.unclassified_sector, "sector"),
        unclassified_district=unclassified(c.unclassified_district, "district"),
        unclassified_chain=unclassified(c.unclassified_chain, "chain"),
    )


def ytd_text(y: Ytd, lang: str, money: Callable[[int], str]) -> str:
    """A line's year to date: the amount; "—" for a year nothing is recorded for, or a line with only a
    figure running later; else the amount with the months it covers ("180（1–9月）") or saying it leaves
    such figures out ("72（不含合并填报）")."""
    if not y.reported or y.through == 0:
        return NO_FIGURE
    if y.through is None:
        return money(y.ytd)
    if y.through == SOME_LATER:
        return SPAN_LABEL_MESSAGES.say("ytd_some_later", lang, amount=money(y.ytd))
    return SPAN_LABEL_MESSAGES.say("ytd_span_cell", lang, amount=money(y.ytd), span=ytd_span(y.through, lang))


def total_text(y: Ytd, lang: str, money: Callable[[int], str]) -> str:
    """The total line's year to date: as :func:`ytd_text`, but where its projects' figures end in different
    months plain (its note says what it leaves out: stats/span_words.py)."""
    return ytd_text(replace(y, through=None) if y.through == SOME_LATER else y, lang, money)


def span_note(lines: Iterable[Ytd], lang: str) -> str:
    """Under a table whose lines have such labels: what they mean ("" when none has one)."""
    return SPAN_LABEL_MESSAGES.say("ytd_span_note", lang) if any(y.through is not None for y in lines) else ""
