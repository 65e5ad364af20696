"""The reading process dies with its parent (issue 16, item 15), and ``--json`` stays small however
many and however long the refused cells (item 16)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from import_files import PROJECT_HEADER, SheetSpec, write_workbook

from zqtracker.cli.main import main
from zqtracker.io.errors import WorkbookRefused

ROOT = Path(__file__).resolve().parent.parent


def big_csv(path: Path, rows: int = 900_000) -> Path:
    """A CSV that takes the reading process seconds to parse."""
    lines = ["项目编号,项目名称,所属行业,所在区域,项目状态,计划总投资（亿元）,签约时间,备注"]
    lines += [f"A-{i},项目{i},光伏{i % 7},区{i % 9},在建,{i % 1000}.5,2023-01-01,备注{i}" for i in range(rows)]
    path.write_text("\r\n".join(lines), encoding="utf-8")
    return path


def wait_for_child(parent: psutil.Process, timeout: float = 20) -> psutil.Process:
    """The reading process: forked by the reading server (io/zygote.py, the parent's child), or
    spawned (``ZQTRACKER_READ_SPAWN=1``, where the platform cannot fork)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in parent.children():
            try:
                if "zqtracker.io.worker" in child.cmdline():
                    return child
                forked = child.children()
            except psutil.NoSuchProcess:
                continue
            if forked:
                return forked[0]
        time.sleep(0.01)
    raise AssertionError("the reading process did not start")


def gone_within(process: psutil.Process, seconds: float) -> bool:
    """Ended (a zombie counts: an orphan waits for PID 1 to reap it, which a container may never do)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("spawned", [False, True], ids=["forked", "spawned"])
def test_the_reading_process_dies_within_a_second_of_a_kill_9_of_its_parent(tmp_path: Path, spawned: bool) -> None:
    path = big_csv(tmp_path / "big.csv")
    script = "import sys; from zqtracker.io.reader import read_workbook; read_workbook(sys.argv[1]); print('read')"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ZQTRACKER_READ_SPAWN": "1" if spawned else "0"}
    parent = subprocess.Popen([sys.executable, "-c", script, str(path)], env=env, stdout=subprocess.PIPE)
    child = wait_for_child(psutil.Process(parent.pid))
    time.sleep(0.5)  # parsing by now
    assert child.is_running() and child.status() != psutil.STATUS_ZOMBIE, "the file was read too fast to test"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    time.monotonic()
    assert gone_within(child, 1.0)
    assert parent.stdout is not None and parent.stdout.read() == b""


def test_without_pdeathsig_the_closed_pipe_ends_the_reading_process(tmp_path: Path) -> None:
    """The check platforms without PR_SET_PDEATHSIG rely on: the parent's end of stdin closing."""
    path = big_csv(tmp_path / "big.csv")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "zqtracker.io.worker"], env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    assert child.stdin is not None
    child.stdin.write(json.dumps({"op": "read", "kind": "csv", "path": str(path)}).encode() + b"\n")
    child.stdin.flush()
    time.sleep(0.5)
    assert child.poll() is None, "the file was read too fast to test"
    child.stdin.close()
    # Ended by the watch (exit status 1), not by reading to the end (status 0). A generous limit:
    # under the other test worker's load, on two cores, the child's watch thread once waited a
    # second for the processor.
    assert child.wait(timeout=10.0) == 1


