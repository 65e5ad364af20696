"""The import use case on real .xlsx files and real SQLite databases: shapes, matching, modes,
all-or-nothing, undo/redo exactness, atomicity."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from engines import dump
from import_files import PROJECT_HEADER, SheetSpec, district_projects, write_workbook

from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import Mapping, MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.progress import Cancelled, Progress


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def projects_by_code(ctx: AppContext) -> dict[str, object]:
    return {p.code: p for p in ctx.projects.all_projects()}


def test_a_district_list_imports_exactly(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    result = service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    assert result.ok and (result.added, result.updated, result.unchanged) == (3, 0, 0)
    p = projects_by_code(ctx)
    assert set(p) == {"GY-001", "GY-002", "0015"}  # the 合计 row and the note are no projects
    a, b, c = p["GY-001"], p["GY-002"], p["0015"]
    assert (a.planned_investment, b.planned_investment, c.planned_investment) == (
        1_250_000_000,
        30_000_000,
        120_000_000,
    )
    assert (a.status, b.status, c.status) == (Status.UNDER_CONSTRUCTION, Status.SIGNED, Status.LEAD)
    assert (a.signed_on, a.construction_start_on, b.signed_on, c.signed_on) == (
        date(2023, 3, 15),
        date(2023, 6, 1),
        date(2023, 8, 1),
        date(2023, 10, 1),
    )
    assert a.land_area_mu == Decimal("300") and b.land_area_mu == Decimal("45.5")
    assert a.is_key_project and not b.is_key_project and a.enterprise == "广东华南电池有限公司"
    assert sorted(result.new_sectors) == ["新型储能", "绿色食品", "金属新材料"] and result.new_districts == ["高要区"]
    codes = {n.code for n in result.notes}
    assert {"note_totals", "note_notes_from"} <= codes


def test_reimporting_the_same_file_updates_nothing(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    path = district_projects(tmp_path / "d.xlsx")
    service.import_file(path, ImportOptions())
    before = dump(db_url)
    again = service.import_file(path, ImportOptions())
    assert (again.added, again.updated, again.unchanged, again.written) == (0, 0, 3, False)
    assert dump(db_url) == before


def test_changed_fields_are_updated_and_shown_as_a_diff(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    rows = [PROJECT_HEADER,
            [1, "GY-001", "华南新能源电池项目", "广东华南电池有限公司", "新型储能", "高要区", "投产", 12.6, 300,
             date(2023, 3, 15), "2023/06/01", "是"]]  # fmt: skip
    path = write_workbook(tmp_path / "next.xlsx", SheetSpec("项目清单", rows))
    book = service.read(path)
    analysis = service.analyse(book, ImportOptions())
    sheet = analysis.sheets[0]
    assert sheet.status == ["update"]
    changes = {c.field: (c.before, c.after) for c in sheet.changes[0]}
    assert changes == {
        "status": (Status.UNDER_CONSTRUCTION, Status.IN_PRODUCTION),
        "planned_investment": (1_250_000_000, 1_260_000_000),
    }
    result = service.apply(analysis, ImportOptions())
    assert (result.added, result.updated) == (0, 1)
    project = projects_by_code(ctx)["GY-001"]
    assert project.status is Status.IN_PRODUCTION and project.planned_investment == 1_260_000_000
    history = ctx.projects.status_history(project.id)
    assert [(h.from_status, h.to_status) for h in history][-1] == (Status.UNDER_CONSTRUCTION, Status.IN_PRODUCTION)
    assert history[-1].note == "Imported from next.xlsx"
    # blank cells leave stored values alone: the enterprise is untouched by a file without one
    assert project.enterprise == "广东华南电池有限公司"


def test_match_by_name_and_district_when_there_is_no_code(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    head = ["项目名称", "所在区域", "所属行业", "计划总投资（万元）"]
    first = write_workbook(tmp_path / "a.xlsx", SheetSpec("S", [head, ["光伏组件项目", "四会市", "光伏", 5000]]))
    service.import_file(first, ImportOptions())
    later = write_workbook(
        tmp_path / "b.xlsx", SheetSpec("S", [["项目编号", *head], ["SH-9", "光伏组件项目", "四会市", "光伏", 6000]])
    )
    result = service.import_file(later, ImportOptions())
    assert (result.added, result.updated) == (0, 1)
    (project,) = ctx.projects.all_projects()
    assert project.code == "SH-9" and project.planned_investment == 60_000_000


def test_append_adds_new_projects_only(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    rows = [
        PROJECT_HEADER,
        [1, "GY-001", "华南新能源电池项目", None, "新型储能", "高要区", "投产", 99, None, None, None, "否"],
        [2, "GY-009", "新项目", None, "新型储能", "高要区", "签约", 1, None, None, None, "否"],
    ]
    result = service.import_file(
        write_workbook(tmp_path / "n.xlsx", SheetSpec("S", rows)), ImportOptions(mode="append")
    )
    assert (result.added, result.updated, result.unchanged) == (1, 0, 1)
    assert projects_by_code(ctx)["GY-001"].planned_investment == 1_250_000_000


def test_replace_backs_up_then_replaces_and_undo_restores(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    before = dump(db_url)
    rows = [PROJECT_HEADER, [1, "R-1", "唯一项目", None, "氢能", "鼎湖区", "在建", 2, None, None, None, "是"]]
    result = service.import_file(
        write_workbook(tmp_path / "r.xlsx", SheetSpec("S", rows)), ImportOptions(mode="replace")
    )
    assert result.backup is not None and result.backup.exists()
    assert set(projects_by_code(ctx)) == {"R-1"}
    service.undo(result.change)  # type: ignore[arg-type]
    assert dump(db_url) == before
    service.redo(result.change)  # type: ignore[arg-type]
    assert set(projects_by_code(ctx)) == {"R-1"}


def monthly_and_projects(path: Path) -> Path:
    projects = [
        ["2023年重点项目（续建）"],
        ["单位：万元"],
        ["序号", "项目编号", "项目名称", "所属行业", "所在区域", "总投资", "2023年计划投资"],
        [1, "K-1", "储能电站项目", "新型储能", "肇庆新区", 50000, 12000],
        [2, "K-2", "汽车零部件项目", "汽车零部件", "高要区", "8亿", "1.5亿"],
    ]
    long = [
        ["项目编号", "月份", "当月完成投资（万元）"],
        ["K-1", "2023-01", 800],
        ["K-1", "2023年2月", 950.5],
        ["K-2", (date(2023, 3, 1)), 300],
    ]
    wide = [
        ["2023年月度完成投资（单位：万元）"],
        ["项目编号", "项目名称", "1月", "2月", "3月"],
        ["K-2", "汽车零部件项目", 100, None, 300],
    ]
    return write_workbook(path, SheetSpec("续建项目", projects), SheetSpec("月报", long), SheetSpec("月报宽表", wide))


def test_projects_and_monthly_sheets_long_and_wide(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    result = service.import_file(monthly_and_projects(tmp_path / "m.xlsx"), ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    assert (result.added, result.investment_records, result.plans) == (2, 4, 2)  # K-2 March twice, same amount
    p = projects_by_code(ctx)
    assert p["K-1"].planned_investment == 500_000_000 and p["K-2"].planned_investment == 800_000_000
    assert p["K-1"].status is Status.UNDER_CONSTRUCTION  # from the sheet name 续建项目
    k1 = {(r.year, r.month): r.amount for r in ctx.projects.investment(p["K-1"].id)}
    k2 = {(r.year, r.month): r.amount for r in ctx.projects.investment(p["K-2"].id)}
    assert k1 == {(2023, 1): 8_000_000, (2023, 2): 9_505_000}
    assert k2 == {(2023, 3): 3_000_000, (2023, 1): 1_000_000}
    assert [(pl.year, pl.amount) for pl in ctx.projects.plans(p["K-1"].id)] == [(2023, 120_000_000)]
    assert [(pl.year, pl.amount) for pl in ctx.projects.plans(p["K-2"].id)] == [(2023, 150_000_000)]


def test_one_month_given_twice_with_different_amounts_is_a_problem(service: ImportService, tmp_path: Path) -> None:
    path = monthly_and_projects(tmp_path / "m.xlsx")
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb["月报宽表"]["E3"] = 31
    wb.save(path)
    result = service.import_file(path, ImportOptions())
    (problem,) = result.problems
    assert (problem.sheet, problem.row, problem.problem.code) == ("月报宽表", 3, "duplicate_in_file")
    assert "row 4" in problem.reason() and not result.written


def test_section_rows_chains_and_construction_sheets(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        ["2024年市重点建设项目名单"],
        ["序号", "项目名称", "建设性质", "所在地", "总投资（亿元）", "建设年限", "投资类型"],
        ["一、先进制造业（2个）", None, None, None, 25],
        ["（一）新能源汽车", None, None, None, 20],
        [1, "整车基地项目", "新建", "肇庆高新区", 20, "2024-2026", "社会投资"],
        ["（二）新型储能", None, None, None, 5],
        [2, "储能电池项目", "续建", "肇庆新区", 5, "2023-2025", "社会投资"],
        ["小计", None, None, None, 25],
    ]
    result = service.import_file(write_workbook(tmp_path / "s.xlsx", SheetSpec("新开工项目", rows)), ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    by_name = {p.name: p for p in ctx.projects.all_projects()}
    assert by_name["整车基地项目"].sector == "新能源汽车" and by_name["储能电池项目"].sector == "新型储能"
    sectors = {s.name: s.parent for s in ctx.references.sectors()}
    assert sectors["新能源汽车"] == "先进制造业" and sectors["新型储能"] == "先进制造业"
    assert by_name["储能电池项目"].status is Status.UNDER_CONSTRUCTION
    assert {n.code for n in result.notes} >= {"note_sections", "note_ignored_column", "note_totals"}


def test_hidden_columns_and_vertically_merged_districts(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    rows = [
        ["项目名称", "所在区域", "所属行业", "计划总投资（万元）", "旧数据"],
        ["甲项目", "端州区", "光伏", 100, "x"],
        ["乙项目", None, "光伏", 200, "y"],
        ["丙项目", "鼎湖区", "光伏", 300, "z"],
    ]
    path = write_workbook(tmp_path / "h.xlsx", SheetSpec("S", rows, merges=["B2:B3"], hidden=["B"]))
    result = service.import_file(path, ImportOptions())
    # the district column is hidden: not imported (and said so), so the projects' districts are unknown
    assert result.ok and result.added == 3 and "note_hidden_column" in {n.code for n in result.notes}
    assert {p.district for p in ctx.projects.all_projects()} == {None}
    mapping = Mapping(fields={1: "district"})
    result = service.import_file(path, ImportOptions(mappings={"S": mapping}))
    assert result.ok and (result.added, result.updated) == (0, 3)  # the same projects, now placed
    assert {p.name: p.district for p in ctx.projects.all_projects()} == {
        "甲项目": "端州区",
        "乙项目": "端州区",
        "丙项目": "鼎湖区",
    }


def test_units_header_line_cell_and_user(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    head = ["项目名称", "所在区域", "所属行业", "计划总投资"]
    bare = write_workbook(
        tmp_path / "u.xlsx", SheetSpec("S", [head, ["甲", "端州区", "光伏", 12], ["乙", "端州区", "光伏", "3亿"]])
    )
    with pytest.raises(WorkbookRefused) as info:
        service.import_file(bare, ImportOptions())
    assert info.value.code == "no_unit" and "--unit" in str(info.value)
    service.import_file(bare, ImportOptions(unit=Unit.WAN))
    assert {p.name: p.planned_investment for p in ctx.projects.all_projects()} == {"甲": 120_000, "乙": 300_000_000}
    line = write_workbook(
        tmp_path / "l.xlsx", SheetSpec("S", [["Unit: 100m yuan"], head, ["丙", "端州区", "光伏", 1.5]])
    )
    service.import_file(line, ImportOptions(unit=Unit.YUAN))  # the unit line wins over the user's default
    assert {p.name: p.planned_investment for p in ctx.projects.all_projects()}["丙"] == 150_000_000


def test_all_or_nothing_and_skip_invalid(service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    rows = [
        PROJECT_HEADER,
        [1, "A-1", "好项目", None, "光伏", "端州区", "在建", 1, None, None, None, "是"],
        [2, "A-2", "坏项目", None, "光伏", "端州区", "研究中", "很多", None, "2023-02-30", None, "也许"],
        [3, "A-1", "好项目", None, "光伏", "端州区", "在建", 1, None, None, None, "是"],  # a repeat: harmless
    ]
    path = write_workbook(tmp_path / "bad.xlsx", SheetSpec("明细", rows))
    before = dump(db_url)
    result = service.import_file(path, ImportOptions())
    assert not result.written and dump(db_url) == before
    found = {(p.sheet, p.row, p.column, p.value, p.problem.code) for p in result.problems}
    assert found == {
        ("明细", 3, "G", "研究中", "unknown_status"),
        ("明细", 3, "H", "很多", "bad_money"),
        ("明细", 3, "J", "2023-02-30", "bad_date"),  # (a word, 明年底, gives no date and refuses nothing)
        ("明细", 3, "L", "也许", "bad_bool"),
        ("明细", 4, "B", "A-1", "duplicate_in_file"),
    }
    assert all(p.reason() for p in result.problems)
    result = service.import_file(path, ImportOptions(skip_invalid=True))
    assert result.written and result.added == 1 and set(projects_by_code(ctx)) == {"A-1"}


def full_mix(path: Path, planned: float) -> Path:
    rows = [
        PROJECT_HEADER,
        [1, "GY-001", "华南新能源电池项目", "新的投资主体", "新行业", "新区县", "投产", planned, 310, None, None, "是"],
        [2, "NEW-1", "全新项目", "全新企业", "光伏", "高要区", "签约", 2, None, date(2023, 9, 1), None, "否"],
    ]
    monthly = [["项目编号", "月份", "完成投资（万元）"], ["GY-001", "2023-09", 500], ["NEW-1", "2023-09", 1]]
    return write_workbook(path, SheetSpec("项目", rows), SheetSpec("月度", monthly))


def test_undo_restores_the_database_exactly_and_redo_reapplies(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    gy = projects_by_code(ctx)["GY-001"]
    ctx.projects.set_investment(gy.id, [(2023, 9, 1_000_000), (2023, 8, 7)])
    before = dump(db_url)
    moved = ImportOptions(links={("项目", 2): gy.id})  # GY-001 moved to another district: said so (--link 2=GY-001)
    result = service.import_file(full_mix(tmp_path / "mix.xlsx", 13), moved)
    assert result.ok and (result.added, result.updated, result.investment_records) == (1, 1, 2)
    assert set(result.new_sectors) == {"新行业", "光伏"} and result.new_districts == ["新区县"]
    after = dump(db_url)
    assert after != before
    service.undo(result.change)  # type: ignore[arg-type]
    assert dump(db_url) == before
    service.redo(result.change)  # type: ignore[arg-type]
    assert dump(db_url) == after
    service.undo(result.change)  # type: ignore[arg-type]
    assert dump(db_url) == before


def test_a_failure_in_the_middle_of_writing_leaves_everything_as_before(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    service.import_file(district_projects(tmp_path / "d.xlsx"), ImportOptions())
    from sqlalchemy import text

    with ctx.database.engine.begin() as con:
        if con.dialect.name == "sqlite":
            con.execute(
                text(
                    "CREATE TRIGGER boom BEFORE INSERT ON investment_records"
                    " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
                )
            )
        else:
            con.execute(
                text(
                    "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$BEGIN RAISE EXCEPTION 'disk on fire'; END$$"
                )
            )
            con.execute(
                text("CREATE TRIGGER boom BEFORE INSERT ON investment_records FOR EACH ROW EXECUTE FUNCTION boom()")
            )
    before = dump(db_url)
    with pytest.raises(Exception, match="disk on fire"):
        moved = ImportOptions(links={("项目", 2): projects_by_code(ctx)["GY-001"].id})  # (to another district)
        service.import_file(full_mix(tmp_path / "mix.xlsx", 13), moved)
    assert dump(db_url) == before


def test_cancelling_while_writing_writes_nothing(
    service: ImportService, ctx: AppContext, db_url: str, tmp_path: Path
) -> None:
    before = dump(db_url)
    book = service.read(district_projects(tmp_path / "d.xlsx"))
    analysis = service.analyse(book, ImportOptions())
    progress = Progress()

    def cancel_on_first_report(done: int, total: int | None, text: str) -> None:
        progress.cancel()

    progress._callback = cancel_on_first_report
    progress.report(0)  # the first report passes; the next one raises
    with pytest.raises(Cancelled):
        service.apply(analysis, ImportOptions(), progress=progress)
    assert dump(db_url) == before


def test_remembered_mappings_apply_to_the_next_file_with_the_same_headers(
    service: ImportService, tmp_path: Path
) -> None:
    head = ["叫法", "区", "行业类", "金额（亿元）"]  # headers nobody could guess
    rows = [head, ["甲", "端州区", "光伏", 1]]
    path = write_workbook(tmp_path / "odd.xlsx", SheetSpec("S", rows))
    book = service.read(path)
    layout, key, _mapping, remembered = service.layout_of(book.sheets[0], ImportOptions())
    assert layout.kind == "unknown" and not remembered and key == ""
    # the dialog: the user says the header is row 1 and what each column holds
    key = service.key_for(book.sheets[0], 0)
    service.remember(
        key, Mapping(fields={0: "name", 1: "district", 2: "sector", 3: "planned_investment"}, header_row=0)
    )
    nxt = write_workbook(tmp_path / "odd2.xlsx", SheetSpec("S", [head, ["乙", "鼎湖区", "光伏", 2]]))
    result = service.import_file(nxt, ImportOptions())
    assert result.ok and result.added == 1 and "note_remembered" in {n.code for n in result.notes}


def test_1904_workbooks_and_codes_typed_as_numbers(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [
        ["项目编号", "项目名称", "所在区域", "所属行业", "计划总投资（元）", "签约时间"],
        [123, "甲", "端州区", "光伏", 5, date(2023, 5, 6)],
        [7, "乙", "端州区", "光伏", 5, 43591],
    ]
    path = write_workbook(tmp_path / "mac.xlsx", SheetSpec("S", rows, formats={"A2": "000000"}), date1904=True)
    service.import_file(path, ImportOptions())
    p = projects_by_code(ctx)
    assert set(p) == {"000123", "7"}
    assert p["000123"].signed_on == date(2023, 5, 6)
    assert p["7"].signed_on == date(1904, 1, 1).fromordinal(date(1904, 1, 1).toordinal() + 43591)


def test_exports_in_the_export_issue_format_import_back_unchanged(
    service: ImportService, ctx: AppContext, demo_ctx: AppContext, tmp_path: Path
) -> None:
    """Issue 5 writes money as numbers under "计划总投资（万元）", dates as Excel dates, codes as text."""
    import xlsxwriter

    from zqtracker.io.columns import PROJECT_COLUMNS

    projects = demo_ctx.projects.all_projects()[:200]
    path = tmp_path / "export.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("项目")
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    for lang, r0 in (("zh", 0),):
        heads = [c.header(lang) + ("（万元）" if c.kind == "money" else "") for c in PROJECT_COLUMNS]
        ws.write_row(r0, 0, heads)
    for r, p in enumerate(projects, start=1):
        for c, col in enumerate(PROJECT_COLUMNS):
            v = getattr(p, col.field)
            if v is None:
                continue
            if col.kind == "money":
                ws.write_number(r, c, v / 10_000)
            elif col.kind == "date":
                ws.write_datetime(r, c, v, day)
            elif col.kind in ("status", "project_type", "investor_origin"):
                ws.write_string(r, c, v.label("zh"))
            elif col.kind == "bool":
                ws.write_string(r, c, "是" if v else "否")
            elif col.kind == "decimal":
                ws.write_number(r, c, float(v))
            else:
                ws.write_string(r, c, str(v))
    wb.close()
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == len(projects)
    fields = [c.field for c in PROJECT_COLUMNS]
    got = {p.code: tuple(getattr(p, f) for f in fields) for p in ctx.projects.all_projects()}
    want = {p.code: tuple(getattr(p, f) for f in fields) for p in projects}
    assert got == want
    again = service.import_file(path, ImportOptions())
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(projects))


def test_csv_files_in_the_encodings_chinese_excel_writes(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    text = (
        "项目编号,项目名称,所属行业,所在区域,计划总投资（万元）,签约时间\n"
        'C-1,测试项目,新型储能,端州区,"1,200",2023/5/6\n'
    )
    for name, data in (
        ("gbk.csv", text.encode("gb18030")),
        ("bom.csv", text.replace("C-1,测试项目", "C-2,储能测试项目").encode("utf-8-sig")),  # (one name, a new code:
        ("renamed.xlsx", text.replace("C-1,测试项目", "C-3,光伏测试项目").encode("utf-8")),  # asked, not added)
    ):
        (tmp_path / name).write_bytes(data)
        result = service.import_file(tmp_path / name, ImportOptions())
        assert result.ok and result.added == 1, name
    codes = projects_by_code(ctx)
    assert {c: (p.planned_investment, p.signed_on) for c, p in codes.items()} == {
        c: (12_000_000, date(2023, 5, 6)) for c in ("C-1", "C-2", "C-3")
    }
    again = service.import_file(tmp_path / "renamed.xlsx", ImportOptions())
    assert "note_renamed_csv" in {n.code for n in again.notes}


def test_two_header_rows_month_columns_in_a_project_sheet_and_the_reporting_unit(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.references.save_district(__import__("zqtracker.domain.models", fromlist=["District"]).District("广宁县"))
    rows = [
        ["广宁县重点项目月度完成情况"],
        ["填报单位：广宁县发展和改革局", None, None, None, "单位：万元"],
        ["项目名称", "所属行业", "总投资", "2023年完成投资", None, None],
        [None, None, None, date(2023, 1, 1), "2023年2月", "3月"],
        ["竹制品深加工项目", "绿色食品", 8000, 100, 150, 175.5],
    ]
    spec = SheetSpec("月报", rows, merges=["A3:A4", "B3:B4", "C3:C4", "D3:F3"])
    result = service.import_file(write_workbook(tmp_path / "gn.xlsx", spec), ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    (project,) = ctx.projects.all_projects()
    assert project.district == "广宁县" and project.planned_investment == 80_000_000
    records = {(r.year, r.month): r.amount for r in ctx.projects.investment(project.id)}
    assert records == {(2023, 1): 1_000_000, (2023, 2): 1_500_000, (2023, 3): 1_755_000}
    assert "note_district_from" in {n.code for n in result.notes}


def test_section_rows_naming_districts(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    rows = [["序号", "项目名称", "所属行业", "计划总投资（亿元）"], ["一", "端州区（2个）", None, 3],
            [1, "甲", "光伏", 1], [2, "乙", "光伏", 2], ["二", "鼎湖区", None, 1], [1, "丙", "光伏", 1]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "d.xlsx", SheetSpec("S", rows)), ImportOptions())
    assert result.ok, [p.reason() for p in result.problems]
    assert {p.name: p.district for p in ctx.projects.all_projects()} == {"甲": "端州区", "乙": "端州区", "丙": "鼎湖区"}
