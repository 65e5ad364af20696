"""probe27a's file faults: a CSV cut off while it was copied (imported with its last value cut: 12000 万元
stored as 12 万元), a saved-profiles file that could not be read (wiped by the next --save-profile), and
a backup to a full disk (its -journal left behind). Each now refused in one sentence, nothing lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from faults_helpers import run, small_mount
from import_files import SheetSpec, write_workbook

from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import Mapping, MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.services.settings_file import SettingsFileError

WAN = 10_000
TITLE = "肇庆市怀集县2025年1-10月重点项目进展情况表,,,,,,,,\r\n填报单位：怀集县发展和改革局,,,,,,,单位：万元,\r\n"
HEADER = "序号,项目名称,建设单位,所属行业,总投资,建设状态,2025年计划投资,1-10月累计完成投资,10月完成投资\r\n"
ROW_1 = "1,怀集县年产电子元件项目1,肇庆怀集新材有限公司1,电子信息,20000,续建,6666,2412,216\r\n"
ROW_2 = "2,怀集县扩建电子元件项目2,肇庆怀集实业有限公司2,生物医药,12000,在建,4000,2302,300"  # no line end


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def csv_file(path: Path, text: str) -> Path:
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    return path


def planned(ctx: AppContext) -> dict[str, int | None]:
    return {p.name: p.planned_investment for p in ctx.projects.all_projects()}


# -- a CSV cut off ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cut", "fields", "value"),
    [
        ("2,怀集县扩建电子元件项目2,肇庆怀集实业有限公司2,生物医药,12", 5, "12"),  # in 总投资: 12 of 12000
        ("2,怀集县扩建电子元件项目2,肇庆怀集实业有限公司2,生物医药,12000,在建,4000,23", 8, "23"),  # in the YTD
    ],
)
def test_a_csv_cut_in_its_last_row_is_refused_never_imported(
    service: ImportService, ctx: AppContext, tmp_path: Path, cut: str, fields: int, value: str
) -> None:
    """Cut inside 总投资, the project was stored with 120,000 yuan (12 万元) instead of 120,000,000; cut
    inside 1-10月累计, with a YTD of 230,000 yuan instead of 23,020,000 and no 10月 figure."""
    path = csv_file(tmp_path / "怀集10月.csv", TITLE + HEADER + ROW_1 + cut)
    with pytest.raises(WorkbookRefused) as info:
        service.import_file(path, ImportOptions())
    assert info.value.code == "csv_cut_off"
    english = info.value.message("en")
    assert "怀集10月.csv" in english and "row 5, the last" in english and "the file seems cut off" in english
    assert f"has {fields} field(s) where every other row has 9" in english and f"“{value}”" in english
    assert "第 5 行（最后一行）" in info.value.message("zh") and "文件似乎不完整" in info.value.message("zh")
    assert planned(ctx) == {}


def test_a_complete_last_row_without_a_line_end_still_imports(
    service: ImportService, ctx: AppContext, tmp_path: Path
) -> None:
    """A file whose last row is whole but has no line ending (many programs write them so)."""
    path = csv_file(tmp_path / "complete.csv", TITLE + HEADER + ROW_1 + ROW_2)
    result = service.import_file(path, ImportOptions())
    assert result.ok and result.added == 2
    # 20000 万元 = 200,000,000 yuan; 12000 万元 = 120,000,000 yuan
    assert planned(ctx) == {"怀集县年产电子元件项目1": 20000 * WAN, "怀集县扩建电子元件项目2": 12000 * WAN}


def test_rows_of_varying_width_are_not_judged(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    """A hand-written CSV whose rows leave off their empty cells: a short last row is no sign of a cut."""
    text = "项目名称,所在区域,计划总投资（万元）,项目状态,备注\r\n甲项目,端州区,500,在建,新签\r\n乙项目,端州区,7,在建"
    result = service.import_file(csv_file(tmp_path / "hand.csv", text.replace(",新签\r\n", "\r\n")), ImportOptions())
    assert result.ok and planned(ctx) == {"甲项目": 500 * WAN, "乙项目": 7 * WAN}


def test_the_cli_refuses_a_cut_csv_with_exit_2_and_one_sentence(tmp_path: Path, db_path: Path) -> None:
    path = csv_file(tmp_path / "cut.csv", TITLE + HEADER + ROW_1 + ROW_2[:-5])
    code, _out, err = run("--db", str(db_path), "import", str(path))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "the file seems cut off" in err
    code, _out, err = run("--db", str(db_path), "summary")
    assert code == 0


# -- the saved profiles, the remembered column choices --------------------------------------------
@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own config folder (platformdirs reads XDG_CONFIG_HOME at each use)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "zqtracker"


def district_file(tmp_path: Path) -> Path:
    rows = [
        ["怀集县2025年重点项目表"],
        ["项目名称", "所在区域", "计划总投资", "项目状态"],
        ["怀集甲项目", "怀集县", 300, "在建"],
    ]
    return write_workbook(tmp_path / "huaiji.xlsx", SheetSpec("Sheet1", rows))


def test_an_unreadable_profiles_file_is_said_so_and_never_written_over(
    tmp_path: Path, db_path: Path, config: Path
) -> None:
    """probe27a cf01: one stray comma, and --profile said "no saved profile called …" while the next
    --save-profile replaced every saved profile with its one."""
    path = district_file(tmp_path)
    code, _out, err = run(
        "--db", str(db_path), "import", str(path), "--dry-run", "--unit", "wan", "--save-profile", "怀集月报"
    )
    assert code == 0, err
    profiles = config / "import-profiles.json"
    assert json.loads(profiles.read_text(encoding="utf-8"))["怀集月报"]["unit"] == "wan"
    profiles.write_text(profiles.read_text(encoding="utf-8") + ",\n", encoding="utf-8")
    damaged = profiles.read_bytes()
    code, _out, err = run("--db", str(db_path), "import", str(path), "--dry-run", "--profile", "怀集月报")
    assert code == 2 and "no saved import profile" not in err
    assert f"The settings file {profiles} cannot be read (not valid JSON" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run("--db", str(db_path), "import", str(path), "--dry-run", "--save-profile", "封开")
    assert code == 2 and "cannot be read" in err
    assert profiles.read_bytes() == damaged and sorted(p.name for p in config.iterdir()) == ["import-profiles.json"]
    code, _out, err = run("--lang", "zh", "--db", str(db_path), "import", str(path), "--profile", "怀集月报")
    assert code == 2 and "无法读取" in err and profiles.read_bytes() == damaged


@pytest.mark.parametrize("where", ["folder in the file's place", "file in the folder's place"])
def test_a_folder_for_the_file_or_a_file_for_the_folder_is_one_sentence(
    tmp_path: Path, db_path: Path, config: Path, where: str
) -> None:
    """probe27a cf03, cf11: "internal error: IsADirectoryError / FileExistsError", exit 3, a .part left."""
    if where == "folder in the file's place":
        (config / "import-profiles.json").mkdir(parents=True)
        detail = "(Is a directory)"
    else:
        config.parent.mkdir(parents=True)
        config.write_text("not a folder", encoding="utf-8")
        detail = f"(Not a directory: {config} is a file)"
    path = district_file(tmp_path)
    for flag in ("--save-profile", "--profile"):
        code, _out, err = run("--db", str(db_path), "import", str(path), "--dry-run", "--unit", "wan", flag, "x")
        assert code == 2 and detail in err and "internal error" not in err, err
    assert not (config.parent / "zqtracker" / "import-profiles.json.part").exists()


def test_an_unreadable_mappings_file_is_kept_and_remembering_is_refused(tmp_path: Path) -> None:
    """The dialog's remembered column choices: the same load-or-nothing, write-back pattern lost them."""
    path = tmp_path / "import-mappings.json"
    store = MappingStore(path)
    store.put("k1", Mapping({4: "planned_investment"}, {4: WAN}))
    path.write_bytes(path.read_bytes()[:-3])  # cut: no longer JSON
    damaged = path.read_bytes()
    assert store.get("k1") is None  # (the import asks as for a layout it never saw)
    with pytest.raises(SettingsFileError) as info:
        store.put("k2", Mapping({2: "name"}))
    assert str(path) in info.value.message("en") and "cannot be read" in info.value.message("en")
    assert path.read_bytes() == damaged
    path.write_text("", encoding="utf-8")  # an empty file is a new one
    store.put("k2", Mapping({2: "name"}))
    assert store.get("k2") == Mapping({2: "name"})


# -- a backup to a full disk ---------------------------------------------------------------------------
def test_a_backup_to_a_full_disk_leaves_nothing_beside_its_target(demo_template: Path, tmp_path: Path) -> None:
    """probe27a o03: the copy's .part went, its .part-journal stayed. SQLite writes that journal once the
    copy takes more than one step (over 4 MB): the demo's 568 projects with 10 KB of notes each (~7 MB)."""
    db = tmp_path / "big.sqlite"
    shutil.copy(demo_template, db)
    con = sqlite3.connect(db)
    con.execute("UPDATE projects SET notes = hex(randomblob(5000))")
    con.commit()
    con.close()
    with small_mount(tmp_path / "small", 600) as small:
        if small is None:
            pytest.skip("mounting a small disk needs root")
        code, _out, err = run("--db", str(db), "db", "backup", str(small / "b.sqlite"))
        assert code == 2 and f"Cannot write {small / 'b.sqlite'}: the disk holding {small} is full" in err
        assert sorted(p.name for p in small.iterdir()) == []
