"""The desktop's first page on a PostgreSQL server (issue 14's launch target): read over one psycopg
connection before SQLAlchemy is imported, like the repository's rows and in the table's order; then
the database opens and every row follows."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import text
from test_server_access import team  # noqa: F401 - the three accounts
from test_ui_launch import ROOT, SCRIPT

from zqtracker.services.context import AppContext
from zqtracker.storage.peek import SORT_EXPRESSIONS
from zqtracker.storage.peek_server import peek_server_first_page, short_name

pytestmark = pytest.mark.engine("postgresql")


def test_the_peek_reads_the_first_page_like_the_repository(demo_ctx: AppContext) -> None:
    page = peek_server_first_page(demo_ctx.database.url, 50)
    full = demo_ctx.projects.list_rows()
    assert page is not None and page.total_count == 568 and page.is_demo
    assert page.rows == full[:50]  # every field, same types


@pytest.mark.parametrize("key", sorted(SORT_EXPRESSIONS))
def test_the_peek_orders_like_the_table(demo_ctx: AppContext, key: str, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from zqtracker.ui.project_model import ProjectTableModel

    rows = demo_ctx.projects.list_rows()
    model = ProjectTableModel()
    model.set_rows(rows)
    for descending in (False, True):
        page = peek_server_first_page(demo_ctx.database.url, 40, key, descending)
        assert page is not None
        if key != "id":
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            model.sort(model.column_of(key), order)
            expected = [r.id for r in model.visible_rows()[:40]]
        else:
            expected = sorted((r.id for r in rows), reverse=descending)[:40]
        assert [r.id for r in page.rows] == expected, (key, descending)


def test_the_peek_declines_what_the_ordinary_open_must_handle(database, db_url: str) -> None:  # type: ignore[no-untyped-def]
    assert peek_server_first_page(db_url.replace(db_url.rsplit("/", 1)[1], "no_such_database")) is None
    assert peek_server_first_page("postgresql+psycopg://nobody@127.0.0.1:1/zq") is None  # nothing listens
    assert peek_server_first_page("/tmp/a.sqlite") is None
    with database.engine.begin() as conn:  # another schema: the real open says what to do
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    assert peek_server_first_page(db_url) is None


def test_short_name_is_the_window_title_s() -> None:
    from zqtracker.storage.credentials import short_name as with_sqlalchemy

    for url in (
        "postgresql+psycopg://wangfang@db.bureau.local/zqtracker",
        "postgresql+psycopg://gy_li@10.0.0.5:6543/zq?sslmode=require",
    ):
        assert short_name(url) == with_sqlalchemy(url)


def test_launch_on_a_server_shows_the_first_page_before_sqlalchemy(demo_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT), db=demo_url)], env=env,
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    first = report["at_first_paint"]
    assert first["loaded"] == []  # no SQLAlchemy, Alembic, numpy or pyqtgraph yet
    assert first["rows"] == 200 and not first["has_context"]
    assert first["title"].startswith(short_name(demo_url))
    assert first["status"] == "Showing the first 200 of 568 projects — loading the rest…"
    done = report["when_loaded"]
    assert done["rows"] == 568 and done["has_context"] and done["status"].startswith("568 projects")


def test_the_peek_shows_a_district_account_only_its_district(request, db_url: str) -> None:  # type: ignore[no-untyped-def]
    people, _users = request.getfixturevalue("team")
    page = peek_server_first_page(people["district"].database.url)
    assert page is not None and page.total_count == 2
    assert sorted(r.code for r in page.rows) == ["GY-1", "GY-2"]  # row-level security, as everywhere
