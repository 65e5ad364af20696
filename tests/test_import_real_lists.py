"""The five real lists of ../shared/corpus/real-lists (written by bureaus, parks and agencies, not
by us) import as their README says a person reading them expects — without help where a person
needs none — and importing each a second time changes nothing."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from engines import dump

from zqtracker.cli.main import main
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real-lists"
if not REAL.is_dir():
    REAL = Path("/work/shared/corpus/real-lists")
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="the real-lists corpus is not on this machine")


def cli(db: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), "import", *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def twice(db: str, *args: str) -> str:
    """Import, then import again: the second run adds and updates nothing and changes no row."""
    code, out, err = cli(db, *args)
    assert code == 0, (out, err)
    before = dump(db)
    code, again, err = cli(db, *args)
    assert code == 0 and dump(db) == before, (again, err)
    assert "0 added, 0 updated" in again
    return out


def projects(db: str) -> list:
    ctx = AppContext.open(db)
    try:
        return ctx.projects.all_projects()
    finally:
        ctx.close()


def test_negotiating_list_of_a_high_tech_agricultural_zone(db_url: str) -> None:
    db = db_url
    out = twice(db, str(REAL / "cn2_xiangzhou_ngq_pipeline_projects_2026.xlsx"))
    assert "64 added" in out
    ps = projects(db)
    assert len(ps) == 64 and {p.status for p in ps} == {Status.LEAD}  # the title says 谋划（在谈）
    assert sum(p.planned_investment for p in ps) == 21_235_200_000  # 212.352 亿元
    assert Counter(p.district for p in ps) == {"东津新区": 31, "襄州区": 27, "农高区": 6}  # 落户地
    assert {p.sector for p in ps} >= {"食品加工", "生物科技", "绿色智慧农业"}  # 项目类型 held the sector
    first = next(p for p in ps if p.name == "康码生物蛋白营养液生产项目")
    assert first.enterprise == "康码（上海）生物科技有限公司"  # 项目投资单位
    assert "15971055977" in (first.contact or "")  # 联系人
    assert first.notes.startswith("4月1日")  # 备注: the progress of the talks


def test_special_bond_list_needs_only_its_unit(db_url: str) -> None:
    db = db_url
    path = str(REAL / "cn_guangdong_special_bond_projects_2024.xlsx")
    code, _out, err = cli(db, path)
    assert code == 2 and "totalInvestment" in err and "--unit" in err  # a person would be asked
    assert projects(db) == []
    out = twice(db, path, "--unit", "yi")
    assert "30 added" in out
    ps = projects(db)
    assert sum(p.planned_investment for p in ps) == 187_265_079_000  # 1,872.65 亿元
    assert Counter(p.district for p in ps) == {"广州": 20, "佛山": 8, "惠州": 1, "汕头": 1}  # cityName


def test_world_bank_inventory_is_never_stored_as_yuan(db_url: str) -> None:
    db = db_url
    out = twice(db, str(REAL / "en_worldbank_projects_fy2022.xlsx"))
    assert "500 added" in out and "Current Project Cost" in out  # said not imported: no unit, an English list
    ps = projects(db)
    assert Counter(p.status for p in ps) == {Status.UNDER_CONSTRUCTION: 494, Status.IN_PRODUCTION: 6}
    assert len({p.district for p in ps}) == 125  # countries
    assert all(p.planned_investment is None for p in ps)  # dollars: never stored as yuan


def test_an_import_template_holds_no_project(db_url: str) -> None:
    db = db_url
    code, out, err = cli(db, str(REAL / "cn2_tianjin_hitech_foreign_signed_template.xlsx"))
    assert code == 0 and "0 added" in out and "example row" in out, (out, err)
    assert projects(db) == []


def test_legacy_xls_key_project_report(db_url: str) -> None:
    db = db_url
    path = str(REAL / "cn_nanping_2010_key_project_monthly_report.xls")
    twice(db, path)
    ps = {p.name: p for p in projects(db)}
    assert set(ps) == {"武夷山至邵武高速公路", "顺昌环城路建设工程"}
    assert {p.status for p in ps.values()} == {Status.UNDER_CONSTRUCTION}
    assert {p.sector for p in ps.values()} == {"交通"} and {p.district for p in ps.values()} == {"市本级"}
    # "1●" beside one, and the title (南平市…重点项目…一览表) over both: key projects
    assert ps["武夷山至邵武高速公路"].is_key_project and ps["顺昌环城路建设工程"].is_key_project
    assert ps["武夷山至邵武高速公路"].enterprise == "福建武邵高速公路发展有限公司"  # 建设单位及责任人: the unit
