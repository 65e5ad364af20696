"""A park named with no place (高新园, 工业园, 经济开发区) in a district column, on a sheet whose title, name,
填报单位 line — or the user's --district — names the district (the plan's default district): the rows are
that district's, said in one note per sheet naming each row and its park (io/bare_parks.py). Without such a
district the name stays, and district_aliases asks about it (district_is_address): never a new district."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.bare_parks import is_bare_park
from zqtracker.io.context import is_address

if TYPE_CHECKING:
    from zqtracker.services.import_model import SheetAnalysis

_SHOWN = 12  # rows listed in the note; the count says the rest


def parks_of_the_sheets_district(used: list[SheetAnalysis], addresses: set[str]) -> None:
    """Each bare park among ``addresses`` (names read as no district) on a sheet naming its district."""
    for sa in used:
        plan = sa.plan
        district = plan.default_district if plan is not None else None
        if plan is None or not district:
            continue
        col = plan.values["district"]
        read = [(k, v) for k, v in enumerate(col) if isinstance(v, str) and v in addresses and is_bare_park(v)]
        for k, _park in read:
            col[k] = district
        if read:
            rows = "; ".join(f"{plan.row_numbers[k]} {park}" for k, park in read[:_SHOWN])
            rows += "; …" if len(read) > _SHOWN else ""
            params = {"sheet": sa.name, "count": len(read), "district": district, "rows": rows}
            plan.notes.append(Problem("note_park_title_district", None, params))


def names_no_district(name: str) -> bool:
    """A road, street, village or park alone (亚铝大道北, 金渡工业园), or a park's kind alone (高新园)."""
    return is_address(name) or is_bare_park(name)
