"""The monthly round's table: one row per district of the round, with its state in words (not
sent, sent, returned on DATE, imported, late by N days) and its counts. Words are looked up when
shown, so a reset after a language switch re-words it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from zqtracker.domain.rounds import DistrictState, RoundDistrict

_Index = QModelIndex | QPersistentModelIndex


class RoundModel(QAbstractTableModel):
    """The districts of one round, one row each."""

    COL_DISTRICT, COL_STATE, COL_PROJECTS, COL_LACKING, COL_UPDATED, COL_ADDED, COL_FILE = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RoundDistrict] = []

    def set_rows(self, rows: list[RoundDistrict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("District"), self.tr("State"), self.tr("Projects"), self.tr("Lacking figures"),
                self.tr("Updated"), self.tr("Added"), self.tr("File"))[section]  # fmt: skip

    def state_text(self, d: RoundDistrict) -> str:
        if d.state is DistrictState.NOT_SENT:
            text = self.tr("not sent")
        elif d.state is DistrictState.SENT:
            text = self.tr("sent")
        elif d.state is DistrictState.RETURNED:
            text = self.tr("returned on %1").replace("%1", d.returned_on.isoformat() if d.returned_on else "")
        else:
            text = self.tr("imported")
            if d.returned_on is not None:
                text = self.tr("returned on %1, imported").replace("%1", d.returned_on.isoformat())
        if d.late_days > 0:
            late = self.tr(", late by 1 day") if d.late_days == 1 else self.tr(", late by %1 days")
            text += late.replace("%1", str(d.late_days))
        return text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d, c = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (d.district, self.state_text(d), d.projects, d.lacking, d.updated, d.added, d.file_name)
            return values[c]
        if role == Qt.ItemDataRole.ForegroundRole and c == self.COL_STATE:
            if d.late_days > 0:
                return QBrush(QColor("#C00000"))
            if d.state is DistrictState.IMPORTED:
                return QBrush(QColor("#2E7D32"))
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (
            self.COL_PROJECTS,
            self.COL_LACKING,
            self.COL_UPDATED,
            self.COL_ADDED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
