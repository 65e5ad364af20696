"""fix36-title: what a list's title says of its rows (probe36a). A city's 重点建设项目计划表 imported its 12
projects as plain ones, so the monthly report said there were no key projects (F1); 签约时间 "3月15日" under a
2026 title was refused as "not a date" (F2); a 项目进展 column of progress phrases was read as statuses and
refused one month, as progress the next (F3). Real .xlsx files written by openpyxl; the CLI in-process on both
engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main

HEAD = ["序号", "项目名称", "所在地", "行业", "总投资（万元）"]
SIGNED = ["序号", "项目名称", "投资方", "合同投资额（万元）", "签约时间"]
PROGRESS = [*SIGNED, "项目进展"]


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue() + err.getvalue()


def book(path: Path, sheet: str, *rows: list) -> str:
    return str(write_workbook(path, SheetSpec(sheet, list(rows))))


def listed(db_url: str, field: str) -> dict:
    code, out = run("--db", db_url, "list", "--json")
    assert code == 0, out
    return {p["name"]: p[field] for p in json.loads(out)["projects"]}


def show(db_url: str, name: str) -> dict:
    code, out = run("--db", db_url, "show", str(listed(db_url, "id")[name]), "--json")
    assert code == 0, out
    return json.loads(out)


def test_a_list_titled_as_key_projects_marks_its_projects_new_and_stored(db_url: str, tmp_path: Path) -> None:
    """A plain 招商引资项目清单 leaves 甲 a plain project; the city's 重点建设项目计划表 then lists 甲 and 乙: both
    key, in one note naming the title (in Chinese too)."""
    plain = book(tmp_path / "a.xlsx", "项目", ["2026年招商引资项目清单"], HEAD, [1, "甲项目", "端州区", "工业", 5000])
    code, out = run("--db", db_url, "import", plain)
    assert code == 0 and "key" not in out, out
    assert listed(db_url, "is_key_project") == {"甲项目": False}
    title = "2026年肇庆市重点建设项目计划表"
    rows = [[1, "甲项目", "端州区", "工业", 5000], [2, "乙项目", "端州区", "工业", 3000]]
    keyed = book(tmp_path / "b.xlsx", "2026年", [title], HEAD, *rows)
    code, out = run("--db", db_url, "import", keyed)
    assert code == 0 and f"the title “{title}” lists key projects: 2 project(s) marked as key" in out, out
    assert "1 added, 1 updated" in out, out
    assert listed(db_url, "is_key_project") == {"甲项目": True, "乙项目": True}
    code, out = run("--db", db_url, "--lang", "zh", "import", keyed, "--dry-run")
    assert code == 0 and f"标题“{title}”表明本表为重点项目清单：2 个项目记为重点项目" in out, out


def test_a_key_column_rules_and_lists_of_the_other_projects_mark_none(db_url: str, tmp_path: Path) -> None:
    """Under a 重点项目 title a 是否重点 column says it project by project; a title of the projects other than the
    key ones ("重点项目以外") marks none; a file named 2026年重大项目 with no title marks its projects, naming it."""
    rows = [[1, "甲项目", "端州区", "工业", 5000, "是"], [2, "乙项目", "端州区", "工业", 3000, "否"]]
    own = book(tmp_path / "c.xlsx", "项目", ["市重点项目建设进度表"], [*HEAD, "是否重点"], *rows)
    code, out = run("--db", db_url, "import", own)
    assert code == 0 and "lists key projects" not in out, out
    assert listed(db_url, "is_key_project") == {"甲项目": True, "乙项目": False}
    other = book(
        tmp_path / "d.xlsx", "项目", ["2026年重点项目以外的招商项目"], HEAD, [1, "丙项目", "端州区", "工业", 8]
    )
    code, out = run("--db", db_url, "import", other)
    assert code == 0 and "lists key projects" not in out and not listed(db_url, "is_key_project")["丙项目"], out
    named = book(tmp_path / "2026年重大项目.xlsx", "Sheet1", HEAD, [1, "丁项目", "端州区", "工业", 900])
    code, out = run("--db", db_url, "import", named)
    assert code == 0 and "the file's name “2026年重大项目” lists key projects: 1 project(s)" in out, out
    assert listed(db_url, "is_key_project")["丁项目"] is True

