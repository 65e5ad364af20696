"""Rows whose project is unchanged but whose figures (monthly records, an annual plan) the import writes:
the CLI counts their projects unchanged ("更新 0 个，未变 5 个，月度完成投资 5 条"), so the dialog says
those rows "Figures updated (project unchanged)" and counts them inside Unchanged — never "Updated" in
the row and "Unchanged" in the counts (probe34b)."""

from __future__ import annotations

from zqtracker.services.import_model import SAME, UPDATE, ImportAnalysis, SheetAnalysis


def figures_only(sheet: SheetAnalysis, k: int) -> bool:
    """Row ``k`` (a data row) writes figures and changes none of its project's fields."""
    if not sheet.status or sheet.status[k] not in (SAME, UPDATE):
        return False
    if any(not c.field.startswith("plan ") for c in sheet.changes.get(k, [])):
        return False  # a field of the project changes: an update
    plans = any(c.field.startswith("plan ") for c in sheet.changes.get(k, []))
    return plans or sheet.records.get(k, (0, 0))[0] > 0 or (sheet.status[k] == UPDATE and k not in sheet.changes)


def figures_only_count(analysis: ImportAnalysis | None) -> int:
    if analysis is None:
        return 0
    return sum(figures_only(sa, k) for sa in analysis.sheets if sa.status for k in range(len(sa.status)))