def test_json_lists_at_most_100_problems_per_column_with_short_values(db_path: Path, tmp_path: Path) -> None:
    def long_text(i: int) -> str:  # 2,000 characters in each refused cell, each different (no zip bomb)
        return "".join(chr(0x4E00 + (i * 7919 + j * 104729) % 20000) for j in range(2_000))

    # one row in five refused in H and in I: the columns stay money and land area by their other values
    rows = [PROJECT_HEADER] + [
        [
            i,
            f"C-{i}",
            f"项目{i}",
            None,
            "光伏",
            "端州区",
            "在建",
            long_text(i) if i % 5 == 0 else 1.5,
            "坏" + long_text(i) if i % 5 == 0 else 20,
        ]
        for i in range(1, 1001)
    ]
    path = write_workbook(tmp_path / "bad.xlsx", SheetSpec("明细", rows))
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db_path), "import", str(path), "--json"], stdout=out, stderr=err)
    assert code == 1
    data = json.loads(out.getvalue())
    assert data["skipped_total"] == 400
    assert [p["column"] for p in data["skipped"]].count("H") == 100
    assert [p["column"] for p in data["skipped"]].count("I") == 100
    assert sorted(data["skipped_not_listed"], key=lambda o: o["column"]) == [
        {"sheet": "明细", "column": "H", "count": 100},
        {"sheet": "明细", "column": "I", "count": 100},
    ]
    for p in data["skipped"]:
        assert len(p["value"]) < 220 and len(p["error"]) < 400, p
    assert all(p["value"].endswith("… (+1800)") for p in data["skipped"] if p["column"] == "H")
    assert len(out.getvalue()) < 200_000  # 400 refused cells of 2,000 characters, twice each: 1.6 M characters
    text_out = io.StringIO()
    main(["--db", str(db_path), "import", str(path)], stdout=text_out, stderr=io.StringIO())
    lines = [ln for ln in text_out.getvalue().splitlines() if "column H" in ln]
    assert len(lines) == 200 and max(map(len, lines)) < 700  # each value cut, not 2 × 2,000 characters


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the scan beside the parse is a forked copy (Linux)")
def test_the_error_scan_runs_in_a_copy_beside_the_parse_and_ends_with_it() -> None:
    from zqtracker.io.child_process import Forked

    with Forked(os.getpid) as scan:
        assert scan.started
        copy = scan.result(None)
    assert isinstance(copy, int) and copy != os.getpid()  # the work ran in another process
    with Forked(lambda: time.sleep(30)) as slow:  # left before its result: the copy is ended, not waited for
        pid = slow.pid
        started = time.monotonic()
    assert time.monotonic() - started < 5 and not psutil.pid_exists(pid)
    assert [c for c in psutil.Process().children() if c.pid == pid] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the scan beside the parse is a forked copy (Linux)")
