"""One filter semantics: the SQL filter (lists, exports, reports, `zqtracker list`) and the
in-memory one (the desktop table) find the same projects for every filter — property-tested over
Unicode names: Chinese, accented Latin (composed and decomposed), full-width forms, ß and İ."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from zqtracker.domain.filters import ProjectFilter, fold
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext

WORDS = ["Évian", "évian", "ÉVIAN", "e\u0301vian", "Ｅｖｉａｎ", "储能", "肇庆新区", "新型储能电站", "ＺＱ２０２３",
         "zq2023", "Straße", "STRASSE", "İzmir", "Ǆemal", "Ωmega", "ωmega", "Bottling", "ＢＯＴＴＬＩＮＧ", "Café",
         "CAFE\u0301", "电池（一期）", "电池(一期)", "№5", "ﬁber"]  # fmt: skip
LETTERS = st.characters(
    categories=("Lu", "Ll", "Lt", "Lo", "Nd", "Mn"),
    include_characters="（）()·-_%\\&＆ ",
    exclude_characters="\x00",
)
NAME = st.one_of(
    st.sampled_from(WORDS),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
    st.text(LETTERS, min_size=1, max_size=12),
).filter(lambda s: s.strip() != "")


def _variant(text: str, how: int) -> str:
    """The same words as a user may type them: another case, width or composition."""
    if how == 1:
        return text.upper()
    if how == 2:
        return text.lower()
    if how == 3:
        return unicodedata.normalize("NFD", text)
    if how == 4:  # full width, as a Chinese input method types Latin letters
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return text


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("filter") / "f.sqlite"
    ctx = AppContext.open(path, daily_backup=False)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO sectors (id, name) VALUES (1, '新能源'), (2, '新型储能')")
    con.execute("UPDATE sectors SET parent_id = 1 WHERE id = 2")
    con.execute("INSERT INTO districts (id, name) VALUES (1, '高要区'), (2, '肇庆新区')")
    con.commit()
    con.close()
    yield ctx, path
    ctx.close()


def _fill(path: Path, projects: list[tuple[str, str | None, str | None, int, bool, int]]) -> None:
    con = sqlite3.connect(path)
    con.execute("DELETE FROM projects")
    con.execute("DELETE FROM enterprises")
    for i, (name, code, enterprise, sector, key, money) in enumerate(projects, 1):
        ent = None
        if enterprise is not None:
            con.execute(
                "INSERT INTO enterprises (id, name, is_high_tech, is_specialized_new, is_little_giant)"
                " VALUES (?, ?, 0, 0, 0)",
                (i, f"{enterprise}#{i}"),
            )
            ent = i
        con.execute(
            "INSERT INTO projects (id, code, name, enterprise_id, sector_id, district_id, status, planned_investment,"
            " is_key_project, project_type, investor_origin, notes, created_at, updated_at, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 'domestic', '', '2023-01-01', '2023-01-01', 1)",
            (i, code if code is None else f"{code}-{i}", name, ent, sector, 1 + i % 2,
             (Status.SIGNED, Status.UNDER_CONSTRUCTION)[i % 2].value, money, int(key)),
        )  # fmt: skip
    con.commit()
    con.close()


PROJECT = st.tuples(
    NAME,
    st.one_of(st.none(), NAME),
    st.one_of(st.none(), NAME),
    st.sampled_from([1, 2]),
    st.booleans(),
    st.sampled_from([0, 999_999_999, 1_000_000_000, 5_000_000_000]),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    projects=st.lists(PROJECT, min_size=1, max_size=8),
    pick=st.integers(min_value=0, max_value=7),
    start=st.integers(min_value=0, max_value=20),
    length=st.integers(min_value=1, max_value=8),
    how=st.integers(min_value=0, max_value=4),
    extra=st.one_of(st.none(), NAME),
    statuses=st.sets(st.sampled_from([Status.SIGNED, Status.UNDER_CONSTRUCTION, Status.LEAD]), max_size=2),
    sectors=st.sets(st.sampled_from(["新能源", "新型储能"]), max_size=1),
    key_only=st.booleans(),
    billion_only=st.booleans(),
)
def test_sql_and_in_memory_filters_agree(
    db, projects, pick, start, length, how, extra, statuses, sectors, key_only, billion_only
) -> None:
    ctx, path = db
    _fill(path, projects)
    name = projects[pick % len(projects)][0]
    search = _variant(name[start % len(name) :][:length], how)
    if extra is not None:
        search = f"{search} {extra}"
    assume(search.strip() != "")
    f = ProjectFilter(search=search, statuses=frozenset(statuses), sectors=frozenset(sectors), key_only=key_only,
                      billion_only=billion_only)  # fmt: skip
    rows = ctx.projects.list_rows()
    in_memory = {r.id for r in rows if f.matches(r)}
    in_sql = {r.id for r in ctx.projects.list_rows(f)}
    assert in_sql == in_memory, (search, [fold(p[0]) for p in projects])
    from zqtracker.ui.row_order import search_text

    terms = f.search_terms()
    in_table = {r.id for r in rows if all(t in search_text(r) for t in terms)}
    assert {r.id for r in rows if ProjectFilter(search=search).matches(r)} == in_table


def test_evian_is_found_by_every_path(demo_ctx: AppContext, tmp_path: Path) -> None:
    """The issue's case: "évian" finds "Évian Bottling" in the table, `list`, export and reports."""
    import json

    from faults_helpers import run

    from zqtracker.domain.models import Project

    any_row = demo_ctx.projects.list_rows(limit=1)[0]
    project = demo_ctx.projects.get(any_row.id)
    import dataclasses

    demo_ctx.projects.update(dataclasses.replace(project, name="Évian Bottling"))
    assert isinstance(project, Project)
    rows = demo_ctx.projects.list_rows()
    for typed in ("évian", "ÉVIAN", "e\u0301vian", "Éｖｉａｎ"):
        f = ProjectFilter(search=typed)
        assert [r.name for r in rows if f.matches(r)] == ["Évian Bottling"], typed
        assert [r.name for r in demo_ctx.projects.list_rows(f)] == ["Évian Bottling"], typed
    f = ProjectFilter(search="évian")
    assert demo_ctx.statistics.summary(f=f).projects == 1  # the reports' and dashboard's figures
    assert demo_ctx.statistics.project_cube(f).totals()[0] == 1
    db = demo_ctx.database.url  # the file or the server
    code, out, err = run("--db", db, "list", "--search", "évian", "--json")
    assert code == 0, err
    assert [p["name"] for p in json.loads(out)["projects"]] == ["Évian Bottling"]
    code, out, err = run("--db", db, "export", str(tmp_path / "e.xlsx"), "--search", "évian", "--json")
    assert code == 0, err
    assert json.loads(out)["projects"] == 1
