"""The export's lines lacking a month not reported (stats/gaps.py: a district's March report never
imported), as the key figures give them: the year to date what was reported, its growth like with
like (those district-months left out of both years), and a note saying so — the by-sector,
by-district and by-chain sheets' rows, and the monthly table's months.
"""

from __future__ import annotations

from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.stats import gap_words
from zqtracker.stats.figures import Ytd
from zqtracker.stats.month_figures import Point


def growth(y: Ytd) -> float | None:
    """A line's growth: like with like where it lacks a month not reported."""
    return y.like_pct if y.gaps else y.yoy_pct


def gap_note(y: Ytd, lang: str, unit: Unit) -> str:
    """ "March not reported (高要区). Year on year like with like +20.0%: … (648 against 540)"."""
    return gap_words.line(y.gaps, y.like_pct, lang, MoneyFormat(unit, lang, exact=True).text)


def month_note(p: Point, lang: str, unit: Unit) -> str:
    """A month's (or a year to date's) like with like, where a district did not report a month."""
    return gap_words.line(p.gaps, p.yoy_pct, lang, MoneyFormat(unit, lang, exact=True).text) if p.gaps else ""
