"""Two district files naming the same new sectors, district and enterprises, imported at the same moment
(probe40d): they are stored once, and the import that finds them added meanwhile by someone else lists
as new only what it added itself, says the rest in one note (text, --json, the desktop's result), and its
undo leaves them; the undo of the import that did add them, once the other's projects use them, is
refused naming such a project. The colleague's import lands between this one's analysis and its write,
the seam the service has (analyse, then apply); the CLI's import waits at the write lock meanwhile."""

from __future__ import annotations

import io
import json
import sys
import threading
from pathlib import Path

import pytest
from engines import dump
from import_files import PROJECT_HEADER, SheetSpec, write_workbook
from PySide6.QtGui import QUndoStack
from ui_helpers import undo_import

from zqtracker.cli.main import main
from zqtracker.domain.errors import ConcurrentUpdateError
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.storage.importing import ImportChange, ImportStore
from zqtracker.ui.events import DataEvents
from zqtracker.ui.import_dialog import ImportDialog

SHARED_SECTORS = ["新材料", "高端装备", "新型储能"]
SHARED_ENTERPRISES = ["广东某某新材料有限公司", "广东某某装备有限公司", "肇庆某某储能有限公司"]
MEANWHILE = (
    "3 sectors (新材料、高端装备、新型储能), 1 district (肇庆高新区) and 3 enterprises (广东某某新材料有限公司、"
    "广东某某装备有限公司、肇庆某某储能有限公司) were added meanwhile by someone else and are used as they are: "
    "this import did not add them again, and undoing this import leaves them."
)


def district_file(tmp_path: Path, name: str, district: str, prefix: str) -> Path:
    """A district's list: one project in 肇庆高新区 and two of its own, on the three shared sectors and
    enterprises, and one of its own sectors and enterprises."""
    rows = [PROJECT_HEADER[:8]]
    for i, (sector, enterprise) in enumerate(zip(SHARED_SECTORS, SHARED_ENTERPRISES, strict=True), 1):
        rows.append([i, f"{prefix}-{i}", f"{district}项目{i}", enterprise, sector, district if i > 1 else "肇庆高新区",
                     "在建", i])  # fmt: skip
    own = [f"{district}自有企业", f"{district}特色产业", district]
    rows.append([4, f"{prefix}-4", f"{district}项目4", *own, "在建", 4])
    return write_workbook(tmp_path / name, SheetSpec("项目清单", rows))


@pytest.fixture
def colleague(db_url: str):  # type: ignore[no-untyped-def]
    """A colleague on the same database: a connection pool of their own."""
    other = AppContext.open(db_url)
    yield other
    other.close()


def _service(ctx: AppContext, tmp_path: Path, name: str) -> ImportService:
    return ImportService(ctx.database, MappingStore(tmp_path / name))


def _both(ctx: AppContext, colleague: AppContext, tmp_path: Path):  # type: ignore[no-untyped-def]
    """My import of A analysed, the colleague's of B written, then mine written: both results."""
    mine = _service(ctx, tmp_path, "a.json")
    analysis = mine.analyse(mine.read(district_file(tmp_path, "A_gaoyao.xlsx", "高要区", "GY")), ImportOptions())
    assert analysis.new_sectors == [(s, None) for s in [*SHARED_SECTORS, "高要区特色产业"]]
    theirs = _service(colleague, tmp_path, "b.json").import_file(
        district_file(tmp_path, "B_sihui.xlsx", "四会市", "SH"), ImportOptions()
    )
    return mine, mine.apply(analysis, ImportOptions()), theirs


def test_the_later_import_lists_as_new_only_what_it_added(
    ctx: AppContext, colleague: AppContext, tmp_path: Path
) -> None:
    _mine, result, theirs = _both(ctx, colleague, tmp_path)
    assert theirs.new_sectors == [*SHARED_SECTORS, "四会市特色产业"] and theirs.added_meanwhile is None
    assert result.written and result.added == 4
    assert result.new_sectors == ["高要区特色产业"] and result.new_districts == ["高要区"]
    assert result.new_enterprises == ["高要区自有企业"]
    data = result.as_json("en")  # what --json prints
    assert data["new_sectors"] == ["高要区特色产业"] and data["new_districts"] == ["高要区"]
    assert MEANWHILE in data["notes"]
    zh = [n.message("zh") for n in result.notes]
    assert "3 个行业（新材料、高端装备、新型储能）、1 个区域（肇庆高新区）和 3 家企业（" in zh[-1]
    assert sorted(s.name for s in ctx.references.sectors()) == sorted(
        [*SHARED_SECTORS, "四会市特色产业", "高要区特色产业"]
    )  # each once
    assert sorted(d.name for d in ctx.references.districts()) == ["四会市", "肇庆高新区", "高要区"]


