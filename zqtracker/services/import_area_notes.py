"""The note of a land-area column whose cells state their own unit ("2公顷", "20000平方米", probe31a f14b):
each such cell is converted to 亩 (io/decimals.area_in_mu), and the note says so, as it does for a
column whose header gives 平方米 or 公顷 (services/import_notes.py)."""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.io.decimals import cell_area_unit
from zqtracker.io.plan import SheetPlan
from zqtracker.services.import_model import SheetAnalysis


def cell_area_notes(sa: SheetAnalysis, plan: SheetPlan | None) -> list[Problem]:
    notes = []
    for c in sa.layout.mapped():
        if c.field != "land_area_mu" or plan is None or (j := c.index - sa.raw.col_offset) < 0:
            continue
        units: list[str] = []
        for row in map(sa.raw.rows.__getitem__, plan.data_rows):
            unit = cell_area_unit(row[j]) if j < len(row) and row[j].__class__ is str else None
            if unit is not None and unit not in units:
                units.append(unit)
        if units:
            said = {"sheet": sa.name, "column": c.letter, "header": c.header, "unit": "、".join(units), "rounded": ""}
            notes.append(Problem("note_area_converted", None, said))
    return notes
