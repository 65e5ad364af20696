"""Only a name is required: a project without sector, district or planned investment is stored,
read, filtered, moved, deleted and restored with those left unknown — never invented, never 0.

Real SQLite files throughout (the ``ctx`` fixture); the import's bulk writer is driven directly.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from zqtracker.domain.errors import ValidationError
from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.domain.validation import validate_project
from zqtracker.services.admin import check
from zqtracker.services.context import AppContext
from zqtracker.storage.export_queries import PROJECT_VALUE_FIELDS, iter_project_values
from zqtracker.storage.importing import ImportChange, ImportStore
from zqtracker.storage.peek import SORT_EXPRESSIONS, peek_first_page


def _lead(**kw) -> Project:
    return Project("华南储能电池项目（在谈）", status=Status.LEAD, **kw)


# -- domain ---------------------------------------------------------------------------------


def test_only_the_name_is_required() -> None:
    p = validate_project(Project("  只有名称  ", sector=" ", district="", contact="  ", progress_note="\n"))
    assert (p.name, p.sector, p.district, p.planned_investment) == ("只有名称", None, None, None)
    assert p.contact is None and p.progress_note is None
    assert p.missing == ("sector", "district", "planned_investment") and not p.is_billion_yuan
    assert p.intensity_wan_per_mu is None
    with pytest.raises(ValidationError) as err:
        validate_project(Project(" ", planned_investment=-1))
    assert {(q.code, q.field) for q in err.value.problems} == {
        ("required", "name"),
        ("negative_money", "planned_investment"),
    }
    assert validate_project(Project("零元项目", planned_investment=0)).planned_investment == 0  # 0 is an amount
    with pytest.raises(ValidationError):
        validate_project(Project("长联系人", contact="张" * 201))


def test_a_progress_note_keeps_its_lines() -> None:
    p = validate_project(Project("项目", progress_note="  10月：已对接\n11月：待签约  "))
    assert p.progress_note == "10月：已对接\n11月：待签约"


def test_missing_filter_matches_projects_lacking_any_chosen_field() -> None:
    f = ProjectFilter(missing=frozenset({"district", "planned_investment"}))
    assert f.describe("en") == ["missing district or amount"]
    assert f.describe("zh") == ["缺少区域或金额"]
    with pytest.raises(ValueError):
        ProjectFilter(missing=frozenset({"enterprise"}))


# -- storage ----------------------------------------------------------------------------------


def test_a_lead_with_only_a_name_round_trips(ctx: AppContext) -> None:
    saved = ctx.projects.create(_lead(contact="王经理 13800138000", progress_note="已两次对接，待考察"))
    back = ctx.projects.get(saved.id)
    assert (back.sector, back.district, back.planned_investment) == (None, None, None)
    assert (back.contact, back.progress_note) == ("王经理 13800138000", "已两次对接，待考察")
    [row] = ctx.projects.list_rows()
    assert (row.sector, row.sector_parent, row.district, row.planned_investment) == (None, None, None, None)
    assert row.missing == ("sector", "district", "planned_investment")
    copy = ctx.projects.duplicate(saved.id)
    assert copy.contact == back.contact and copy.progress_note == back.progress_note
    assert check(ctx.database).ok


def test_unknowns_can_be_filled_and_emptied_again_with_records_following(ctx: AppContext) -> None:
    """Investment records carry their project's sector and district: NULL ↔ a value must move them
    (``!=`` against NULL is never true in SQL; the copies would silently go stale)."""
    p = ctx.projects.create(_lead())
    ctx.projects.set_investment(p.id, [(2023, 1, 100), (2023, 2, 50)])
    p = ctx.projects.get(p.id)
    p.sector, p.district, p.planned_investment = "新型储能", "高要区", 300_000_000
    ctx.projects.update(p)
    assert check(ctx.database).ok
    assert ctx.statistics.summary(2023, 2).completed.by_district["高要区"].ytd == 150
    p = ctx.projects.get(p.id)
    p.district, p.planned_investment = None, None
    ctx.projects.update(p)
    assert check(ctx.database).ok
    s = ctx.statistics.summary(2023, 2)
    assert s.completed.unclassified_district.ytd == 150 and "高要区" not in s.completed.by_district


def test_delete_and_undo_keep_the_unknowns_and_the_new_fields(ctx: AppContext) -> None:
    p = ctx.projects.create(_lead(contact="李四", progress_note="已签框架协议"))
    ctx.projects.set_investment(p.id, [(2023, 3, 7)])
    snaps = ctx.projects.delete([p.id])
    assert ctx.projects.count() == 0
    ctx.projects.restore(snaps)
    back = ctx.projects.get(p.id)
    assert (back.sector, back.district, back.planned_investment, back.contact, back.progress_note) == (
        None, None, None, "李四", "已签框架协议")  # fmt: skip
    assert check(ctx.database).ok


def _hand(ctx: AppContext) -> dict[str, int]:
    """Five projects, each lacking something different (or nothing)."""
    P = ctx.projects
    ids = {
        "full": P.create(Project("完整项目", "新型储能", "高要区", Status.SIGNED, 500_000_000)).id,
        "no_sector": P.create(Project("无行业", None, "高要区", Status.LEAD, 100)).id,
        "no_district": P.create(Project("无区域", "新型储能", None, Status.LEAD, 200)).id,
        "no_amount": P.create(Project("无金额", "汽车零部件", "肇庆新区", Status.LEAD)).id,
        "nothing": P.create(_lead()).id,
    }
    return ids  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ({"sector"}, {"no_sector", "nothing"}),
        ({"district"}, {"no_district", "nothing"}),
        ({"planned_investment"}, {"no_amount", "nothing"}),
        ({"district", "planned_investment"}, {"no_district", "no_amount", "nothing"}),
        ({"sector", "district", "planned_investment"}, {"no_sector", "no_district", "no_amount", "nothing"}),
    ],
)
def test_missing_filter_in_sql_agrees_with_memory(ctx: AppContext, missing: set[str], expected: set[str]) -> None:
    ids = _hand(ctx)
    f = ProjectFilter(missing=frozenset(missing))
    want = {ids[k] for k in expected}
    assert {r.id for r in ctx.projects.list_rows(f)} == want
    assert {r.id for r in ctx.projects.list_rows() if f.matches(r)} == want
    assert ctx.projects.count(f) == len(want)
    combined = ProjectFilter(missing=frozenset(missing), statuses=frozenset({Status.LEAD}), search="无")
    assert {r.id for r in ctx.projects.list_rows(combined)} == {
        r.id for r in ctx.projects.list_rows() if combined.matches(r)
    }


def test_billion_filter_never_takes_an_unknown_amount(ctx: AppContext) -> None:
    _hand(ctx)
    assert [r.name for r in ctx.projects.list_rows(ProjectFilter(billion_only=True))] == []
    assert ctx.statistics.summary(2023, 12).billion_yuan_projects == 0


@pytest.mark.engine("sqlite")  # the launch's first page is read from a SQLite file
@pytest.mark.parametrize("key", ["sector", "district", "chain", "planned_investment", "intensity"])
def test_first_page_holds_incomplete_projects_and_puts_blanks_last(ctx: AppContext, db_path: Path, key: str) -> None:
    ids = _hand(ctx)
    for descending in (False, True):
        page = peek_first_page(db_path, limit=10, sort_key=key, descending=descending)
        assert page is not None and page.total_count == 5
        assert {r.id for r in page.rows} == set(ids.values())
        column = {"chain": "sector_parent"}.get(key, key)
        if key != "intensity":
            values = [getattr(r, column) if key != "chain" else (r.sector_parent or r.sector) for r in page.rows]
            known = [v for v in values if v is not None]
            assert values == known + [None] * (len(values) - len(known))  # blanks last either way
    assert key in SORT_EXPRESSIONS
    nothing = next(r for r in peek_first_page(db_path).rows if r.id == ids["nothing"])  # type: ignore[union-attr]
    assert (nothing.sector, nothing.district, nothing.planned_investment) == (None, None, None)


def test_export_reads_unknowns_as_none(ctx: AppContext) -> None:
    ids = _hand(ctx)
    with ctx.database.session() as s:
        rows = [r for batch in iter_project_values(s) for r in batch]
    by_id = {r[0]: dict(zip(PROJECT_VALUE_FIELDS, r, strict=True)) for r in rows}
    nothing = by_id[ids["nothing"]]
    assert (nothing["sector"], nothing["chain"], nothing["district"], nothing["planned_investment"]) == (None,) * 4
    assert by_id[ids["full"]]["planned_investment"] == 500_000_000


# -- the import's bulk writer ---------------------------------------------------------------


def _new_project(store: ImportStore, pid: int, name: str, **values: object) -> tuple:
    """A new project's stored row as the import hands it over: domain values, None where unknown."""
    columns = {"name": [name], "status": [Status.LEAD], **{f: [v] for f, v in values.items()}}
    [row] = store.codec.new_rows(
        [pid],
        columns,
        stamp=datetime(2023, 10, 1, 8, 0),
        last_activity=[date(2023, 10, 1)],
        refs=dict(zip(("sector", "district", "enterprise"), store.references(), strict=True)),
    )
    return row


