"""Three people on one server (issue 14's "done when"): an analyst, a 高要区 staff member and a
leader. Each sees what they may — enforced by PostgreSQL's row-level security and grants, not by
the app — nobody's save is lost, and every change names its author."""

from __future__ import annotations

import io
import itertools
import os
from datetime import date

import pytest

from zqtracker.cli.main import main
from zqtracker.domain.errors import AccessRefused, NotFoundError
from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.history import HistoryService
from zqtracker.services.server_admin import AccountError, grant

pytestmark = pytest.mark.engine("postgresql")
_n = itertools.count()


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue() + err.getvalue()


def as_user(url: str, user: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(username=user, password=None).render_as_string(hide_password=False)


@pytest.fixture
def team(ctx: AppContext, db_url: str):  # type: ignore[no-untyped-def]
    """The owner sets the server up; three accounts; projects in two districts."""
    tag = f"{os.getpid()}_{next(_n)}"
    for code, name, district in (
        ("GY-1", "高要新材料", "高要区"),
        ("GY-2", "高要储能", "高要区"),
        ("DZ-1", "端州装备", "端州区"),
    ):
        ctx.projects.create(Project(name, "新材料", district, Status.SIGNED, 10**8, code=code))
    code, out = run("db", "init-server", db_url)
    assert code == 0, out
    users = {"analyst": f"ana_{tag}", "district": f"gy_{tag}", "reader": f"lead_{tag}"}
    for kind, user in users.items():
        extra = ["--district", "高要区"] if kind == "district" else []
        code, out = run("--db", db_url, "db", "grant", user, "--role", kind, *extra)
        assert code == 0, out
    assert f"gy_{tag}\tdistrict\t高要区" in out
    people = {kind: AppContext.open(as_user(db_url, user)) for kind, user in users.items()}
    yield people, users
    for p in people.values():
        p.close()


def test_each_sees_what_they_may(team) -> None:  # type: ignore[no-untyped-def]
    people, _users = team
    assert sorted(p.code for p in people["analyst"].projects.all_projects()) == ["DZ-1", "GY-1", "GY-2"]
    assert sorted(p.code for p in people["reader"].projects.all_projects()) == ["DZ-1", "GY-1", "GY-2"]
    assert sorted(p.code for p in people["district"].projects.all_projects()) == ["GY-1", "GY-2"]
    dz = next(r.id for r in people["analyst"].projects.list_rows() if r.code == "DZ-1")
    with pytest.raises(NotFoundError):
        people["district"].projects.get(dz)
    assert people["district"].projects.count() == 2 and people["reader"].projects.count() == 3


def test_writes_are_refused_by_the_server_in_one_sentence(team) -> None:  # type: ignore[no-untyped-def]
    people, users = team
    gy = next(p for p in people["district"].projects.all_projects() if p.code == "GY-1")
    mine = people["district"].projects.get(gy.id)
    mine.notes = "高要区更新"
    people["district"].projects.update(mine)  # their own district: fine
    moved = people["district"].projects.get(gy.id)
    moved.district = "端州区"  # out of their district: the server's policy refuses
    with pytest.raises(AccessRefused) as refused:
        people["district"].projects.update(moved)
    assert users["district"] in refused.value.message("en") and "nothing was written" in refused.value.message("en")
    assert "未写入任何内容" in refused.value.message("zh")
    with pytest.raises(AccessRefused):  # a new project in another district
        people["district"].projects.create(Project("越界项目", "新材料", "端州区", Status.LEAD, 1))
    leader = people["reader"]
    p = leader.projects.get(gy.id)
    p.notes = "领导的修改"
    with pytest.raises(AccessRefused):
        leader.projects.update(p)
    with pytest.raises(AccessRefused):
        leader.projects.change_status([gy.id], Status.CANCELLED, date(2024, 1, 1))
    stored = people["analyst"].projects.get(gy.id)
    assert stored.notes == "高要区更新" and stored.district == "高要区" and stored.status is Status.SIGNED


def test_every_change_names_its_author_and_the_trail_cannot_be_forged(team) -> None:  # type: ignore[no-untyped-def]
    people, users = team
    gy = next(p for p in people["district"].projects.all_projects() if p.code == "GY-2")
    people["district"].projects.change_status([gy.id], Status.UNDER_CONSTRUCTION, date(2024, 5, 1))
    a = people["analyst"].projects.get(gy.id)
    a.officer = "王芳"
    people["analyst"].projects.update(a)
    rows = HistoryService(people["reader"].database).changes(project_id=gy.id)
    assert [(r.user_name, r.field) for r in rows[:2]] == [(users["analyst"], "officer"), (users["district"], "status")]
    from sqlalchemy import text

    with pytest.raises(Exception, match="permission denied"), people["analyst"].database.engine.begin() as conn:
        conn.execute(text("DELETE FROM project_changes"))
    assert len(HistoryService(people["district"].database).changes(project_id=gy.id)) == len(rows)


def test_grant_refuses_what_it_cannot_do(team, db_url: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AccountError, match="no district called"):
        grant(db_url, "someone", "district", ["没有这个区"])
    with pytest.raises(AccountError, match="needs --district"):
        grant(db_url, "someone", "district", [])
    code, out = run("--db", db_url, "db", "grant", "x", "--role", "reader", "--district", "高要区")
    assert code == 1 and "only it does" in out
