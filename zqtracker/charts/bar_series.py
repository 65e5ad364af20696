"""The charts of horizontal bars: completed investment to date by sector and by district with
their growth (the smallest folded into "Others", the unclassified kept on their own row), and the
project pipeline by status with its planned investment. Clicking a row filters the Projects table.
"""

from __future__ import annotations

from zqtracker.charts import gap_tips
from zqtracker.charts.chart_model import Axis, BarRow, BarsChart, Kind, LegendEntry
from zqtracker.charts.labels import (
    chart_note,
    count_text,
    exact_money,
    pct_or_none,
    pct_text,
    period_label,
    t,
    unit_text,
)
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.unknown import unclassified_label, without_amount_text
from zqtracker.services.dashboard import DashboardFigures
from zqtracker.stats import gap_words
from zqtracker.stats.figures import Ytd, percent, yoy_pct


def _ytd_bars(f: DashboardFigures, lang: str, unit: Unit, rows: int | None, dim: str) -> BarsChart:
    completed = f.summary.completed
    items: dict[str, Ytd] = completed.by_sector if dim == "sectors" else completed.by_district
    period = period_label(f.year, f.through, lang)
    total = completed.total.ytd
    unknown = completed.unclassified_sector if dim == "sectors" else completed.unclassified_district
    out: list[BarRow] = []

    def tip_of(label: str, v: Ytd, *extra: str) -> str:
        # a month not reported (stats/gaps.py): growth like with like, as the key figures give it
        money = lambda yuan: exact_money(yuan, unit, lang)  # noqa: E731
        # the growth said once (its line), the sums like with like and the months not reported under it
        like = [gap_tips.like_sums(v.gaps, lang, money), *gap_tips.note_line(v.gaps, lang)] if v.gaps else []
        growth = gap_words.like_tile(v.like_pct, lang) if v.gaps else pct_or_none(v.yoy_pct, lang)
        return "\n".join([
            label, *extra, t("tip.completed", lang, period=period, amount=money(v.ytd)),
            t("tip.prior", lang, year=f.year - 1, amount=money(v.prior_ytd)),
            t("tip.growth", lang, pct=growth), *like,
            t("tip.share", lang, pct=pct_text(percent(v.ytd, total)).lstrip("+")), t("tip.click", lang)])  # fmt: skip

    for key, v in items.items():
        flt = ProjectFilter(sectors=frozenset({key})) if dim == "sectors" else ProjectFilter(districts=frozenset({key}))
        out.append(BarRow(key, key, v.ytd, _growth(v), tip_of(key, v), flt, like=bool(v.gaps)))
    unclassified: BarRow | None = None
    if unknown.ytd or unknown.prior_ytd:
        # The projects whose sector (district) is not known: their own bar, never among "others".
        label = unclassified_label("sector" if dim == "sectors" else "district", lang)
        missing = "sector" if dim == "sectors" else "district"
        said = tip_of(label, unknown, t("tip.unclassified", lang, what=t(f"what.{dim}", lang)))
        flt = ProjectFilter(missing=frozenset({missing}))
        unclassified = BarRow("", label, unknown.ytd, _growth(unknown), said, flt, muted=True, like=bool(unknown.gaps))
        if rows is not None and rows > 2:
            rows -= 1  # its row is kept: the named rows and "others" share the rest
    if rows is not None and len(out) > rows >= 2:
        rest = out[rows - 1 :]
        ytd, prior = sum(r.left for r in rest), sum(items[r.key].prior_ytd for r in rest)
        label = t("others", lang, n=len(rest))
        # a line lacking a month not reported: the others' growth like with like too (its sums without it)
        like = any(r.like for r in rest)
        growth = _others_like([items[r.key] for r in rest]) if like else yoy_pct(ytd, prior)
        tip = [
            label,
            t("tip.completed", lang, period=period, amount=exact_money(ytd, unit, lang)),
            t("tip.prior", lang, year=f.year - 1, amount=exact_money(prior, unit, lang)),
            t("tip.growth", lang, pct=gap_words.like_tile(growth, lang) if like else pct_or_none(growth, lang)),
            t("tip.others", lang, names="、".join(r.key for r in rest)),
        ]
        out = [*out[: rows - 1], BarRow("", label, ytd, growth, "\n".join(tip), None, muted=True, like=like)]
    if unclassified is not None:
        out.append(unclassified)
    u = unit_text(unit, lang)
    return BarsChart(
        name=dim,
        title=t(f"{dim}.title", lang, period=period),
        note=chart_note(f, lang),
        unit=unit,
        left=Axis(t("bars.ytd", lang, unit=u), Kind.MONEY),
        right=Axis(t("bars.yoy", lang), Kind.PCT),
        right_role="updown",
        rows=tuple(out),
        empty="" if out else t("empty.period", lang, period=period),
        footnote=gap_words.footnote(lang, lines=True) if any(r.like for r in out) else "",
        legend=(
            LegendEntry("bar", "current", t("legend.ytd", lang, period=period)),
            LegendEntry("bar", "up", t("legend.up", lang)),
            LegendEntry("bar", "down", t("legend.down", lang)),
        ),
    )


def _growth(v: Ytd) -> float | None:
    """A line's growth: like with like where it lacks a month not reported (the key figures')."""
    return v.like_pct if v.gaps else v.yoy_pct


def _others_like(lines: list[Ytd]) -> float | None:
    """The growth of lines together, each like with like where it lacks a month not reported."""
    sums = [(y.gaps.like if y.gaps else (y.ytd, y.prior_ytd)) for y in lines]
    if any(s is None or not y.comparable for s, y in zip(sums, lines, strict=True)):
        return None
    return yoy_pct(sum(s[0] for s in sums if s), sum(s[1] for s in sums if s))


def sectors_chart(f: DashboardFigures, lang: str, unit: Unit, rows: int | None) -> BarsChart:
    return _ytd_bars(f, lang, unit, rows, "sectors")


def districts_chart(f: DashboardFigures, lang: str, unit: Unit, rows: int | None) -> BarsChart:
    return _ytd_bars(f, lang, unit, rows, "districts")


def pipeline_chart(f: DashboardFigures, lang: str, unit: Unit, _rows: int | None) -> BarsChart:
    out = []
    for status, b in f.summary.by_status.items():
        label = status.label(lang)
        # no project of the status has a known amount: no figure ("—", as summary, PDF and export
        # say), never a bar of 0 (probe25d W1)
        planned = None if b.projects and b.without_amount == b.projects else b.planned_investment
        tip = [
            label,
            t("tip.projects", lang, n=count_text(b.projects)),
            t("tip.planned", lang, amount="—" if planned is None else exact_money(planned, unit, lang))
            + without_amount_text(b.without_amount, lang),
            t("tip.click", lang),
        ]
        out.append(BarRow(status.value, label, b.projects, planned, "\n".join(tip),
                          ProjectFilter(statuses=frozenset({status})), muted=not status.is_pipeline))  # fmt: skip
    return BarsChart(
        name="pipeline",
        title=t("pipeline.title", lang),
        note=chart_note(f, lang),
        unit=unit,
        left=Axis(t("pipeline.projects", lang), Kind.COUNT),
        right=Axis(t("pipeline.planned", lang, unit=unit_text(unit, lang)), Kind.MONEY),
        right_role="current",
        rows=tuple(out),
        legend=(
            LegendEntry("bar", "current", t("legend.pipeline", lang)),
            LegendEntry("bar", "muted", t("legend.side", lang)),
        ),
    )