def test_bulk_writer_stores_leads_without_sector_district_or_amount(ctx: AppContext) -> None:
    """What the import writes for a negotiating-lead list: names, a contact, a progress note,
    nothing else — then a monthly record for one of them, and later a district for it."""
    with ctx.database.session() as s:
        store = ImportStore(s)
        change = ImportChange()
        store.create_references([], ["萝岗区"], [], change)
        _, districts, _ = store.references()
        rows = [
            _new_project(store, 1, "新能源电池材料项目", contact="张三 13912345678", progress_note="已考察，待签约"),
            _new_project(store, 2, "智能制造产业园", district="萝岗区", planned_investment=0),
        ]
        store.insert_projects(rows)
        store.insert_status_changes(
            store.codec.status_change_rows(
                [1, 2], [1, 2], [None, None], [Status.LEAD] * 2, [date(2023, 10, 1)] * 2, ["", ""]
            )
        )
        by_code, by_name = store.keys()
        assert by_code == {} and by_name == {("新能源电池材料项目", None): 1, ("智能制造产业园", "萝岗区"): 2}
        assert store.placements([1, 2]) == {1: (None, None), 2: (None, districts["萝岗区"])}
        store.put_investment([(1, 2023, 9, 5_000, None, None)], set())
        assert store.investment([2023]) == {(1, 2023, 9): (5_000, None, None, None)}  # no span
    assert check(ctx.database).ok
    lead = ctx.projects.get(1)
    assert (lead.sector, lead.district, lead.planned_investment) == (None, None, None)
    assert (lead.contact, lead.progress_note) == ("张三 13912345678", "已考察，待签约")
    assert ctx.projects.get(2).planned_investment == 0  # a stated 0 stays 0
    with ctx.database.session() as s:
        store = ImportStore(s)
        refs = dict(zip(("sector", "district", "enterprise"), store.references(), strict=True))
        [before] = store.project_rows([1]).values()
        after = store.codec.updated_row(before, {"district": "萝岗区"}, stamp=datetime(2023, 10, 2), refs=refs)
        assert store.codec.version(after) == store.codec.version(before) + 1
        store.update_projects([before], [after])
        store.follow_placements([after])
    assert check(ctx.database).ok
    assert ctx.statistics.summary(2023, 9).completed.by_district["萝岗区"].ytd == 5_000


