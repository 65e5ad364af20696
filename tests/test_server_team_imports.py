"""A team importing on one server (the PostgreSQL probe, session 13): an analyst's and a district's
accounts import new projects and monthly figures (COPY is refused under row-level security: INSERTs),
and writers take turns as on SQLite — a second write waits for the first, so two imports of one
list made at the same moment add it once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_server_access import as_user, team  # noqa: F401 - the fixture

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

pytestmark = pytest.mark.engine("postgresql")

HEADER = ["项目名称", "所在区域", "项目状态", "计划总投资（万元）", "10月完成投资（万元）"]


def listed(tmp_path: Path, name: str, district: str, rows: int) -> Path:
    data = [["2026年10月重点项目进度表"], HEADER]
    data += [[f"{district}新项目{i}", district, "在建", 1000 + i, 10 + i] for i in range(rows)]
    return write_workbook(tmp_path / name, SheetSpec("Sheet1", data))


def test_an_analyst_and_a_district_import_new_projects_and_months(team, tmp_path: Path) -> None:  # noqa: F811
    people, _users = team
    for who, district in (("analyst", "端州区"), ("district", "高要区")):
        service = ImportService(people[who].database, MappingStore(tmp_path / f"{who}.json"))
        result = service.import_file(listed(tmp_path, f"{who}.xlsx", district, 30), ImportOptions())
        assert result.ok and result.written and result.added == 30, [p.reason() for p in result.problems]
        assert result.investment_records == 30
    names = {p.name for p in people["analyst"].projects.all_projects()}
    assert {"端州区新项目0", "高要区新项目29"} <= names
    mine = [p for p in people["district"].projects.all_projects() if p.name.startswith("高要区新项目")]
    assert len(mine) == 30 and people["district"].projects.investment(mine[0].id)[0].amount == 100_000


def test_two_imports_of_one_list_at_once_add_it_once(ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    """Both analysed before either writes (the list has no codes): the second to take the write lock
    finds the projects added meanwhile, analyses again and adds nothing — never the list twice."""
    path = listed(tmp_path, "same.xlsx", "四会市", 200)
    contexts = [AppContext.open(db_url) for _ in (0, 1)]
    services = [ImportService(c.database, MappingStore(tmp_path / f"{i}.json")) for i, c in enumerate(contexts)]
    added: list[int] = []

    def run(service: ImportService) -> None:
        added.append(service.import_file(path, ImportOptions()).added)

    workers = [threading.Thread(target=run, args=(s,)) for s in services]
    with ctx.database.write() as s:  # a colleague's write holds the lock while both read and analyse
        s.connection().exec_driver_sql("SELECT 1")
        for w in workers:
            w.start()
        time.sleep(3)
        assert added == []  # both wait for the lock, nothing written
    for w in workers:
        w.join(120)
    for c in contexts:
        c.close()
    assert sorted(added) == [0, 200]
    assert sum(1 for p in ctx.projects.all_projects() if p.name.startswith("四会市新项目")) == 200


def test_a_district_account_is_told_the_bureau_collects_returns(team, tmp_path: Path) -> None:  # noqa: F811
    from zqtracker.domain.rounds import Period
    from zqtracker.services.round_collect import RoundCollector
    from zqtracker.services.rounds import RoundRefused, RoundService

    people, users = team
    analyst = people["analyst"]
    made = RoundService(analyst.database).create(Period(2026, 10), tmp_path, districts=["高要区"], lang="zh")
    with pytest.raises(RoundRefused) as refused:
        RoundCollector(people["district"].database).read(made.books[0].path)
    assert users["district"] in refused.value.message("en") and "分析人员" in refused.value.message("zh")
    ret = RoundCollector(analyst.database).read(made.books[0].path)  # the analyst may
    assert ret.district == "高要区"


def test_round_work_an_account_may_not_do_is_refused_in_one_sentence(team, tmp_path: Path) -> None:  # noqa: F811
    from test_server_access import run

    from zqtracker.domain.errors import AccessRefused
    from zqtracker.domain.rounds import Period
    from zqtracker.services.rounds import RoundService

    people, users = team
    with pytest.raises(AccessRefused) as refused:  # a district may not start the bureau's round
        RoundService(people["district"].database).create(Period(2026, 10), tmp_path, districts=["高要区"])
    assert users["district"] in refused.value.message("en")
    RoundService(people["analyst"].database).create(Period(2026, 10), tmp_path / "a", districts=["高要区"])
    for who in ("reader", "district"):
        code, out = run("--db", people[who].database.url, "round", "close", "2026-10")
        assert code == 2 and users[who] in out and "internal error" not in out, out


def test_a_connection_lost_mid_write_is_one_sentence(ctx: AppContext, db_url: str) -> None:
    from sqlalchemy import create_engine

    admin = create_engine(db_url)
    caught: BaseException | None = None
    try:
        with ctx.database.write() as s:
            pid = s.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with admin.connect() as other:  # an administrator ends the session (or the server restarts)
                other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
            s.connection().exec_driver_sql("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - what the CLI and the window meet
        caught = exc
    finally:
        admin.dispose()
    assert caught is not None
    fault = ctx.database.fault(caught)
    assert fault is not None and fault.reason == "connection_lost", caught
    assert "try again" in fault.message("en") and "连接已断开" in fault.message("zh")


def test_a_district_accounts_dry_run_says_what_the_import_would(team, tmp_path: Path) -> None:  # noqa: F811
    """Another district's stored project is invisible to a district account, not absent: its dry run
    counted it "added" while the real import was refused. Now the dry run is refused in the same
    sentence (nothing written); a dry run of its own district's rows still counts them."""
    from test_server_access import run

    people, users = team
    head = ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（万元）"]
    own = [["GY-3", "高要新项目", "高要区", "在建", 5000]]
    mixed = write_workbook(
        tmp_path / "mixed.xlsx", SheetSpec("Sheet1", [head, *own, ["DZ-1", "端州装备", "端州区", "在建", 9000]])
    )
    url = people["district"].database.url
    real = run("--db", url, "import", str(mixed))
    dry = run("--db", url, "import", str(mixed), "--dry-run")
    assert dry == real and real[0] != 0 and users["district"] in real[1] and "added" not in dry[1], (dry, real)
    assert run("--db", url, "--lang", "zh", "import", str(mixed), "--dry-run")[1].count("未写入任何内容") == 1
    mine = write_workbook(tmp_path / "own.xlsx", SheetSpec("Sheet1", [head, *own]))
    code, out = run("--db", url, "import", str(mine), "--dry-run")
    assert code == 0 and "1 added" in out, out
    assert "GY-3" not in {p.code for p in people["analyst"].projects.all_projects()}  # nothing written by either
    code, out = run("--db", people["analyst"].database.url, "import", str(mixed), "--dry-run")
    assert code == 0 and "1 added, 1 updated" in out, out  # an analyst sees every district: no trial needed


