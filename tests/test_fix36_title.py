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


def test_dates_without_a_year_are_read_in_the_titles_year_and_said(db_url: str, tmp_path: Path) -> None:
    """签约时间 3月15日, 4月8日, 7月 … under a title naming 2026 (截至10月底) are 2026's, in a note naming the title —
    a column of them is a date column, not left out; 12月20日 too, in a second note saying it falls after the
    list's period. Nothing is refused."""
    title = "肇庆高新区2026年招商引资签约项目情况表（截至10月底）"
    rows = [[1, "甲项目", "甲公司", 5000, "3月15日"], [2, "乙项目", "乙公司", 3000, "4月8日"],
            [3, "丙项目", "丙公司", 2000, "7月"], [4, "丁项目", "丁公司", 1000, "12月20日"],
            [5, "戊项目", "戊公司", 900, "9月3日"], [6, "己项目", "己公司", 800, "6月1号"]]  # fmt: skip
    code, out = run("--db", db_url, "import", book(tmp_path / "a.xlsx", "签约项目", [title], SIGNED, *rows))
    assert code == 0 and "6 added" in out, out
    read = "6 date(s) written without a year (E3 3月15日, E4 4月8日, E5 7月, E6 12月20日, E7 9月3日, E8 6月1号)"
    assert f"column E “签约时间”: {read} are read in 2026, the year the title “{title}” names." in out, out
    assert "1 date(s) written without a year (E6 12月20日) fall after the list's own period (2026年1–10月)" in out, out
    dates = {"甲项目": "2026-03-15", "乙项目": "2026-04-08", "丙项目": "2026-07", "丁项目": "2026-12-20"}
    assert listed(db_url, "signed_on") == {**dates, "戊项目": "2026-09-03", "己项目": "2026-06-01"}


def test_a_date_without_a_year_anywhere_is_refused_saying_to_write_the_year(db_url: str, tmp_path: Path) -> None:
    """No year in the title, the sheet's name or the file's name: refused, saying to write the year (not merely
    "not a date"); --period gives it. A sheet named 2026年 gives it too, said as the sheet's name's."""
    head = [["招商引资签约项目情况表"], SIGNED]
    path = book(tmp_path / "list.xlsx", "签约项目", *head, [1, "甲项目", "甲公司", 5000, "3月15日"])
    code, out = run("--db", db_url, "import", path)
    assert code == 1 and "'3月15日' has no year" in out and "write the year in the cell" in out, out
    assert "is not a date" not in out and listed(db_url, "signed_on") == {}
    code, out = run("--db", db_url, "--lang", "zh", "import", path, "--dry-run")
    assert code == 1 and "“3月15日”未写年份" in out, out
    code, out = run("--db", db_url, "import", path, "--period", "2026-10")
    assert code == 0 and "the year of the report's period you gave" in out, out
    assert listed(db_url, "signed_on") == {"甲项目": "2026-03-15"}
    named = book(tmp_path / "b.xlsx", "2026年", *head, [1, "乙项目", "乙公司", 5000, "4月8日"])
    code, out = run("--db", db_url, "import", named)
    assert code == 0 and "are read in 2026, the year the sheet's name “2026年” names" in out, out
    assert listed(db_url, "signed_on")["乙项目"] == "2026-04-08"


def test_a_column_of_progress_phrases_is_the_progress_every_month(db_url: str, tmp_path: Path) -> None:
    """项目进展 of 正在办理规划报建 | 已完成供地 | 已开工建设 (one status word in three), and October's of six
    with three (已签约, 已开工建设, 正在洽谈用地): the progress text, as November's of more phrases is — nothing
    refused. Three stages in four (在建 | 已投产 | 签约 | 已完成供地) stay the status column."""
    title = ["肇庆高新区2026年招商引资签约项目情况表"]
    three = [
        [1, "甲项目", "甲公司", 8000, "2026.3", "正在办理规划报建"],
        [2, "乙项目", "乙公司", 2500, "2026.3", "已完成供地"],
        [3, "丙项目", "丙公司", 15000, "2026.4", "已开工建设"],
    ]
    code, out = run("--db", db_url, "import", book(tmp_path / "a.xlsx", "签约项目", title, PROGRESS, *three))
    assert code == 0 and "unknown status" not in out and "3 added" in out, out
    assert show(db_url, "甲项目")["progress_note"] == "正在办理规划报建"
    half = [
        [4, "丁项目", "丁公司", 4500, "2026.3", "已签约"],
        [5, "戊项目", "戊公司", 3000, "2026.5", "正在洽谈用地"],
        [6, "己项目", "己公司", 6800, "2026.7", "已完成备案"],
    ]
    code, out = run("--db", db_url, "import", book(tmp_path / "b.xlsx", "签约项目", title, PROGRESS, *three, *half))
    assert code == 0 and "unknown status" not in out and "3 added" in out, out
    assert show(db_url, "己项目")["progress_note"] == "已完成备案"
    rows = [
        [7, "庚项目", "庚公司", 8000, "2026.3", "在建"],
        [8, "辛项目", "辛公司", 2500, "2026.3", "已投产"],
        [9, "壬项目", "壬公司", 15000, "2026.4", "签约"],
        [10, "癸项目", "癸公司", 1000, "2026.4", "已完成供地"],
    ]
    path = book(tmp_path / "c.xlsx", "项目", ["2026年招商引资项目清单"], PROGRESS, *rows)
    code, out = run("--db", db_url, "import", path, "--skip-invalid")
    assert code == 0 and "unknown status '已完成供地'" in out, out
    assert show(db_url, "庚项目")["status"] == "under_construction"
    assert show(db_url, "辛项目")["status"] == "in_production"