# -- statistics: the unclassified line and the projects without an amount ----------------------


def test_unclassified_lines_against_figures_worked_out_by_hand(ctx: AppContext) -> None:
    P = ctx.projects
    a = P.create(Project("A 储能", "新型储能", "高要区", Status.UNDER_CONSTRUCTION, 1_500_000_000))
    b = P.create(Project("B 无行业", None, "高要区", Status.SIGNED, 300_000_000))
    c = P.create(Project("C 无区域无金额", "新型储能", None, Status.LEAD))
    d = P.create(Project("D 只有名称", status=Status.LEAD))
    P.set_investment(a.id, [(2022, 1, 100), (2023, 1, 150)])
    P.set_investment(b.id, [(2022, 2, 40), (2023, 2, 60)])
    P.set_investment(c.id, [(2023, 3, 30)])
    P.set_investment(d.id, [(2022, 3, 20), (2023, 4, 999)])  # April is beyond --through 3
    s = ctx.statistics.summary(2023, 3)
    assert (s.projects, s.planned_investment, s.projects_without_amount, s.billion_yuan_projects) == (
        4,
        1_800_000_000,
        2,
        1,
    )
    assert s.by_sector == {"新型储能": s.by_sector["新型储能"]} and (
        s.by_sector["新型储能"].projects,
        s.by_sector["新型储能"].planned_investment,
        s.by_sector["新型储能"].without_amount,
    ) == (2, 1_500_000_000, 1)
    u = s.unclassified_sector
    assert (u.projects, u.planned_investment, u.without_amount) == (2, 300_000_000, 1)
    assert list(s.by_district) == ["高要区"]
    assert (s.by_district["高要区"].projects, s.by_district["高要区"].planned_investment) == (2, 1_800_000_000)
    u = s.unclassified_district
    assert (u.projects, u.planned_investment, u.without_amount) == (2, 0, 2)
    lead = s.by_status[Status.LEAD]
    assert (lead.projects, lead.planned_investment, lead.without_amount) == (2, 0, 2)
    c_ = s.completed
    assert (c_.total.ytd, c_.total.prior_ytd, c_.total.yoy_pct) == (240, 160, 50.0)
    assert (c_.by_sector["新型储能"].ytd, c_.by_sector["新型储能"].prior_ytd, c_.by_sector["新型储能"].yoy_pct) == (
        180,
        100,
        80.0,
    )
    assert (c_.unclassified_sector.ytd, c_.unclassified_sector.prior_ytd, c_.unclassified_sector.yoy_pct) == (
        60,
        60,
        0.0,
    )
    assert (c_.by_district["高要区"].ytd, c_.by_district["高要区"].prior_ytd) == (210, 140)
    assert (c_.unclassified_district.ytd, c_.unclassified_district.prior_ytd, c_.unclassified_district.yoy_pct) == (
        30,
        20,
        50.0,
    )
    # the named lines and the unclassified one add up to the total, for projects and records alike
    assert sum(b.projects for b in s.by_sector.values()) + s.unclassified_sector.projects == s.projects
    assert sum(y.ytd for y in c_.by_district.values()) + c_.unclassified_district.ytd == c_.total.ytd
    data = s.to_json()
    assert data["projects_without_amount"] == 2
    assert data["unclassified_sector"] == {
        "projects": 2,
        "planned_investment_yuan": 300_000_000,
        "projects_without_amount": 1,
    }
    assert data["completed_investment"]["unclassified_district"] == {
        "ytd_yuan": 30,
        "prior_ytd_yuan": 20,
        "yoy_pct": 50.0,
    }
    # a filter by a named district leaves out the unclassified projects
    f = ProjectFilter(missing=frozenset({"district"}))
    only = ctx.statistics.summary(2023, 3, f)
    assert (only.projects, only.projects_without_amount, only.completed.total.ytd) == (2, 2, 30)


