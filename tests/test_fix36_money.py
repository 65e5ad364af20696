"""fix36-money: amounts as the sheet writes them. A year to date of 1450.00004万元 (14,500,000.4 yuan) was
stored as 14,500,000 without a word, October's own amount 0 (F1); refusals quoted the cell normalised
("3000x" for "３０００ｘ", F2); 自开工累计 questions said exact yuan beside lines in the sheet's unit (F4).
Real .xlsx files written by openpyxl; the CLI in-process on both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from import_files import SheetSpec, write_workbook

from zqtracker.cli.main import main

HEAD = ["项目名称", "所属区域", "行业", "总投资（万元）"]


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue() + err.getvalue()


def sheet(tmp_path: Path, name: str, month: int, head: list, *rows: list) -> Path:
    title = [f"端州区2026年{month}月重点项目进度表"]
    return write_workbook(tmp_path / f"{name}.xlsx", SheetSpec(f"2026年{month}月", [title, HEAD + head, *rows]))


def test_an_amount_rounded_to_the_yuan_is_said_in_text_json_and_dry_run(db_url: str, tmp_path: Path) -> None:
    """October's 1450.00004 over September's 1450: stored as 14,500,000 (October's own 0), and the note names
    the row, the value as written, the exact yuan and the yuan stored — in the text, --json, a dry run, and
    a refused import (as what it will do). 1450.25万元 is exact yuan: no note."""
    september = sheet(tmp_path, "sep", 9, ["1-9月累计完成投资（万元）"], ["甲项目", "端州区", "工业", 5000, 1450])
    assert run("--db", db_url, "import", str(september))[0] == 0
    october = sheet(tmp_path, "oct", 10, ["1-10月累计完成投资（万元）"], ["甲项目", "端州区", "工业", 5000, 1450.00004])
    said = "row 3: 1450.00004 (万元) is 14,500,000.4 yuan, stored as 14,500,000 yuan"
    code, out = run("--db", db_url, "import", str(october), "--dry-run")
    assert code == 0 and said in out and "column E" in out, out
    code, out = run("--db", db_url, "--lang", "zh", "import", str(october), "--dry-run", "--json")
    notes = json.loads(out)["notes"]
    assert code == 0 and any("第 3 行：1450.00004（万元）即 14,500,000.4 元，存为 14,500,000 元" in n for n in notes), (
        notes
    )
    refused = sheet(tmp_path, "bad", 10, ["1-10月累计完成投资（万元）"], ["甲项目", "端州区", "工业", 5000, 1450.00004],
                    ["乙项目", "端州区", "工业", -5, 1])  # fmt: skip
    code, out = run("--db", db_url, "import", str(refused))
    assert code == 1 and "will be stored to the yuan" in out and said in out, out
    code, out = run("--db", db_url, "import", str(october), "--json")
    assert code == 0 and any(said in n for n in json.loads(out)["notes"]), out
    exact = sheet(tmp_path, "exact", 10, ["1-10月累计完成投资（万元）"], ["甲项目", "端州区", "工业", 5000, 1450.25])
    code, out = run("--db", db_url, "import", str(exact), "--dry-run")
    assert code == 0 and "whole number of yuan" not in out and "2,500 yuan" in out, out


def test_a_text_amount_with_its_own_unit_rounded_is_said_too(db_url: str, tmp_path: Path) -> None:
    """ "0.123456789亿" (12,345,678.9 yuan) is said as written, with no column unit after it; "１４５０．５" is
    exact (14,505,000 yuan): not said."""
    path = sheet(
        tmp_path,
        "own",
        10,
        ["1-10月累计完成投资（万元）"],
        ["甲项目", "端州区", "工业", "0.123456789亿", "１４５０．５"],
    )
    code, out = run("--db", db_url, "import", str(path), "--dry-run")
    assert code == 0 and "row 3: 0.123456789亿 is 12,345,678.9 yuan, stored as 12,345,679 yuan" in out, out
    assert "亿 (万元)" not in out and "１４５０．５" not in out, out


def test_a_refusal_quotes_the_cell_as_typed_not_as_read(db_url: str, tmp_path: Path) -> None:
    """Full-width digits, a thousands comma and spaces: each refusal quotes the cell as the sheet has it
    (trimmed), never the half-width text it was read as; a month's own amount below 0 is still told as one."""
    head = ["1-10月累计完成投资（万元）", "10月完成投资（万元）"]
    typed = ["３０００ｘ", " -３,０００ ", "３,０００万美元", "０.００００４", "３０００万"]
    rows = [[name, "端州区", "工业", value, 100, 10] for name, value in zip("甲乙丙丁戊", typed, strict=True)]
    path = sheet(tmp_path, "typed", 10, head, *rows, ["己项目", "端州区", "工业", 5000, 100, "-３００"])
    code, out = run("--db", db_url, "import", str(path), "--json")
    said = {p["row"]: p["error"] for p in json.loads(out)["skipped"]}
    assert code == 1 and sorted(said) == [3, 4, 5, 6, 7, 8], said
    assert "'３０００ｘ' is not an amount" in said[3], said[3]
    assert "(-３,０００万元)" in said[4], said[4]
    assert "'３,０００万美元' is an amount in USD" in said[5], said[5]
    assert said[6].startswith("Planned investment: ０.００００４ (万元) is 0.4 yuan"), said[6]
    assert "“３０００万” in a column of 万元" in said[7], said[7]
    assert "cannot be negative (-３００万元): a downward correction" in said[8], said[8]
    folded = ("3000x", "-3,000万元", "'3,000万美元'", " 0.00004 ", "“3000万”", "(-300")
    assert not [f for f in folded for text in said.values() if f in text], said


def test_since_start_questions_say_the_figures_as_the_sheet_writes_them(db_url: str, tmp_path: Path) -> None:
    """A 自开工累计 of 700 below the year to date's 800 (万元): the question quotes the cell as typed and both
    figures in 万元 and to the yuan, as the notes beside it say their figures — never bare exact yuan."""
    head = ["1-10月累计完成投资（万元）", "自开工累计完成投资（万元）"]
    path = sheet(tmp_path, "since", 10, head, ["甲项目", "端州区", "工业", 1000, 800, "７００"])
    code, out = run("--db", db_url, "import", str(path), "--dry-run")
    assert code == 1 and "column F “自开工累计完成投资（万元）”: ７００ — " in out, out
    assert (
        "since the start of construction, 700万元 (¥7,000,000), is below" in out and "10, 800万元 (¥8,000,000)," in out
    )
    assert "7,000,000 yuan" not in out and "8,000,000 yuan" not in out, out
    code, out = run("--db", db_url, "--lang", "zh", "import", str(path), "--json")
    said = json.loads(out)["skipped"][0]
    assert said["value"] == "７００" and "自开工累计完成投资 700万元（7,000,000元），小于" in said["error"], said
