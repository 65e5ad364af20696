"""Last year's same period, where its figure is not those months — the one rule behind what every view
(``summary`` and --json, the dashboard, the PDFs, the export) puts under 上年同期.

Last year's year to date through month M sums its records up to M. A figure of last year covering M
together with later months (a quarterly 7–9月 report seen through August, one 1–12月 report) is not
in it: the sum then covers fewer months than the label says. Where every record summed ends by the
month before the earliest such figure begins (2024 sent as 1–3, 4–6, 7–9, 10–12月: through October
the sum is 1–9月), the figure is that year to date and is labelled with its months ("2024年1–9月
36.03亿元"); where nothing is summed (2024 one 1–12月) or the records summed end in different months,
there is no figure of the same period ("—", never 0). Growth has none either way (``Ytd.comparable``).
Nor is there one when last year has no record at all (2023 never imported): "—", never 0.00.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from zqtracker.domain.months import ytd_span
from zqtracker.domain.prior_messages import PRIOR_MESSAGES
from zqtracker.stats.cube import InvestmentCube
from zqtracker.stats.figures import CompletedInvestment, Ytd

NO_FIGURE = "—"


def prior_reach(cube: InvestmentCube, year: int, through: int, dim: str | None = None) -> dict[str | None, int]:
    """Per key of ``dim`` (None: the total, under None) whose last-year figure is not January–``through``:
    the month it really reaches (0: no figure of the same period). Keys whose figure is the same
    period are left out."""
    reach: dict[str | None, int] = {}
    for c in cube.cells:
        if c.year == year - 1 and c.first is not None and c.first <= through < c.month:
            key = getattr(c, dim) if dim else None
            reach[key] = min(reach.get(key, 12), c.first - 1)
    for c in cube.cells:
        key = getattr(c, dim) if dim else None
        if c.year == year - 1 and c.month <= through and key in reach and c.month > reach[key]:
            reach[key] = 0  # records ending in different months: the sum is no one period
    return reach


def with_prior_reach(c: CompletedInvestment, cube: InvestmentCube) -> CompletedInvestment:
    """``c`` with each line's :attr:`Ytd.prior_through` set where last year's figure is not the same months."""
    year, through = c.year, c.through_month
    total = prior_reach(cube, year, through).get(None)
    dims = {dim: prior_reach(cube, year, through, dim) for dim in ("sector", "district", "chain")}
    if c.reported and not any(cell.year == year - 1 for cell in cube.cells):
        # probe32a F3: last year has no record at all (of the view's projects): no figure ("—", JSON
        # null), never 0.00 — a 0 reads as nothing invested
        total = 0
        lines_ = {"sector": c.by_sector, "district": c.by_district, "chain": c.by_chain}
        dims = {dim: dict.fromkeys([*lines_[dim], None], 0) for dim in dims}
    if total is None and not any(dims.values()):
        return c

    def lines(ytds: dict[str, Ytd], dim: str) -> dict[str, Ytd]:
        return {k: replace(y, prior_through=dims[dim].get(k)) for k, y in ytds.items()}

    return replace(
        c,
        total=replace(c.total, prior_through=total),
        by_sector=lines(c.by_sector, "sector"),
        by_district=lines(c.by_district, "district"),
        by_chain=lines(c.by_chain, "chain"),
        unclassified_sector=replace(c.unclassified_sector, prior_through=dims["sector"].get(None)),
        unclassified_district=replace(c.unclassified_district, prior_through=dims["district"].get(None)),
        unclassified_chain=replace(c.unclassified_chain, prior_through=dims["chain"].get(None)),
    )


def prior_text(y: Ytd, lang: str, money: Callable[[int], str], *, year: int | None = None) -> str:
    """What stands under 上年同期 for line ``y``: the amount; "—" where there is no figure of the same
    period; else the amount with the months it covers — with the ``year`` of the line (last year's is
    year − 1) "2024年1–9月 36.03亿元", without it (a table's cell) "36.03（1–9月）"."""
    if y.prior_through is None:
        return money(y.prior_ytd)
    if y.prior_through == 0:
        return NO_FIGURE
    if year is None:
        span = ytd_span(y.prior_through, lang)
        return PRIOR_MESSAGES.say("prior_span_cell", lang, amount=money(y.prior_ytd), span=span)
    span = ytd_span(y.prior_through, lang, year - 1)
    return PRIOR_MESSAGES.say("prior_span", lang, span=span, amount=money(y.prior_ytd))
