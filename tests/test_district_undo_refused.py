"""A district account's undo of its own import that the server refuses says what the account may not
change and who may (fix36), as the import's own refusal does (team_district_scope): district staff may
add the sectors and enterprises an import names but not delete them, and a replace's undo puts back
every table. It said the older sentence of a reader's edit, "may not change these projects (a
read-only account, or projects of another district)". PostgreSQL only: SQLite has no accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_files import SheetSpec, write_workbook
from test_server_access import as_user, team  # noqa: F401 - the fixture

from zqtracker.domain.errors import AccessRefused
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService

pytestmark = pytest.mark.engine("postgresql")

HEADER = ["项目编号", "项目名称", "所在区域", "项目状态", "计划总投资（万元）", "所属行业", "投资主体"]


def _book(tmp_path: Path, sector: str, enterprise: str) -> Path:
    rows = [HEADER, ["GY-9", "高要新项目", "高要区", "在建", 100, sector, enterprise]]
    return write_workbook(tmp_path / "gy.xlsx", SheetSpec("Sheet1", rows))


def test_undoing_an_import_that_added_a_sector_and_an_enterprise_names_them(team, tmp_path: Path) -> None:  # noqa: F811
    people, users = team
    service = ImportService(people["district"].database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(_book(tmp_path, "氢能", "高要氢能科技有限公司"), ImportOptions())
    assert result.written and result.added == 1
    with pytest.raises(AccessRefused) as refused:
        service.undo(result.change)  # type: ignore[arg-type]
    user = users["district"]
    assert refused.value.message("en") == (
        f"The server refused this undo: the account “{user}” may change 高要区's projects only, and undoing this "
        "import would also delete 1 sector (氢能) and 1 enterprise (高要氢能科技有限公司) it added, which only an "
        "analyst account or the database's owner may delete; nothing was changed — ask one of them to take the "
        "import back."
    )
    assert "只能修改高要区的项目" in refused.value.message(
        "zh"
    ) and "1 家企业（高要氢能科技有限公司）" in refused.value.message("zh")
    assert "GY-9" in {p.code for p in people["analyst"].projects.all_projects()}  # nothing changed


def test_undoing_a_replace_import_says_whole_tables_and_who_may(team, tmp_path: Path) -> None:  # noqa: F811
    people, users = team
    service = ImportService(people["district"].database, MappingStore(tmp_path / "m.json"))
    result = service.import_file(_book(tmp_path, "新材料", ""), ImportOptions(mode="replace"))
    assert result.written
    with pytest.raises(AccessRefused) as refused:
        service.undo(result.change)  # type: ignore[arg-type]
    said = refused.value.message("en")
    assert said.startswith(f"The server refused this undo: the account “{users['district']}” may change 高要区's")
    assert "sectors, districts and enterprises too" in said and "analyst account or the database's owner" in said
    assert "read-only" not in said and "未作任何更改" in refused.value.message("zh")
    assert sorted(p.code for p in people["analyst"].projects.all_projects()) == [
        "DZ-1",
        "GY-9",
    ]  # as the import left it
