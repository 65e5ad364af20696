"""Exported workbooks read back (openpyxl and python-calamine) to exactly what the database holds:
every field, the annual plans (a column per year), Chinese text, formula-like text, control characters,
empty dates, dates before March 1900, huge amounts in both units, codes with leading zeros."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsx_readback import READERS, records

from zqtracker.domain.models import InvestorOrigin, Project, ProjectType
from zqtracker.domain.money import MAX_LAND_AREA_MU, MAX_MONEY, Unit
from zqtracker.domain.status import Status
from zqtracker.io.columns import EXPORT_PROJECT_FIELDS, FIGURE_EXPORT_FIELDS, sheet_name
from zqtracker.io.plan_columns import plan_field
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportOptions, ExportService
from zqtracker.storage.database import open_database


def expected_projects(ctx: AppContext) -> list[dict[str, object]]:
    """What the Projects sheet must say, straight from the database (ordered by id)."""
    chains = {s.name: s.parent for s in ctx.references.sectors()}
    projects = ctx.projects.all_projects()
    plans = {p.id: {a.year: a.amount for a in ctx.projects.plans(p.id)} for p in projects}
    years = sorted({y for by_year in plans.values() for y in by_year})  # a column per year some project plans
    out = []
    codes = {e.name: e.credit_code for e in ctx.references.enterprises()}  # the enterprise's credit code
    coded = any(codes.get(p.enterprise) for p in projects if p.enterprise)  # its column: written when one has one
    for p in projects:
        # the figure columns (another currency, since start) are written only when used: none here
        skipped = ("chain", "credit_code", *FIGURE_EXPORT_FIELDS)
        row = {f: getattr(p, f) for f in EXPORT_PROJECT_FIELDS if f not in skipped}
        if coded:
            row["credit_code"] = codes.get(p.enterprise) if p.enterprise else None
        row["chain"] = chains.get(p.sector)  # type: ignore[arg-type]  (None: the sector is not known)
        row["notes"] = p.notes or None  # an empty note is an empty cell
        row["land_area_mu"] = None if p.land_area_mu is None else p.land_area_mu.normalize()
        row.update({plan_field(y): plans[p.id].get(y) for y in years})  # blank: no plan that year
        out.append(row)
    return out


def expected_monthly(ctx: AppContext) -> list[dict[str, object]]:
    out = []
    for p in ctx.projects.all_projects():
        for r in ctx.projects.investment(p.id):
            out.append(
                {"code": p.code, "name": p.name, "district": p.district, "month": date(r.year, r.month, 1),
                 "amount": r.amount}
            )  # fmt: skip
    return out


def normalized(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: (v.normalize() if isinstance(v, Decimal) else v) for k, v in row.items()} for row in rows]


def check_roundtrip(ctx: AppContext, path: Path, lang: str) -> None:
    want_projects, want_monthly = expected_projects(ctx), expected_monthly(ctx)
    for reader in READERS:
        got = normalized(records(path, sheet_name("projects", lang), reader))
        assert got == want_projects, reader
        assert records(path, sheet_name("monthly", lang), reader) == want_monthly, reader


@pytest.mark.parametrize(("lang", "unit"), [("zh", Unit.YI), ("en", Unit.WAN)])
def test_demo_database_exports_every_field_exactly(demo_ctx: AppContext, tmp_path: Path, lang: str, unit: Unit) -> None:
    path = tmp_path / "demo.xlsx"
    result = ExportService(demo_ctx.database).export(path, ExportOptions(lang=lang, unit=unit))
    assert result.projects == 568 and result.investment_records > 4000
    check_roundtrip(demo_ctx, path, lang)


# -- hypothesis: hostile and odd values ----------------------------------------------------------

CHARS = st.text(
    alphabet=st.one_of(
        st.sampled_from("项目储能肇庆新区高要區鼎湖=+-@\t\r\n _x0041_ 'ＡＢ＝＋１２"),
        # U+FFFE/U+FFFF cannot appear in XML; xlsxwriter writes them as _xFFFE_, which calamine
        # does not decode (a known limit, irrelevant to real text).
        st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"),
    ),
    max_size=40,
)
# Whole values that trip writers up: rich-text markup, OOXML escapes, formulas, padding.
TEXT = st.one_of(CHARS, st.sampled_from(["<r>x</r>", "<r><t>a</t></r><r><t>b</t></r>", "_x0041_", "=1+1", " x "]))
NAME = TEXT.map(lambda s: " ".join(s.split())).filter(bool)
CODE = st.from_regex(r"0{0,4}[0-9A-Z\-=+]{1,12}", fullmatch=True)
MONEY = st.one_of(
    st.integers(0, MAX_MONEY),
    st.sampled_from([0, 1, 5, 99_999_999_999_999, 10**14, 10**14 + 1, 123_456_789_012_345, 10**17 - 1, MAX_MONEY]),
    st.integers(0, 10**12),
)
DAY = st.dates(date(1900, 1, 1), date(2200, 12, 31))
LAND = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(MAX_LAND_AREA_MU), places=4)


@st.composite
def projects(draw) -> list[Project]:
    n = draw(st.integers(1, 8))
    codes = draw(st.lists(st.none() | CODE, min_size=n, max_size=n))
    seen: set[str] = set()
    out = []
    for i in range(n):
        code = codes[i] if codes[i] not in seen else None
        if code:
            seen.add(code)
        days = sorted(draw(st.lists(DAY, min_size=3, max_size=3)))
        keep = draw(st.lists(st.booleans(), min_size=3, max_size=3))
        out.append(
            Project(
                name=draw(NAME),
                sector=draw(st.sampled_from(["新型储能", "=SUM(1)", "Auto parts", "光伏"])),
                district=draw(st.sampled_from(["肇庆新区", "+district", "高要区"])),
                status=draw(st.sampled_from(list(Status))),
                planned_investment=draw(MONEY),
                code=code,
                enterprise=draw(st.none() | NAME),
                land_area_mu=draw(st.none() | LAND),
                expected_annual_output=draw(st.none() | MONEY),
                expected_annual_tax=draw(st.none() | MONEY),
                signed_on=days[0] if keep[0] else None,
                construction_start_on=days[1] if keep[1] else None,
                production_on=days[2] if keep[2] else None,
                is_key_project=draw(st.booleans()),
                project_type=draw(st.sampled_from(list(ProjectType))),
                investor_origin=draw(st.sampled_from(list(InvestorOrigin))),
                officer=draw(st.none() | NAME),
                notes=draw(TEXT),
            )
        )
    return out


MONTHLY = st.lists(st.tuples(st.integers(1900, 2200), st.integers(1, 12), MONEY), max_size=4)
PLANS = st.dictionaries(st.integers(1990, 2200), MONEY, max_size=3)  # 年度计划投资 by year


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    open_database(path).close()
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=projects(),
    monthly=st.lists(MONTHLY, min_size=8, max_size=8),
    plans=st.lists(PLANS, min_size=8, max_size=8),
    lang=st.sampled_from(["en", "zh"]),
    unit=st.sampled_from([Unit.YI, Unit.WAN]),
)
def test_generated_projects_read_back_exactly(
    empty_database: Path, tmp_path_factory: pytest.TempPathFactory, data, monthly, plans, lang: str, unit: Unit
) -> None:
    folder = tmp_path_factory.mktemp("h")
    db = folder / "db.sqlite"
    shutil.copy(empty_database, db)
    ctx = AppContext.open(db)
    try:
        for project, records_, plans_ in zip(data, monthly, plans, strict=False):
            ctx.projects.create(project)
            ctx.projects.set_investment(project.id, list({(y, m): (y, m, a) for y, m, a in records_}.values()))
            ctx.projects.set_plans(project.id, list(plans_.items()))
        path = folder / "out.xlsx"
        ExportService(ctx.database).export(path, ExportOptions(lang=lang, unit=unit))
        check_roundtrip(ctx, path, lang)
    finally:
        ctx.close()


def test_huge_amounts_are_exact_text_and_small_ones_numbers(ctx: AppContext, tmp_path: Path) -> None:
    amounts = [1, 99_999_999_999_999, 10**14, MAX_MONEY]
    for i, yuan in enumerate(amounts):
        ctx.projects.create(Project(name=f"p{i}", sector="s", district="d", planned_investment=yuan, code=f"{i:05d}"))
    path = tmp_path / "big.xlsx"
    ExportService(ctx.database).export(path, ExportOptions(unit=Unit.YI))
    from xlsx_readback import sheet_rows

    rows = sheet_rows(path, "Projects", "openpyxl")
    col = rows[0].index("Planned investment (¥ bn)")
    cells = [r[col] for r in rows[1:]]
    assert cells[0] == 1e-9 and isinstance(cells[1], float)
    assert cells[2] == "100000" and cells[3] == "100000000"  # exact text from 10^14 yuan on
    assert [r[0] for r in rows[1:]] == ["00000", "00001", "00002", "00003"]  # codes keep leading zeros
    check_roundtrip(ctx, path, "en")
