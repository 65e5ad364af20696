"""The desktop's words for the figures of monthly reports (1–X月 spans, 自开工累计, another currency,
dates known to a month, quarter or year), in their own translation area ("figures") so that the
views showing them share one wording."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from zqtracker.domain.cumulative import MonthSpan
from zqtracker.domain.currency import ForeignAmount
from zqtracker.domain.fuzzy_dates import FuzzyDate


def since_start(amount_text: str, pct_text: str | None, through: MonthSpan | None, lang: str) -> str:
    """ "3.20亿元 (26.7% of planned), through Oct 2023"."""
    text = amount_text
    if pct_text is not None:
        text += " " + QCoreApplication.translate("Figures", "(%1 of planned)").replace("%1", pct_text)
    if through is not None:
        text += QCoreApplication.translate("Figures", ", through %1").replace("%1", through.label(lang, with_year=True))
    return text


def span_tooltip(yuan_text: str, span: MonthSpan, lang: str) -> str:
    return (
        QCoreApplication.translate(
            "Figures",
            "%1 yuan (exact) for %2 as one figure: a year-to-date report with no month stored before it. "
            "The months are not spread by guessing.",
        )
        .replace("%1", yuan_text)
        .replace("%2", span.label(lang, with_year=True))
    )


def inside_span_tooltip(span: MonthSpan, lang: str) -> str:
    return QCoreApplication.translate("Figures", "Included in the figure for %1 (shown at its last month).").replace(
        "%1", span.label(lang, with_year=True)
    )


def as_given(foreign: ForeignAmount, lang: str) -> str:
    return QCoreApplication.translate("Figures", "As given: %1. Typing another amount replaces it.").replace(
        "%1", foreign.label(lang)
    )


def known_to(fuzzy: FuzzyDate, lang: str) -> str:
    return (
        QCoreApplication.translate("Figures", "Known to the %1: %2 (a new date replaces it)")
        .replace("%1", fuzzy.precision.label(lang))
        .replace("%2", fuzzy.label(lang))
    )