def test_undo_leaves_what_a_colleague_added_and_theirs_is_refused_while_used(
    ctx: AppContext, colleague: AppContext, tmp_path: Path, db_url: str
) -> None:
    mine, result, theirs = _both(ctx, colleague, tmp_path)
    before = dump(db_url)
    with pytest.raises(ConcurrentUpdateError) as refused:  # theirs added 新材料…, my projects use them now
        _service(colleague, tmp_path, "b.json").undo(theirs.change)
    assert dump(db_url) == before  # nothing changed
    said = refused.value.message("en")
    assert said.startswith("“") and said.endswith(
        " made project GY-1 “高要区项目1” use the sector “新材料” after this import added it, so the undo is refused: "
        "undoing would take the sector from that project. Nothing was changed — give that project another sector "
        "first if this one should go."
    )
    assert "撤销被拒绝" in refused.value.message("zh")

    assert result.change is not None and theirs.change is not None
    mine.undo(result.change)  # mine goes: my sector, district and enterprise, not theirs
    assert sorted(s.name for s in ctx.references.sectors()) == sorted([*SHARED_SECTORS, "四会市特色产业"])
    assert sorted(d.name for d in ctx.references.districts()) == ["四会市", "肇庆高新区"]
    assert sorted(e.name for e in ctx.references.enterprises()) == sorted([*SHARED_ENTERPRISES, "四会市自有企业"])
    _service(colleague, tmp_path, "b.json").undo(theirs.change)  # nothing of mine uses theirs now: it goes
    assert ctx.references.sectors() == [] and ctx.references.districts() == [] and ctx.projects.count() == 0


def _waiting_to_write(thread: threading.Thread) -> bool:
    """Whether ``thread`` is inside Database.write (taking the write lock): its analysis is done."""
    frame = sys._current_frames().get(thread.ident or 0)
    while frame is not None:
        if frame.f_code.co_name == "write" and frame.f_code.co_filename.endswith("storage/database.py"):
            return True
        frame = frame.f_back
    return False


@pytest.mark.parametrize("as_json", [False, True])
def test_the_cli_report_says_so(ctx: AppContext, db_url: str, tmp_path: Path, as_json: bool) -> None:
    """``zqtracker import A_gaoyao.xlsx`` analyses while a colleague's write, adding the shared sectors,
    district and enterprises, is open; it writes after theirs commits."""
    path = district_file(tmp_path, "A_gaoyao.xlsx", "高要区", "GY")
    out, err, codes = io.StringIO(), io.StringIO(), []
    argv = ["--db", db_url, "import", str(path), *(["--json"] if as_json else [])]
    worker = threading.Thread(target=lambda: codes.append(main(argv, stdout=out, stderr=err)))
    with ctx.database.write() as s:  # the colleague's import, not yet committed
        ImportStore(s).create_references([(n, None) for n in SHARED_SECTORS], ["肇庆高新区"], SHARED_ENTERPRISES,
                                         ImportChange())  # fmt: skip
        worker.start()
        for _ in range(3000):
            if _waiting_to_write(worker) or not worker.is_alive():
                break
            worker.join(0.01)
        assert _waiting_to_write(worker), err.getvalue()
    worker.join(60)
    assert codes == [0], err.getvalue()
    if as_json:
        data = json.loads(out.getvalue())
        assert data["new_sectors"] == ["高要区特色产业"] and data["new_districts"] == ["高要区"]
        assert MEANWHILE in data["notes"]
    else:
        text = out.getvalue()
        assert "New sectors (1): 高要区特色产业" in text and "New districts (1): 高要区" in text
        assert "New enterprises (1): 高要区自有企业" in text and MEANWHILE in text


def test_the_desktop_result_says_so(qtbot, ctx: AppContext, db_url: str, tmp_path: Path) -> None:
    stack = QUndoStack()
    dialog = ImportDialog(ctx, DataEvents(), stack, None, district_file(tmp_path, "A_gaoyao.xlsx", "高要区", "GY"),
                          lang="en")  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.analysis is not None, timeout=30_000)
    other = AppContext.open(db_url)
    try:
        _service(other, tmp_path, "b.json").import_file(
            district_file(tmp_path, "B_sihui.xlsx", "四会市", "SH"), ImportOptions()
        )
    finally:
        other.close()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    assert dialog.import_result.written and dialog.import_result.new_sectors == ["高要区特色产业"]
    assert MEANWHILE in dialog.problem_list.counts_label.text()
    undo_import(qtbot, stack)  # leaves the colleague's
    assert sorted(s.name for s in ctx.references.sectors()) == sorted([*SHARED_SECTORS, "四会市特色产业"])
