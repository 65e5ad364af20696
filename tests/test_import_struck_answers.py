"""What is said of rows struck through in an .xlsx is kept like the answer for rows hidden in the sheet: the
dialog's answer is remembered with the column choices (next month's file with the same headers is not asked
again), --save-profile keeps --struck-rows, and ``import --json`` lists the struck rows with the answer
("struck_rows", the shape of "hidden_rows"). Real .xlsx written by openpyxl, both engines."""

from __future__ import annotations

import json
from pathlib import Path

from test_import_hidden_rows import run
from test_import_struck_rows import STRUCK, WAN, planned, struck_file

from zqtracker.cli.console import ExitCode
from zqtracker.services.context import AppContext
from zqtracker.services.import_mappings import MappingStore
from zqtracker.services.importing import ImportOptions, ImportService
from zqtracker.ui.import_corrections import ImportCorrections

# STRUCK: rows 4 and 5 struck (the question), row 6's amount alone (no question), row 7 struck and 已删除.
KEPT = {"鼎湖包装项目": 100 * WAN, "鼎湖电机项目": 400 * WAN}  # rows 3 and 6: 100 + 400 = 500 万
STRUCK_NAMES = {"鼎湖五金项目": 200 * WAN, "鼎湖陶瓷项目": 300 * WAN}  # rows 4 and 5: 200 + 300 = 500 万


def test_the_answer_is_remembered_with_the_mapping_and_the_profile_and_listed_in_json(
    db_url: str, ctx: AppContext, tmp_path: Path
) -> None:
    store = MappingStore(tmp_path / "m.json")
    service = ImportService(ctx.database, store)
    path = struck_file(tmp_path, STRUCK)
    # the dialog's way: the answer given, the import made, the choices remembered
    choices = ImportCorrections(service, "en")
    book, plans = service.read_planned(path, choices.copy())
    analysis = service.analyse(book, choices.copy(), plans=plans)
    assert not choices.ready(analysis)  # the question waits for its answer
    choices.answer_rows("struck_rows", "skip", analysis)
    analysis = service.analyse(book, choices.copy())
    assert choices.ready(analysis) and not analysis.struck_unanswered
    service.apply(analysis, choices.copy())
    assert choices.remember(analysis) == ""
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8")) != {}
    assert planned(ctx) == KEPT
    # next month's file with the same headers: not asked again, the same rows left out, stable
    again = ImportService(ctx.database, MappingStore(tmp_path / "m.json")).import_file(path, ImportOptions())
    assert (again.added, again.unchanged) == (0, 2) and planned(ctx) == KEPT
    assert {"note_remembered", "note_struck_rows_skipped"} <= {n.code for n in again.notes}
    assert again.struck_rows == [{"sheet": "Sheet1", "rows": [[4, 5]], "count": 2, "imported": False}]
    # the command line's way: a profile keeps the answer, --json lists it
    code, _out, _err = run("--db", db_url, "import", str(path), "--struck-rows", "import", "--save-profile", "删除线",
                           "--dry-run")  # fmt: skip
    assert code == ExitCode.OK
    code, out, err = run("--db", db_url, "import", str(path), "--profile", "删除线", "--json")
    assert code == ExitCode.OK, err
    said = json.loads(out)
    assert said["struck_rows"] == [{"sheet": "Sheet1", "rows": [[4, 5]], "count": 2, "imported": True}]
    assert said["hidden_rows"] == [] and said["added"] == 2  # 五金 and 陶瓷 added: 200 + 300 = 500 万
    assert planned(ctx) == {**KEPT, **STRUCK_NAMES} and sum(v or 0 for v in planned(ctx).values()) == 1000 * WAN
    # unanswered, --json is never reached: the refusal names the rows
    code, _out, err = run("--db", db_url, "import", str(path), "--json")
    assert code == ExitCode.REFUSED and "--struck-rows skip" in err and "rows 4–5" in err