def test_an_analyst_undoes_their_own_replace_import(team, ctx: AppContext, tmp_path: Path) -> None:  # noqa: F811
    """The undo puts back every table from the copy made before the import, ids included: it moved
    no sequence an analyst may only use (was: refused as if a reader or district account, probe40d),
    and it is still refused once a colleague changed anything since."""
    from zqtracker.domain.errors import ConcurrentUpdateError

    people, _users = team
    analyst = people["analyst"]
    service = ImportService(analyst.database, MappingStore(tmp_path / "m.json"))
    before = sorted((p.id, p.code) for p in analyst.projects.all_projects())
    result = service.import_file(listed(tmp_path, "all.xlsx", "四会市", 5), ImportOptions(mode="replace"))
    assert result.written and len(analyst.projects.all_projects()) == 5
    service.undo(result.change)
    assert sorted((p.id, p.code) for p in analyst.projects.all_projects()) == before
    service.redo(result.change)
    assert {p.name for p in analyst.projects.all_projects()} == {f"四会市新项目{i}" for i in range(5)}
    service.undo(result.change)
    service.redo(result.change)
    mine = ctx.projects.get(next(p.id for p in ctx.projects.all_projects() if p.name == "四会市新项目0"))
    mine.notes = "业主单位已更换"  # a colleague's edit since (the owner's account)
    ctx.projects.update(mine)
    with pytest.raises(ConcurrentUpdateError):
        service.undo(result.change)
    assert len(analyst.projects.all_projects()) == 5 and analyst.projects.get(mine.id).notes == "业主单位已更换"
