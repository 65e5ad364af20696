"""Mode replace removes every stored project with its records, plans and history before it imports: it said
nothing of them (the counts of what it added only; carried gap since session 19). The dry run, the import and
--json now say how many projects, monthly records and annual plans go first. Both engines, real .xlsx files."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook

from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService


@pytest.fixture
def service(ctx: AppContext, tmp_path: Path) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / "mappings.json"))


def listing(tmp_path: Path, names: list[str]) -> Path:
    """高要区's 1-9月 list: each project with its 2025 plan and its 1–9月 (one record each)."""
    head = ["序号", "项目名称", "所属县区", "计划总投资", "2025年计划投资", "1-9月累计完成投资"]
    rows = [[i, n, "高要区", 50000, 12000, 900] for i, n in enumerate(names, 1)]
    title = ["肇庆市高要区2025年1-9月重点项目进展情况表"]
    return write_workbook(tmp_path / f"{len(names)}.xlsx", SheetSpec("S", [title, ["单位：万元"], head, *rows]))


def said(result, lang: str = "en") -> list[str]:
    return [t for n in result.notes if n.code == "note_replaces" and (t := n.message(lang))]


def test_replace_says_what_it_removes(service: ImportService, ctx: AppContext, tmp_path: Path) -> None:
    assert service.import_file(listing(tmp_path, ["甲项目", "乙项目", "丙项目"]), ImportOptions()).ok
    one = listing(tmp_path, ["丁项目"])
    rehearsed = service.import_file(one, ImportOptions(mode="replace"), dry_run=True)
    assert said(rehearsed) == [
        "Mode replace: the 3 stored project(s) are removed first, with their 3 monthly investment record(s), "
        "3 annual plan(s) and status history; a backup copy is made before, and undo restores it."
    ]
    zh = service.import_file(one, ImportOptions(mode="replace", lang="zh"), dry_run=True)
    assert said(zh, "zh") == [
        "替换模式：先删除已存的 3 个项目及其 3 条月度完成投资、3 条年度计划和状态记录；导入前会先备份，撤销即可恢复。"
    ]
    result = service.import_file(one, ImportOptions(mode="replace"))
    assert result.ok and said(result) == said(rehearsed)
    assert [p.name for p in ctx.projects.all_projects()] == ["丁项目"]
    again = service.import_file(one, ImportOptions(mode="replace"), dry_run=True)
    assert "the 1 stored project(s)" in said(again)[0] and "1 monthly investment record(s)" in said(again)[0]


def test_replace_of_an_empty_database_says_nothing_of_it(service: ImportService, tmp_path: Path) -> None:
    result = service.import_file(listing(tmp_path, ["甲项目"]), ImportOptions(mode="replace"), dry_run=True)
    assert result.ok and said(result) == []
