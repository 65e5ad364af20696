"""The question about a district name the database does not hold (马安, a local name no rule knows,
beside a stored 肇庆高新区) has an answer: ``--district-map 马安=肇庆高新区`` (or 马安=马安, a new
district), a saved profile, or the preview's question. Carried gap of session 22: the question could only
be answered by editing the file. Real .xlsx files, both engines; amounts in 亿元, worked out by hand in the
comments."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from PySide6.QtCore import Qt
from test_import_dialog import wait_idle
from test_import_dialog_totals import shown

from zqtracker.cli.main import main
from zqtracker.services.context import AppContext
from zqtracker.services.importing import ImportOptions, ImportService

HEAD = ["序号", "县（市、区）", "项目名称", "企业名称", "总投资（亿元）", "1-10月完成投资（亿元）", "项目状态"]
TITLE = "肇庆市2025年1-10月重点项目进展情况表"
YI = 100_000_000


def city_list(tmp_path: Path, name: str, *districts: str) -> Path:
    """Project k in the k-th district: 总投资 k 亿元, 1-10月 k/10 亿元."""
    rows = [[k, d, f"{name}项目{k}", f"{name}公司{k}", k, k / 10, "在建"] for k, d in enumerate(districts, start=1)]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec("Sheet1", [[TITLE], HEAD, *rows]))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def districts_of(url: str) -> dict[str, str | None]:
    context = AppContext.open(url)
    try:
        return {p.name: p.district for p in context.projects.all_projects()}
    finally:
        context.close()


@pytest.fixture
def seeded(db_url: str, tmp_path: Path) -> str:
    """肇庆高新区 and 端州区 stored (one project each)."""
    code, _out, err = run("--db", db_url, "import", str(city_list(tmp_path, "seed", "肇庆高新区", "端州区")))
    assert code == 0, err
    return db_url


def test_the_command_line_says_which_district_a_name_is(seeded: str, tmp_path: Path) -> None:
    path = city_list(tmp_path, "c05i", "马安", "德庆县", "马安")
    code, out, _err = run("--db", seeded, "import", str(path), "--json")
    data = json.loads(out)
    assert code != 0 and [p["row"] for p in data["skipped"]] == [3, 5]
    assert "--district-map 马安=DISTRICT" in data["skipped"][0]["error"]
    code, out, err = run("--db", seeded, "import", str(path), "--district-map", "马安=肇庆高新区", "--json")
    assert code == 0, err
    stored = districts_of(seeded)
    # rows 3 and 5 (projects 1 and 3) in the stored zone; 德庆县 new, as a county's name needs no question
    assert [stored[f"c05i项目{k}"] for k in (1, 2, 3)] == ["肇庆高新区", "德庆县", "肇庆高新区"]
    assert json.loads(out)["new_districts"] == ["德庆县"]


def test_the_same_name_on_both_sides_makes_a_new_district(seeded: str, tmp_path: Path) -> None:
    path = city_list(tmp_path, "new", "马安")
    code, out, err = run("--db", seeded, "import", str(path), "--district-map", " 马安 = 马安 ", "--json")
    assert code == 0, err
    assert json.loads(out)["new_districts"] == ["马安"] and districts_of(seeded)["new项目1"] == "马安"


@pytest.mark.parametrize("given", ["马安", "=肇庆高新区", "马安="])
def test_a_district_map_that_is_not_written_equals_district_is_refused(seeded: str, tmp_path: Path, given: str) -> None:
    path = city_list(tmp_path, "bad", "马安")
    code, out, err = run("--db", seeded, "import", str(path), "--district-map", given)
    assert code != 0 and f"--district-map “{given}” is not WRITTEN=DISTRICT" in err + out
    assert "new项目1" not in districts_of(seeded) and "bad项目1" not in districts_of(seeded)


def test_a_saved_profile_keeps_the_answer(seeded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The November list writes 马安 again: the profile saved in October answers it."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    october = city_list(tmp_path, "oct", "马安")
    code, _out, err = run(
        "--db", seeded, "import", str(october), "--district-map", "马安=肇庆高新区", "--save-profile", "市级清单"
    )
    assert code == 0, err
    november = city_list(tmp_path, "nov", "马安", "端州区")
    code, _out, err = run("--db", seeded, "import", str(november), "--profile", "市级清单")
    assert code == 0, err
    stored = districts_of(seeded)
    assert (stored["oct项目1"], stored["nov项目1"], stored["nov项目2"]) == ("肇庆高新区", "肇庆高新区", "端州区")


def test_the_answer_only_reads_the_name_it_names(ctx: AppContext, tmp_path: Path) -> None:
    """马安=肇庆高新区 says nothing of 鼎湖 (the stored 鼎湖区 written short, read by its own rule) and
    asks nothing of it; planned investment is the file's: 1 + 2 = 3 亿元 in the zone."""
    service = ImportService(ctx.database)
    assert service.import_file(city_list(tmp_path, "seed", "肇庆高新区", "鼎湖区"), ImportOptions()).ok
    path = city_list(tmp_path, "two", "马安", "鼎湖", "肇庆高新区")
    result = service.import_file(path, ImportOptions(district_map={"马安": "肇庆高新区"}))
    assert result.ok and result.new_districts == []
    projects = {p.name: p for p in ctx.projects.all_projects()}
    assert [projects[f"two项目{k}"].district for k in (1, 2, 3)] == ["肇庆高新区", "鼎湖区", "肇庆高新区"]
    zone = [p for p in projects.values() if p.district == "肇庆高新区" and p.name.startswith("two")]
    assert sum(p.planned_investment or 0 for p in zone) == (1 + 3) * YI


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_preview_asks_which_district_a_name_is(
    qtbot, ctx: AppContext, tmp_path: Path, artifacts: Path, translations, lang: str
) -> None:
    ImportService(ctx.database).import_file(city_list(tmp_path, "seed", "肇庆高新区", "端州区"), ImportOptions())
    translations.switch("zh_CN" if lang == "zh" else "en")
    dialog = shown(qtbot, ctx, city_list(tmp_path, "ui", "马安", "端州区", "马安"), lang)
    q = dialog.questions
    assert q.places_box.isVisible() and not dialog.can_import()
    label = q.places_form.itemAt(0, q.places_form.ItemRole.LabelRole).widget().text()
    assert label == {"en": "District “马安” (2 rows):", "zh": "区域“马安”（2 行）："}[lang]
    combo = q.places_form.itemAt(0, q.places_form.ItemRole.FieldRole).widget()
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == ["", "端州区", "肇庆高新区", "马安"]  # choose…, the stored ones, a new district
    dialog.grab().save(str(artifacts / f"import-district-asked-{lang}.png"))
    combo.setCurrentIndex(combo.findData("肇庆高新区"))
    wait_idle(qtbot, dialog)
    assert dialog.choices.options.district_map == {"马安": "肇庆高新区"} and not dialog.analysis.problems
    # the answer stays shown, and can be taken back
    combo = q.places_form.itemAt(0, q.places_form.ItemRole.FieldRole).widget()
    assert q.places_box.isVisible() and combo.currentData() == "肇庆高新区"
    dialog.grab().save(str(artifacts / f"import-district-answered-{lang}.png"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    stored = {p.name: p.district for p in ctx.projects.all_projects()}
    assert [stored[f"ui项目{k}"] for k in (1, 2, 3)] == ["肇庆高新区", "端州区", "肇庆高新区"]
