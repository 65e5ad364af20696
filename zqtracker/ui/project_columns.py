"""The columns of the project table: key, kind, value and sort key, named once.

Keys are ProjectRow field names (plus a few derived columns), the same words as the column
specification of import/export, so "the current table view" exports column for column. Headers
of the project fields come from domain.messages (the words the export writes); the derived
columns are translated here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from operator import attrgetter
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from zqtracker.domain.filters import ProjectRow
from zqtracker.domain.messages import field_label
from zqtracker.domain.models import InvestorOrigin, ProjectType


class Kind(StrEnum):
    TEXT = "text"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    STATUS = "status"
    BOOL = "bool"
    DECIMAL = "decimal"
    RATIO = "ratio"
    ENUM = "enum"


_TYPE_ORDER = {t: i for i, t in enumerate(ProjectType)}
_ORIGIN_ORDER = {o: i for i, o in enumerate(InvestorOrigin)}


def _intensity(r: ProjectRow) -> float | None:
    """Investment intensity in 万元 per mu (design.md: derived, never stored).

    A float: a ratio shown to two decimals, and 100k Decimal divisions would cost a sort 0.2 s.
    """
    if not r.land_area_mu or r.planned_investment is None:
        return None
    return r.planned_investment / 10_000 / float(r.land_area_mu)


def _casefold(value: str) -> str:
    return value.casefold()


def _same(value: object) -> object:
    return value


V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Column(Generic[V]):
    """``value`` reads a row; ``order`` maps a (non-blank) value to what sorting compares."""

    key: str
    kind: Kind
    value: Callable[[ProjectRow], object]
    order: Callable[[V], object]  # V: the type of the values ``value`` reads
    default_visible: bool = True
    sample: str = ""  # a typical wide text value: the default width fits it (and the header)
    label_en: str | None = None  # derived columns: source text, translated in context "ProjectColumns"

    @property
    def numeric(self) -> Callable[[V], float | int] | None:
        """How sorting turns a value into a number (None: compare ``order`` keys)."""
        return _NUMERIC_SORT.get(self.kind)

    def sort_spec(self) -> tuple:
        return (self.key, self.value, self.order, self.numeric)

    def label(self, lang: str) -> str:
        if self.label_en is not None:
            return QCoreApplication.translate("ProjectColumns", self.label_en)
        return field_label(self.key, lang)


def _text(key: str, *, visible: bool = True, sample: str = "") -> Column[str]:
    return Column(key, Kind.TEXT, _attr(key), _casefold, visible, sample)


def _plain(key: str, kind: Kind, *, visible: bool = True) -> Column[object]:
    return Column(key, kind, _attr(key), _same, visible)


def _attr(key: str) -> Callable[[ProjectRow], object]:
    return attrgetter(key)


_EPOCH = datetime(1970, 1, 1)
# Each takes the values of its kind's columns (int, bool, date, datetime, Decimal, float): Any.
_NUMERIC_SORT: dict[Kind, Callable[[Any], float | int]] = {
    Kind.MONEY: int,
    Kind.BOOL: int,
    Kind.DATE: lambda d: d.toordinal(),
    Kind.DATETIME: lambda t: (t - _EPOCH).total_seconds(),
    Kind.DECIMAL: float,
    Kind.RATIO: float,
}

COLUMNS: tuple[Column[Any], ...] = (
    _text("code", sample="ZQ202300001"),
    _text("name", sample="鼎盛储能变流器制造基地"),  # longer names elide; the tooltip and detail pane have them
    _text("enterprise", sample="肇庆鼎盛储能科技有限"),
    Column("chain", Kind.TEXT, lambda r: r.sector_parent or r.sector, _casefold, False, "新能源汽车",
           str(QT_TRANSLATE_NOOP("ProjectColumns", "Industry chain"))),
    _text("sector", sample="汽车零部件"),
    _text("district", sample="肇庆高新区"),
    Column("status", Kind.STATUS, _attr("status"), lambda s: s.order, True),
    _plain("planned_investment", Kind.MONEY),
    _plain("land_area_mu", Kind.DECIMAL, visible=False),
    Column("intensity", Kind.RATIO, _intensity, _same, False, "",
           str(QT_TRANSLATE_NOOP("ProjectColumns", "Intensity (10k yuan/mu)"))),
    _plain("expected_annual_output", Kind.MONEY, visible=False),
    _plain("expected_annual_tax", Kind.MONEY, visible=False),
    _plain("signed_on", Kind.DATE),
    _plain("construction_start_on", Kind.DATE, visible=False),
    _plain("production_on", Kind.DATE, visible=False),
    Column("is_key_project", Kind.BOOL, _attr("is_key_project"), _same, True),
    Column("project_type", Kind.ENUM, _attr("project_type"), _TYPE_ORDER.__getitem__, False),
    Column("investor_origin", Kind.ENUM, _attr("investor_origin"), _ORIGIN_ORDER.__getitem__, False),
    _text("officer", visible=False, sample="欧阳建国"),
    Column("last_activity_on", Kind.DATE, _attr("last_activity_on"), _same, True, "",
           str(QT_TRANSLATE_NOOP("ProjectColumns", "Last activity"))),
    Column("updated_at", Kind.DATETIME, _attr("updated_at"), _same, False, "",
           str(QT_TRANSLATE_NOOP("ProjectColumns", "Last modified"))),
)  # fmt: skip
