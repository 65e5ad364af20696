"""Others' changes appear in an open window within seconds: LISTEN/NOTIFY on a server, PRAGMA
data_version on a shared SQLite file, the audit trail naming the projects."""

from __future__ import annotations

import time
from datetime import date

import pytest

from zqtracker.domain.models import Project
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.history import watch


@pytest.mark.engine("sqlite")
@pytest.mark.engine("postgresql")
def test_a_colleague_s_change_shows_within_three_seconds(make_window, ctx: AppContext, db_url: str, qtbot) -> None:
    p = ctx.projects.create(Project("端州储能项目", "新型储能", "端州区", Status.SIGNED, 10**8, code="L-1"))
    window = make_window(ctx)
    page = window.projects
    page.table.select_ids([p.id])
    colleague = AppContext.open(db_url)
    try:
        theirs = colleague.projects.get(p.id)
        theirs.name = "端州储能项目（二期）"
        colleague.projects.update(theirs)
        colleague.projects.change_status([p.id], Status.UNDER_CONSTRUCTION, date(2024, 6, 1))
        added = colleague.projects.create(Project("同事新建的项目", "光伏", "高要区", Status.LEAD, 5, code="L-2"))
        started = time.monotonic()
        qtbot.waitUntil(lambda: (row := page.model.get(p.id)) is not None and row.name == "端州储能项目（二期）"
                        and row.status is Status.UNDER_CONSTRUCTION, timeout=3_000)  # fmt: skip
        qtbot.waitUntil(lambda: page.model.get(added.id) is not None, timeout=3_000)
        assert time.monotonic() - started < 3.0
        qtbot.waitUntil(lambda: page.detail.title.text() == "端州储能项目（二期）", timeout=3_000)
    finally:
        colleague.close()


@pytest.mark.engine("sqlite")
@pytest.mark.engine("postgresql")
def test_the_watcher_names_the_projects_and_is_quiet_otherwise(ctx: AppContext, db_url: str) -> None:
    p = ctx.projects.create(Project("甲", "光伏", "端州区", Status.SIGNED, 1, code="W-1"))
    watcher = watch(ctx.database)
    try:
        assert watcher.poll() is None
        colleague = AppContext.open(db_url)
        try:
            colleague.projects.set_investment(p.id, [(2024, 1, 9)])
        finally:
            colleague.close()
        deadline = time.monotonic() + 3
        seen = None
        while seen is None and time.monotonic() < deadline:
            seen = watcher.poll()
            time.sleep(0.05)
        assert seen is not None and seen.projects == {p.id} and seen.investment and not seen.unknown
        assert watcher.poll() is None
    finally:
        watcher.close()
