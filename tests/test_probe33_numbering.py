"""Published key-project lists whose 序号 misled the import (probe33c): projects numbered 一、二、三 or （一）（二）
in the 序号 column were read as section rows (F1, F2: exit 0, 0 added, the 合计 under them unchecked); 序号 ①②③
ended in a raw Python error (F6). True section rows (一 | 工业项目（2个） over rows numbered 1, 2) stay sections.
Real .xlsx files written by openpyxl, imported through the service, both engines; figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

WAN = 10_000
HEAD = ["序号", "项目名称", "行业", "总投资", "2025年计划投资", "1-10月完成投资", "备注"]
GUANGNING = [  # probe33c u01: 4 projects of 广宁县, 合计 43300 / 13500 / 11020 万
    ["广宁县江屯镇光伏发电项目", "新能源", 32000, 10000, 8200, "续建"],
    ["广宁县古水镇砂糖桔深加工项目", "现代农业", 6800, 2000, 1500, "续建"],
    ["广宁县宾亨镇抽水蓄能电站项目", "新能源", "—", "—", "—", "前期工作"],
    ["广宁县城区停车场建设项目", "市政", 4500, 1500, 1320, "新开工"],
]


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def _guangning(tmp_path: Path, numbers: list, total: int = 43300) -> Path:
    rows = [["广宁县2025年重点项目进展情况（截至10月底）"], [None, None, None, None, None, "单位：万元"], HEAD,
            *([n, *p] for n, p in zip(numbers, GUANGNING, strict=True)),
            [None, "合计", None, total, 13500, 11020]]  # fmt: skip
    return write_workbook(tmp_path / "u01.xlsx", SheetSpec("广宁县", rows, ["A1:G1"]))


def _planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


def _said(result: object) -> list[str]:
    return [p.reason("en") for p in result.problems]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "numbers",
    [["一", "二", "三", "四"], ["一、", "二、", "三、", "四、"], ["一", "二", "三", None], ["①", "②", "③", "④"]],
    ids=["yi_er_san", "yi_er_san_dun", "last_unnumbered", "circled"],
)
def test_projects_numbered_in_chinese_or_circled_are_projects(
    service: ImportService, ctx: AppContext, tmp_path: Path, numbers: list
) -> None:
    """F1/F6: 一 | 广宁县江屯镇光伏发电项目 | 新能源 | 32000 | … | 续建: a full project row, not a section (0 added,
    exit 0); ①: "invalid literal for int()". 4 projects; the three with figures 32000 + 6800 + 4500 = 43300 万."""
    result = service.import_file(_guangning(tmp_path, numbers), ImportOptions())
    assert result.ok and result.added == 4, _said(result)
    planned = _planned(ctx)
    assert planned["广宁县江屯镇光伏发电项目"] == 32000 * WAN and planned["广宁县城区停车场建设项目"] == 4500 * WAN
    assert sum(v or 0 for v in planned.values()) == 43300 * WAN
    assert not any(n.code == "note_sections" for n in result.notes)


def test_a_total_the_projects_numbered_yi_er_do_not_add_up_to_is_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """u01a_badtotal: 合计 总投资 99999 over the rows' 43300 万 passed with 0 added."""
    result = service.import_file(_guangning(tmp_path, ["一", "二", "三", "四"], total=99999), ImportOptions())
    assert not result.written and "total_planned_differs" in {p.problem.code for p in result.problems}