def test_progress_table_keeps_an_unknown_amount_unknown(ctx: AppContext) -> None:
    p = ctx.projects.create(Project("在谈项目", status=Status.LEAD, is_key_project=True))
    q = ctx.projects.create(Project("在建项目", "新型储能", "高要区", Status.UNDER_CONSTRUCTION, 800))
    ctx.projects.set_investment(p.id, [(2023, 5, 10)])
    ctx.projects.set_investment(q.id, [(2023, 5, 20)])
    table = ctx.statistics.progress(2023, 5)
    assert [(r.name, r.planned_investment, r.sector, r.district) for r in table.rows] == [
        ("在谈项目", None, None, None),
        ("在建项目", 800, "新型储能", "高要区"),
    ]
    assert table.total.planned_investment == 800 and table.without_amount == 1 and table.total.ytd == 30


# -- command line ---------------------------------------------------------------------------------


def _cli(*argv: str) -> tuple[int, str, str]:
    import io

    from zqtracker.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_summary_and_list_say_how_many_projects_lack_an_amount(ctx: AppContext, db_url: str) -> None:
    import json

    ids = _hand(ctx)
    ctx.projects.set_investment(ids["nothing"], [(2023, 2, 70)])
    ctx.projects.set_investment(ids["full"], [(2023, 1, 30)])
    code, out, err = _cli("--db", db_url, "summary", "--json", "--year", "2023", "--through", "3")
    assert code == 0, err
    data = json.loads(out)
    assert (data["projects"], data["planned_investment_yuan"], data["projects_without_amount"]) == (5, 500_000_300, 2)
    assert data["unclassified_sector"]["projects"] == 2
    assert data["completed_investment"]["unclassified_district"]["ytd_yuan"] == 70
    code, out, _ = _cli("--db", db_url, "summary", "--year", "2023", "--through", "3")
    assert "(2 projects without an amount)" in out and "Unclassified" in out and "No district yet" in out
    code, out, _ = _cli("--db", db_url, "--lang", "zh", "summary", "--year", "2023", "--through", "3")
    assert "（2个项目无金额）" in out and "未分类" in out and "未定区域" in out
    code, out, _ = _cli("--db", db_url, "list", "--missing", "district,amount", "--json")
    listed = json.loads(out)["projects"]
    assert {p["name"] for p in listed} == {"无区域", "无金额", "华南储能电池项目（在谈）"}
    assert next(p for p in listed if p["name"] == "无金额")["missing"] == ["planned_investment"]
    code, out, _ = _cli("--db", db_url, "list", "--missing", "amount")
    assert "2 project(s), planned investment ¥0.000 bn (2 projects without an amount)" in out
    code, out, err = _cli("--db", db_url, "list", "--missing", "enterprise")
    assert code == 1 and "enterprise" in err
