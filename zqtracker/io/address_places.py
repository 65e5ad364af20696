"""An address column beside the district column — 项目地址, or a 建设地点 left out because 所属区域 holds
the district: the district it names ("四会市永安镇" → 四会市, "端州区睦岗街道" → 端州区, a town the
database keeps as a district) is checked against the row's.

- The row's district cell names another county-level place: stored under the cell's (a district may
  list a project it brought in that is built elsewhere), said in one note naming each row and both
  places — never silently.
- The row has no district cell: the address's district is the row's, before the title's or the
  sheet's (the row's own words are the nearer), said in a note.

An address naming no district (大沙镇工业园: a town whose county nothing here says) says nothing; so does a
registered or correspondence address (企业地址, 注册地址, 通讯地址): the enterprise's, not the project's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.errors import Problem
from zqtracker.io.bare_parks import is_bare_park
from zqtracker.io.context import district_of_address, is_county_city
from zqtracker.io.evidence import place_of
from zqtracker.io.layout_model import ColumnInfo, SheetLayout
from zqtracker.io.values import clean_text, fold

if TYPE_CHECKING:
    from zqtracker.io.plan import SheetPlan

_ADDRESS_WORDS = ("地址", "地点", "选址", "所在地", "落户地", "落地地", "位置", "区域", "县区", "区县")
_NOT_THE_PROJECTS = (
    "企业",
    "注册",
    "公司",
    "通讯",
    "通信",
    "联系",
    "单位",
    "办公",
    "住所",
    "投资方",
    "投资者",
    "投资主体",
    "来源",
    "总部",
)
_COUNTY_ENDS = ("区", "县", "市")
_SHOWN = 12  # rows listed in a note; the count says the rest


def address_columns(layout: SheetLayout) -> list[ColumnInfo]:
    """Columns not imported whose header names the project's place (or which a district column beat)."""
    return [
        c
        for c in layout.columns
        if c.field is None
        and c.month is None
        and not any(w in c.header for w in _NOT_THE_PROJECTS)
        and (any(m.field == "district" for m in c.candidates) or any(w in c.header for w in _ADDRESS_WORDS))
    ]


def named_district(text: str, known: frozenset[str]) -> str | None:
    """The county-level place an address names, or None: a known district alone, a county-level city,
    or one an address begins with (io/context.py's reading, without the title's hint)."""
    place = district_of_address(text, known)
    if place != text:
        return place
    bare = place_of(text)
    return bare if bare in known or is_county_city(bare) else None


def same_place(a: str, b: str) -> bool:
    """高要区 and 高要, 肇庆高新区 and 高新区: one place written two ways."""
    x, y = (fold(s).removesuffix("区").removesuffix("县").removesuffix("市") for s in (a, b))
    return len(x) >= 2 and len(y) >= 2 and (x.endswith(y) or y.endswith(x))


def check_addresses(plan: SheetPlan, rows: list[list], col_offset: int, known: frozenset[str]) -> None:
    """Each row's district against its address (see the module's docstring). Runs before the title's
    or a section's district fills the rows without one, so a blank cell is told from a filled one."""
    layout = plan.layout
    for info in address_columns(layout):
        j = info.index - col_offset
        districts = plan.values.get("district")
        other: list[str] = []
        used: list[str] = []
        parks: list[str] = []  # 高新园 in the district cell: a park, no district; the address names it
        seen: dict[str, str | None] = {}
        for k, i in enumerate(plan.data_rows):
            row = rows[i]
            value = row[j] if 0 <= j < len(row) else None
            text = clean_text(value) if isinstance(value, str) else ""
            if not text:
                continue
            if text not in seen:
                seen[text] = named_district(text, known)
            place = seen[text]
            if place is None:
                continue
            own = districts[k] if districts is not None else None
            if own is None:
                if districts is None:
                    districts = plan.values["district"] = [None] * len(plan)
                districts[k] = place
                used.append(f"{plan.row_numbers[k]} {place} ({text})")
            elif districts is not None and isinstance(own, str) and own not in known and is_bare_park(own):
                districts[k] = place
                parks.append(f"{plan.row_numbers[k]} {own} → {place} ({text})")
            elif isinstance(own, str) and own.endswith(_COUNTY_ENDS) and not same_place(own, place):
                other.append(f"{plan.row_numbers[k]} {own} / {text}")
        where = {"sheet": layout.sheet, "column": info.letter, "header": info.header}
        notes = (("note_address_other_district", other), ("note_address_district_used", used))
        for code, listed in (*notes, ("note_park_address_district", parks)):
            if listed:
                shown = "; ".join(listed[:_SHOWN]) + ("; …" if len(listed) > _SHOWN else "")
                plan.notes.append(Problem(code, None, {**where, "count": len(listed), "rows": shown}))
        if other or used or parks:
            return  # one address column says it; a second would repeat it
