"""The project table's model without a window: its filter is ProjectFilter.matches, its sort is a
plain Python sort (blanks last, ties by id), edits land in place, money is exact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from zqtracker.domain.filters import ProjectFilter, ProjectRow
from zqtracker.domain.models import InvestorOrigin, ProjectType
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.ui.formatting import Formatter
from zqtracker.ui.project_columns import COLUMNS
from zqtracker.ui.project_model import ProjectTableModel
from zqtracker.ui.row_order import RowStore, narrows


@pytest.fixture
def demo_rows(demo_ctx: AppContext) -> list[ProjectRow]:
    return demo_ctx.projects.list_rows()


FILTERS = [
    ProjectFilter(search="储能"),
    ProjectFilter(search="zq2023 储能"),
    ProjectFilter(search="鼎盛 科技"),
    ProjectFilter(search="no such project"),
    ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION, Status.ON_HOLD})),
    ProjectFilter(sectors=frozenset({"新能源"})),  # an industry chain covers its sectors
    ProjectFilter(sectors=frozenset({"光伏", "生物医药"})),
    ProjectFilter(districts=frozenset({"肇庆新区", "四会市"})),
    ProjectFilter(signed_year=2023),
    ProjectFilter(key_only=True),
    ProjectFilter(billion_only=True),
    ProjectFilter(search="项目", statuses=frozenset({Status.SIGNED}), districts=frozenset({"高要区"}), key_only=True),
    ProjectFilter(sectors=frozenset({"no such sector"})),
    ProjectFilter(missing=frozenset({"district", "planned_investment"})),  # the demo's incomplete leads
    ProjectFilter(missing=frozenset({"sector"}), search="项目"),
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ";".join(f.describe()) or "none")
def test_filter_is_project_filter_matches(qapp, demo_rows: list[ProjectRow], f: ProjectFilter) -> None:
    model = ProjectTableModel()
    model.set_rows(demo_rows)
    model.set_filter(f)
    expected = [r.id for r in demo_rows if f.matches(r)]
    assert sorted(r.id for r in model.visible_rows()) == expected
    assert model.visible_planned == sum(r.planned_investment or 0 for r in demo_rows if f.matches(r))
    assert model.visible_without_amount == sum(1 for r in demo_rows if f.matches(r) and r.planned_investment is None)


def test_typing_more_narrows_from_the_shown_rows_with_the_same_result(qapp, demo_rows) -> None:
    model = ProjectTableModel()
    model.set_rows(demo_rows)
    for text in ("储", "储能", "储能电", "储能电池", "储能", ""):
        model.set_filter(ProjectFilter(search=text))
        assert sorted(r.id for r in model.visible_rows()) == [
            r.id for r in demo_rows if ProjectFilter(search=text).matches(r)
        ]
    assert narrows(ProjectFilter(search="储"), ProjectFilter(search="储能"))
    assert not narrows(ProjectFilter(search="储能"), ProjectFilter(search="储"))
    assert not narrows(ProjectFilter(key_only=True), ProjectFilter())


def reference_order(rows: list[ProjectRow], column, descending: bool) -> list[int]:
    base = sorted(rows, key=lambda r: r.id)
    present = [r for r in base if column.value(r) not in (None, "")]
    blank = [r for r in base if column.value(r) in (None, "")]
    present.sort(key=lambda r: column.order(column.value(r)), reverse=descending)
    return [r.id for r in present + blank]


@pytest.mark.parametrize("column", COLUMNS, ids=lambda c: c.key)
def test_every_column_sorts_like_python(qapp, demo_rows, column) -> None:
    model = ProjectTableModel()
    model.set_rows(demo_rows)
    model.set_activity({r.id: r.last_activity_on for r in demo_rows if r.last_activity_on}, set())
    index = model.column_of(column.key)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(index, order)
        got = [r.id for r in model.visible_rows()]
        assert got == reference_order(demo_rows, column, order == Qt.SortOrder.DescendingOrder)


def test_sorting_keeps_the_filter_and_filtering_keeps_the_sort(qapp, demo_rows) -> None:
    model = ProjectTableModel()
    model.set_rows(demo_rows)
    model.sort(model.column_of("planned_investment"), Qt.SortOrder.DescendingOrder)
    f = ProjectFilter(statuses=frozenset({Status.SIGNED}))
    model.set_filter(f)
    amounts = [r.planned_investment for r in model.visible_rows()]
    assert amounts == sorted(amounts, reverse=True)  # (no signed project lacks an amount)
    assert len(amounts) == sum(1 for r in demo_rows if f.matches(r))
    model.sort(model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert all(r.status is Status.SIGNED for r in model.visible_rows())


def test_edited_added_and_removed_rows_land_in_order(qapp, demo_rows) -> None:
    model = ProjectTableModel()
    model.set_rows(demo_rows)
    name_column = model.column_of("name")
    model.sort(name_column, Qt.SortOrder.AscendingOrder)
    first, second, third = demo_rows[:3]
    renamed = replace(first, name="AAA 排第一的项目")  # a name that sorts first
    added = replace(second, id=max(r.id for r in demo_rows) + 1, name="ZZZ new", code="NEW-1")
    model.upsert([renamed, added], removed=[third.id])
    names = [r.name for r in model.visible_rows()]
    assert names == sorted(names, key=str.casefold)
    assert names[0] == "AAA 排第一的项目" and "ZZZ new" in names
    assert model.get(third.id) is None and model.total_count == len(demo_rows)
    # Two new names in the same gap of the ranking: still exact.
    a = replace(demo_rows[4], name="AAB")
    b = replace(demo_rows[5], name="AAA 排第一的项目 0")
    model.upsert([a, b])
    names = [r.name for r in model.visible_rows()]
    assert names == sorted(names, key=str.casefold)
    # A deleted project restored (undo) with its old id comes back in order.
    model.upsert([third])
    assert model.get(third.id) is not None and model.total_count == len(demo_rows) + 1
    names = [r.name for r in model.visible_rows()]
    assert names == sorted(names, key=str.casefold)


def test_money_reads_as_people_read_it_with_the_exact_amount_in_the_tooltip(qapp) -> None:
    row = ProjectRow(
        id=1, code="A", name="n", enterprise=None, sector="s", sector_parent=None, district="d",
        status=Status.SIGNED, planned_investment=1_234_567_891, land_area_mu=Decimal("12.5"),
        expected_annual_output=None, expected_annual_tax=120_000_000, signed_on=date(2023, 1, 2),
        construction_start_on=None, production_on=None, is_key_project=True, project_type=ProjectType.NEW,
        investor_origin=InvestorOrigin.DOMESTIC, officer=None, updated_at=None, version=1,
    )  # fmt: skip
    model = ProjectTableModel()  # English: ¥ bn with two decimals
    model.set_rows([row])
    planned = model.index(0, model.column_of("planned_investment"))
    header = model.column_of("planned_investment")
    assert model.data(planned) == "1.235"
    assert model.data(planned, Qt.ItemDataRole.ToolTipRole) == "1,234,567,891 yuan (exact)"
    assert model.data(planned, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(header, Qt.Orientation.Horizontal) == "Planned investment\n(¥ bn)"  # two lines
    assert model.headerData(header, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Planned investment (¥ bn)"
    )
    assert model.data(model.index(0, model.column_of("expected_annual_tax"))) == "0.120"
    assert model.data(model.index(0, model.column_of("intensity"))) == "9,876.54"
    assert model.data(model.index(0, model.column_of("expected_annual_output"))) is None
    model.set_unit(Unit.WAN)
    assert model.data(planned) == "1,234.57"
    assert model.headerData(header, Qt.Orientation.Horizontal) == "Planned investment\n(¥ mn)"
    model.set_unit(Unit.YI, exact=True)  # the "show every digit" preference
    assert model.data(planned) == "1.234567891"


def test_chinese_amounts_in_yi_and_wan(qapp) -> None:
    from PySide6.QtCore import QLocale

    zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert Formatter(Unit.YI, zh).money(2_720_000_000) == "27.20"  # not 27.2000
    assert Formatter(Unit.YI, zh).money(7_813_560) == "0.08"  # not 0.0781356
    assert Formatter(Unit.YI, zh, exact=True).money(7_813_560) == "0.0781356"
    assert Formatter(Unit.WAN, zh).money(68_545_000) == "6,855"
    assert Formatter(Unit.YI, zh).money_with_unit(120_900_000_000) == "1,209.00亿元"
    assert Formatter(Unit.YI, zh).header("计划总投资") == "计划总投资（亿元）"
    assert Formatter(Unit.YI, zh).edit_text(7_813_560) == "0.0781356"  # an edit never rounds
    assert Formatter(Unit.YI).money(-123_456_789) == "-0.123"


def test_row_store_positions_and_sums(qapp, demo_rows) -> None:
    store = RowStore(demo_rows)
    assert len(store) == len(demo_rows) and store.planned_sum(store.positions()) == sum(
        r.planned_investment or 0 for r in demo_rows
    )
    assert store.without_amount(store.positions()) == sum(1 for r in demo_rows if r.planned_investment is None) == 5
    huge = [replace(r, planned_investment=10**17) for r in demo_rows[:200]]
    assert RowStore(huge).planned_sum(RowStore(huge).positions()) == 200 * 10**17  # past int64: still exact