def test_the_error_scan_dies_with_a_killed_reading_process() -> None:
    script = (
        "import os, sys, time; from zqtracker.io.child_process import Forked\n"
        "with Forked(lambda: time.sleep(60)) as scan:\n"
        "    print(scan.pid, flush=True); time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reader = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE)
    assert reader.stdout is not None
    copy = psutil.Process(int(reader.stdout.readline()))
    os.kill(reader.pid, signal.SIGKILL)
    reader.wait()
    assert gone_within(copy, 2.0)


def test_xlsx_error_cells_found_beside_the_parse_reach_their_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from zqtracker.io.reader import ExcelError, read_workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "计划总投资（亿元）"])
    ws.append(["甲项目", 1.5])
    ws.append(["乙项目", "=1/0"])
    wb.save(tmp_path / "e.xlsx")
    # openpyxl writes no cached value: give the formula cell the cached error Excel would have written
    import zipfile

    with zipfile.ZipFile(tmp_path / "e.xlsx") as zin, zipfile.ZipFile(tmp_path / "f.xlsx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                old = '<c r="B3"><f>1/0</f><v /></c>'
                assert old in text, text
                data = text.replace(old, '<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>').encode()
            zout.writestr(item, data)
    sheet = read_workbook(tmp_path / "f.xlsx").sheets[0]
    cell = sheet.rows[2 - sheet.row_offset][1]
    assert isinstance(cell, ExcelError) and str(cell) == "#DIV/0!"


def test_forked_and_spawned_reading_processes_read_the_same_and_fail_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading process forked from the ready server (io/zygote.py) and the one spawned where
    that cannot be (a bundle; ZQTRACKER_READ_SPAWN=1) give the same cells, and the same refusal for
    a crash: here the memory limit, which a dense range reaching far cells hits."""
    import openpyxl

    from zqtracker.io.read_launch import forking
    from zqtracker.io.reader import read_workbook
    from zqtracker.io.sniff import Limits

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目名称", "总投资（万元）", "开工时间"])
    ws.append(["甲项目", 1200.5, "2025-03"])
    ws.merge_cells("A4:C4")
    ws["A4"] = "合计"
    wb.save(plain := tmp_path / "plain.xlsx")
    csv = tmp_path / "big.csv"
    csv.write_text("项目名称,总投资\n" + "甲项目,1\n" * 200_000, encoding="utf-8")
    tight = Limits(memory_bytes=64 * 1024 * 1024)  # below what the process has mapped already

    def outcome() -> tuple:
        book = read_workbook(plain)
        try:
            read_workbook(csv, limits=tight)
            refused = None
        except WorkbookRefused as exc:
            refused = exc.code
        return [(s.name, s.rows, s.merged) for s in book.sheets], refused

    monkeypatch.setenv("ZQTRACKER_READ_SPAWN", "0")
    assert forking()
    forked = outcome()
    monkeypatch.setenv("ZQTRACKER_READ_SPAWN", "1")
    assert not forking()
    spawned = outcome()
    assert forked == spawned
    assert forked[0][0][1][1] == ["甲项目", 1200.5, "2025-03"] and forked[1] == "out_of_memory"


def test_a_reading_server_that_died_is_started_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    from zqtracker.io import read_launch
    from zqtracker.io.reader import read_workbook

    monkeypatch.setenv("ZQTRACKER_READ_SPAWN", "0")
    wb = openpyxl.Workbook()
    wb.active.append(["项目名称"])
    wb.active.append(["甲项目"])
    wb.save(path := tmp_path / "a.xlsx")
    assert read_workbook(path).sheets[0].rows[1] == ["甲项目"]
    server = read_launch._zygote()
    server.proc.kill()
    server.proc.wait()
    deadline = time.monotonic() + 10
    while server.alive and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not server.alive
    assert read_workbook(path).sheets[0].rows[1] == ["甲项目"]
    assert read_launch._zygote() is not server and read_launch._zygote().alive


def test_warming_starts_the_server_that_the_next_read_forks_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import dialog and `zqtracker import` start the server before the file is read (its
    imports overlap the choosing of a file, the opening of the database)."""
    import openpyxl

    from zqtracker.io import read_launch
    from zqtracker.io.reader import read_workbook

    monkeypatch.setenv("ZQTRACKER_READ_SPAWN", "0")
    if read_launch._server is not None:
        read_launch._server.proc.kill()
        read_launch._server.proc.wait()
    read_launch._server = None
    read_launch.warm()
    server = read_launch._server
    assert server is not None and server.alive
    wb = openpyxl.Workbook()
    wb.active.append(["项目名称"])
    wb.save(path := tmp_path / "a.xlsx")
    read_workbook(path)
    assert read_launch._server is server
    monkeypatch.setenv("ZQTRACKER_READ_SPAWN", "1")
    read_launch._server = None
    read_launch.warm()
    assert read_launch._server is None  # spawning: nothing to start
    server.proc.kill()
    server.proc.wait()


def test_a_bundle_starts_itself_as_the_reading_server_and_as_the_reading_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PyInstaller bundle has no ``python -m``: its launcher takes --zqtracker-read-server FD and
    --zqtracker-read-worker (zqtracker/launcher.py). Here a script that runs the launcher as the
    bundle's executable does."""
    import openpyxl

    from zqtracker.io import read_launch
    from zqtracker.io.reader import read_workbook

    bundle = tmp_path / "zqtracker"
    launcher = "import sys; from zqtracker.launcher import main; sys.exit(main())"
    bundle.write_text(f"#!/bin/sh\nexec {sys.executable} -c '{launcher}' \"$@\"\n", encoding="utf-8")
    bundle.chmod(0o755)
    wb = openpyxl.Workbook()
    wb.active.append(["项目名称", "总投资（万元）"])
    wb.active.append(["甲项目", 1200.5])
    wb.save(path := tmp_path / "a.xlsx")
    if read_launch._server is not None:
        read_launch._server.proc.kill()
        read_launch._server.proc.wait()
    monkeypatch.setattr(read_launch, "_server", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle))
    monkeypatch.setenv("ZQTRACKER_READ_SPAWN", "0")
    assert read_workbook(path).sheets[0].rows[1] == ["甲项目", 1200.5]
    server = read_launch._server
    assert server is not None and server.alive
    assert psutil.Process(server.proc.pid).cmdline()[-2:] == ["--zqtracker-read-server", str(server.proc.args[-1])]
    monkeypatch.setenv("ZQTRACKER_READ_SPAWN", "1")  # where a bundle cannot fork: a process per read
    assert read_workbook(path).sheets[0].rows[1] == ["甲项目", 1200.5]
    server.proc.kill()
    server.proc.wait()
