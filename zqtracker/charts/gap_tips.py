"""The charts' tooltip lines about months not reported (stats/gaps.py), shared by the charts over the
months and the bars by sector and district: where a tooltip already gives a growth on a line of its
own, the like-with-like sums go without it (the figure said once), and the months not reported are
named once, under the figures."""

from __future__ import annotations

from zqtracker.domain.chart_tip_messages import CHART_TIP_MESSAGES
from zqtracker.stats import gap_words
from zqtracker.stats.gaps import Gaps


def like_sums(g: Gaps, lang: str, money: gap_words.Money) -> str:
    """Both years' sums like with like, without the growth; where there is none, why."""
    if g.like is None:
        return gap_words.like(g, None, lang, money)  # a figure of several months holds a month not reported
    return CHART_TIP_MESSAGES.say("chart_tip_like_sums", lang, this=money(g.like[0]), prior=money(g.like[1]))


def note_line(g: Gaps, lang: str) -> list[str]:
    """ "September, October not reported (高要区)." — one line, or none where nothing lacks."""
    said = gap_words.note(g, lang) if g else ""
    return [CHART_TIP_MESSAGES.say("chart_tip_gap_note", lang, note=said[:1].upper() + said[1:])] if said else []
