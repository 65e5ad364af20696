"""The search's fold on a PostgreSQL server is SQLite's (issue 14): ``zq_fold`` (migration
0008_server_fold) gives what domain.filters.fold gives for any text, and the SQL filter on a server
finds the same projects as the in-memory one — property-tested over Unicode names, as on SQLite in
test_faults_filter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from test_faults_filter import NAME, PROJECT, WORDS, _variant

from zqtracker.domain.filters import ProjectFilter, fold
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext

pytestmark = pytest.mark.engine("postgresql")

# Any text but NUL and lone surrogates (neither can be stored), weighted towards the letters that fold.
ANY_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20),
    st.text(st.sampled_from("".join(WORDS) + "ßẞſςΣσᾈᾳΐǰŉİıµﬀﬅꭰᏸᲀϐϑϕ\u0345\u0301\u0307"), max_size=12),
)


@pytest.fixture
def server(database) -> Iterator[object]:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        yield conn


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=ANY_TEXT)
def test_the_server_folds_any_text_as_python_does(server, value: str) -> None:  # type: ignore[no-untyped-def]
    assert server.execute(text("SELECT zq_fold(:v)"), {"v": value}).scalar() == fold(value), value


def test_the_letters_lower_case_does_not_fold(server) -> None:  # type: ignore[no-untyped-def]
    for value in ("Straße", "STRASSE", "ẞ", "ΣΑΣ ΟΔΟΣ", "ᾈδης", "ſtraſſe", "Ꭰ", "ꭰ", "ﬃ", "İzmir", "µ", None):
        assert server.execute(text("SELECT zq_fold(:v)"), {"v": value}).scalar() == (
            None if value is None else fold(value)
        ), value


@pytest.fixture
def filled(database) -> Iterator[tuple[AppContext, object]]:  # type: ignore[no-untyped-def]
    with database.engine.begin() as conn:
        conn.execute(text("INSERT INTO sectors (id, name) VALUES (1, '新能源'), (2, '新型储能')"))
        conn.execute(text("UPDATE sectors SET parent_id = 1 WHERE id = 2"))
        conn.execute(text("INSERT INTO districts (id, name) VALUES (1, '高要区'), (2, '肇庆新区')"))
    yield AppContext.for_database(database), database


def _fill(database, projects) -> None:  # type: ignore[no-untyped-def]
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM projects"))
        conn.execute(text("DELETE FROM enterprises"))
        for i, (name, code, enterprise, sector, key, money) in enumerate(projects, 1):
            ent = None
            if enterprise is not None:
                conn.execute(
                    text(
                        "INSERT INTO enterprises (id, name, is_high_tech, is_specialized_new, "
                        "is_little_giant) VALUES (:i, :n, false, false, false)"
                    ),
                    {"i": i, "n": f"{enterprise}#{i}"},
                )
                ent = i
            conn.execute(
                text("INSERT INTO projects (id, code, name, enterprise_id, sector_id, district_id, status,"
                     " planned_investment, is_key_project, project_type, investor_origin, notes, created_at,"
                     " updated_at, version) VALUES (:i, :c, :n, :e, :s, :d, :st, :m, :k, 'new', 'domestic', '',"
                     " '2023-01-01', '2023-01-01', 1)"),
                {"i": i, "c": code if code is None else f"{code}-{i}", "n": name, "e": ent, "s": sector,
                 "d": 1 + i % 2, "st": (Status.SIGNED, Status.UNDER_CONSTRUCTION)[i % 2].value, "m": money, "k": key},
            )  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    projects=st.lists(PROJECT, min_size=1, max_size=8),
    pick=st.integers(min_value=0, max_value=7),
    start=st.integers(min_value=0, max_value=20),
    length=st.integers(min_value=1, max_value=8),
    how=st.integers(min_value=0, max_value=4),
    extra=st.one_of(st.none(), NAME),
)
def test_sql_and_in_memory_filters_agree_on_a_server(filled, projects, pick, start, length, how, extra) -> None:  # type: ignore[no-untyped-def]
    ctx, database = filled
    _fill(database, projects)
    name = projects[pick % len(projects)][0]
    search = _variant(name[start % len(name) :][:length], how)
    if extra is not None:
        search = f"{search} {extra}"
    assume(search.strip() != "")
    f = ProjectFilter(search=search)
    rows = ctx.projects.list_rows()
    assert {r.id for r in ctx.projects.list_rows(f)} == {r.id for r in rows if f.matches(r)}, search