def test_sections_alone_under_a_total_are_asked(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """Only section rows (their count in their name) and a 合计 of 43300 万: no project is read — the total's
    check was skipped when no row was read (0 added, exit 0)."""
    rows = [["广宁县2025年重点项目进展情况"], [None, None, None, None, None, "单位：万元"], HEAD[:6],
            ["一", "工业项目（2个）", None, 38800, 12000, 9700],
            ["二", "城建项目（1个）", None, 4500, 1500, 1320],
            [None, "合计", None, 43300, 13500, 11020]]  # fmt: skip
    path = write_workbook(tmp_path / "sections.xlsx", SheetSpec("Sheet1", rows, ["A1:F1"]))
    result = service.import_file(path, ImportOptions())
    assert not result.written
    assert "total_without_projects" in {p.problem.code for p in result.problems}, _said(result)


F12_HEAD = ["序号", "项目名称", "所在地", "行业", "总投资", "年度计划投资", "1-10月完成投资", "备注"]


def _f12(tmp_path: Path, first: list[str], second: list[str], third: list[str]) -> Path:
    """probe33c f12: 一、续建项目 / 二、新开工项目 / 三、竣工项目 group rows with sums over their projects."""
    rows = [["2025年肇庆市重点项目进展表（1-10月）"], ["单位：万元"], F12_HEAD,
            ["一、续建项目（2个）", None, None, None, 186000, 39000, 31600],
            [first[0], "四会市南江工业园扩园项目", "四会市", "先进制造业", 150000, 30000, 24000],
            [first[1], "四会市贞山街道安置区项目", "同上", "城市更新", 36000, 9000, 7600],
            [first[2], "四会市旧城改造示范项目", "同上", "城市更新", 20000, 5000, 0, "已调出，不再纳入统计"],
            ["二、新开工项目（2个）", None, None, None, 79000, 13000, 2300],
            [second[0], "四会市东城街道智能装备产业园项目", "同上", "先进制造业", 70000, 10000, 1500],
            [second[1], "德庆县马圩镇农产品冷链物流项目", "德庆县", "现代物流", 9000, 3000, 800],
            ["三、竣工项目（1个）", None, None, None, 12000, 5000, 5000],
            [third[0], "德庆县德城街道污水管网工程", "同上", "市政", 12000, 5000, 5000],
            [None, "合计", None, None, 277000, 57000, 38900]]  # fmt: skip
    return write_workbook(tmp_path / "f12.xlsx", SheetSpec("重点项目", rows, ["A1:H1"]))


@pytest.mark.parametrize(
    "first, second, third",
    [(["（一）", "（二）", "（三）"], ["（一）", "（二）"], ["（一）"]), (["①", "②", "③"], ["①", "②"], ["①"])],
    ids=["paren_chinese", "circled"],
)
def test_projects_numbered_under_section_rows(
    service: ImportService, ctx: AppContext, tmp_path: Path, first: list[str], second: list[str], third: list[str]
) -> None:
    """F2: （一）（二） under 一、续建项目: 8 section rows, 0 added; F6: ① a raw error. 5 projects (the one 已调出
    left out), their stage from the section rows; 150000 + 36000 + 70000 + 9000 + 12000 = 277000 万."""
    result = service.import_file(_f12(tmp_path, first, second, third), ImportOptions())
    assert result.ok and result.added == 5, _said(result)
    projects = {p.name: p for p in ctx.projects.all_projects()}
    assert sum(p.planned_investment or 0 for p in projects.values()) == 277000 * WAN
    assert projects["德庆县德城街道污水管网工程"].district == "德庆县"
    assert projects["四会市南江工业园扩园项目"].status.value == "under_construction"
    assert projects["德庆县马圩镇农产品冷链物流项目"].sector == "现代物流"


def test_section_rows_numbered_yi_er_over_numbered_projects_stay_sections(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """一 | 新能源项目 | | sums over rows numbered 1, 2 and 二 | 市政项目 over （一）: sections, naming their rows'
    sector (one row gives its own)."""
    rows = [["广宁县2025年重点项目"], [None, None, None, None, None, "单位：万元"], HEAD,
            ["一", "新能源项目", None, 38800, 12000, 9700],
            [1, "广宁县江屯镇光伏发电项目", None, 32000, 10000, 8200, "续建"],
            [2, "广宁县古水镇砂糖桔深加工项目", "现代农业", 6800, 2000, 1500, "续建"],
            ["二", "市政项目", None, 4500, 1500, 1320],
            ["（一）", "广宁县城区停车场建设项目", None, 4500, 1500, 1320, "新开工"],
            [None, "合计", None, 43300, 13500, 11020]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "s.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 3, _said(result)
    sectors = {p.name: p.sector for p in ctx.projects.all_projects()}
    assert sectors == {"广宁县江屯镇光伏发电项目": "新能源", "广宁县古水镇砂糖桔深加工项目": "现代农业",
                       "广宁县城区停车场建设项目": "市政"}  # fmt: skip


def test_numeral_rows_some_over_rows_some_not_are_asked(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """一 over unnumbered rows its sums add up (a section), 二 and 三 with nothing under them and sums of their own:
    projects numbered like the section, or sections whose rows are missing? A question naming the rows."""
    rows = [["广宁县2025年重点项目"], [None, None, None, None, None, "单位：万元"], HEAD[:6],
            ["一", "新能源项目", None, 38800, 12000, 9700],
            [None, "广宁县江屯镇光伏发电项目", None, 32000, 10000, 8200],
            [None, "广宁县古水镇砂糖桔深加工项目", None, 6800, 2000, 1500],
            ["二", "广宁县城区停车场建设项目", None, 4500, 1500, 1320],
            ["三", "广宁县城区公园建设项目", None, 1000, 500, 200]]  # fmt: skip
    result = service.import_file(write_workbook(tmp_path / "m.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert not result.written
    (asked,) = [p for p in result.problems if p.problem.code == "numeral_row_unclear"]
    assert asked.row == 7 and asked.value == "二", _said(result)


def test_a_section_row_at_the_end_of_a_chunk_read_waits_for_its_rows(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """The reader sends rows 4096 at a time and the plan reads them as they come: 二 | 市政项目 as the last row of
    the first chunk has no rows under it yet — a project, had it not waited for the next chunk's 1, 2, 3."""
    first = [[n, f"新能源项目{n}号", None, 10] for n in range(1, 4093)]  # sheet rows 4–4095
    rows = [["2025年重点项目"], ["序号", "项目名称", "行业", "总投资（万元）"], ["一", "新能源项目", None, 40920],
            *first, ["二", "市政项目", None, 30],
            *([n, f"市政道路{n}号项目", None, 10] for n in (1, 2, 3))]  # fmt: skip
    assert rows[4095][0] == "二"  # sheet row 4096: the first chunk's last
    result = service.import_file(write_workbook(tmp_path / "long.xlsx", SheetSpec("Sheet1", rows)), ImportOptions())
    assert result.ok and result.added == 4095, _said(result)
    sectors = {p.name: p.sector for p in ctx.projects.all_projects()}
    assert "市政项目" not in sectors and sectors["市政道路3号项目"] == "市政" and sectors["新能源项目7号"] == "新能源"
