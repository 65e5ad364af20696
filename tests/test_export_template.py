"""The import template: canonical headers with units, drop-downs (inline and via the hidden
list sheet past Excel's 255-character limit), prompts within Excel's limits, instructions."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from xlsx_readback import field_of

from zqtracker.domain.models import District, InvestorOrigin, ProjectType, Sector
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.status import Status
from zqtracker.io.columns import BY_FIELD, PROJECT_COLUMNS, header_text
from zqtracker.io.template import TEMPLATE_MONTHLY_FIELDS
from zqtracker.io.template_text import COLUMN_HELP, RULES, T
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import ExportService


def validations(ws) -> dict[str, object]:
    """Data validations by the column letter they cover (rows 2 to the end of the sheet)."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        ref = str(dv.sqref)
        m = re.fullmatch(r"([A-Z]+)2:\1(\d+)", ref)
        assert m and m.group(2) == "1048576", ref
        out[m.group(1)] = dv
    return out


def list_values(wb, name: str) -> list[str]:
    """The values a defined-name drop-down offers, read from the sheet the name points at."""
    sheet, cells = wb.defined_names[name].attr_text.split("!")
    ws = wb[sheet.strip("'")]
    first, last = cells.replace("$", "").split(":")
    return [c.value for row in ws[first:last] for c in row]


@pytest.mark.parametrize(("lang", "unit"), [("zh", Unit.WAN), ("en", Unit.YI)])
def test_template_headers_lists_and_instructions(demo_ctx: AppContext, tmp_path: Path, lang: str, unit: Unit) -> None:
    path = ExportService(demo_ctx.database).save_template(tmp_path / "template.xlsx", lang, unit)
    wb = openpyxl.load_workbook(path)
    zh = lang == "zh"
    assert wb.sheetnames == (
        ["项目清单", "月度完成投资", "填表说明", "下拉选项"]
        if zh
        else ["Projects", "Monthly investment", "Instructions", "Lists"]
    )
    assert [ws.sheet_state for ws in wb.worksheets] == ["visible", "visible", "visible", "hidden"]
    projects = wb.worksheets[0]
    headers = [c.value for c in projects[1]]
    assert headers == [header_text(c, lang, MoneyFormat(unit, lang).label) for c in PROJECT_COLUMNS]
    assert ("计划总投资（万元）" if zh else "Planned investment (¥ bn)") in headers
    assert [field_of(h)[0] for h in headers] == [c.field for c in PROJECT_COLUMNS]
    assert projects.max_row == 1  # no example rows that an import would take for projects
    assert projects.freeze_panes == "C2"
    letters = {c.field: openpyxl.utils.get_column_letter(i + 1) for i, c in enumerate(PROJECT_COLUMNS)}
    dv = validations(projects)
    status = dv[letters["status"]]
    assert status.type == "list" and status.formula1 == '"' + ",".join(s.label(lang) for s in Status) + '"'
    assert dv[letters["is_key_project"]].formula1 == ('"是,否"' if zh else '"Yes,No"')
    assert dv[letters["project_type"]].formula1 == '"' + ",".join(t.label(lang) for t in ProjectType) + '"'
    assert dv[letters["investor_origin"]].formula1 == '"' + ",".join(o.label(lang) for o in InvestorOrigin) + '"'
    land = dv[letters["land_area_mu"]]  # 0 is no new land (a rented plant): allowed, as the import keeps it
    assert (land.type, land.operator, land.formula1) == ("decimal", "greaterThanOrEqual", "0")
    sector, district = dv[letters["sector"]], dv[letters["district"]]
    assert sector.type == "list" and sector.errorStyle == "warning"
    assert list_values(wb, sector.formula1) == [
        s.name
        for s in sorted(demo_ctx.references.sectors(), key=lambda s: (s.parent or s.name, s.parent is not None, s.name))
    ]
    assert sorted(list_values(wb, district.formula1)) == sorted(d.name for d in demo_ctx.references.districts())
    for field in ("signed_on", "construction_start_on", "production_on"):
        # text of 4–19 characters: every spelling the import reads, and no 1905 date from "2023.10"
        assert (dv[letters[field]].type, dv[letters[field]].formula1, dv[letters[field]].formula2) == (
            "textLength",
            "4",
            "19",
        )
    assert dv[letters["planned_investment"]].type == "decimal"
    for v in dv.values():
        assert v.promptTitle and v.prompt and len(v.prompt) <= 255 and len(v.promptTitle) <= 32
    unit_word = MoneyFormat(unit, lang).label
    assert unit_word in dv[letters["planned_investment"]].prompt
    monthly = wb.worksheets[1]
    assert [field_of(c.value)[0] for c in monthly[1]] == list(TEMPLATE_MONTHLY_FIELDS)
    assert validations(monthly)["D"].type == "textLength"
    text = "\n".join(str(c.value) for row in wb.worksheets[2].iter_rows() for c in row if c.value)
    assert (T["title"][1] if zh else T["title"][0]) in text
    for en, cn in RULES.values():
        assert (cn if zh else en).format(unit=unit_word) in text
    assert ("2023年10月10日" in text) and (unit_word in text)
    for column in PROJECT_COLUMNS:
        assert header_text(column, lang, unit_word) in text


def test_long_sector_lists_go_through_the_hidden_sheet(ctx: AppContext, tmp_path: Path) -> None:
    names = [f"第{i:02d}个非常长的行业名称用于测试下拉列表字符上限" for i in range(40)]
    assert len(",".join(names)) > 255  # too long for an inline list
    for name in names:
        ctx.references.save_sector(Sector(name))
    ctx.references.save_district(District("=危险区域"))
    path = ExportService(ctx.database).save_template(tmp_path / "t.xlsx", "zh")
    wb = openpyxl.load_workbook(path)
    dv = validations(wb.worksheets[0])
    assert dv["D"].formula1 == "zq_sector_list" and list_values(wb, "zq_sector_list") == names
    assert list_values(wb, "zq_district_list") == ["=危险区域"]
    assert wb["下拉选项"]["A1"].data_type == "s" and wb["下拉选项"]["B1"].data_type == "s"  # text, not a formula


def test_empty_database_template_has_prompts_but_no_reference_lists(ctx: AppContext, tmp_path: Path) -> None:
    path = ExportService(ctx.database).save_template(tmp_path / "t.xlsx", "en")
    wb = openpyxl.load_workbook(path)
    dv = validations(wb.worksheets[0])
    assert dv["D"].type is None and dv["D"].prompt  # free text, still explained
    assert "zq_sector_list" not in wb.defined_names


def test_every_prompt_fits_excels_limits() -> None:
    for unit in Unit:
        for field, (en, zh) in COLUMN_HELP.items():
            assert field in BY_FIELD
            for text in (en, zh):
                assert len(text.format(unit=unit.label("en"))) <= 255
                assert len(text.format(unit=unit.label("zh"))) <= 255
