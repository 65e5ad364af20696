"""``zqtracker report``: the PDF from the command line, its messages and exit codes."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main
from zqtracker.services.context import AppContext

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def test_report_views_and_options(qapp, hand: AppContext, tmp_path: Path, artifacts: Path) -> None:
    db = hand.database.url
    pdf = tmp_path / "monthly.pdf"
    code, out, err = run("--db", db, "report", str(pdf), "--view", "monthly", "--year", "2023", "--through", "3",
                         "--lang", "zh", "--unit", "wan", "--all-projects")  # fmt: skip
    assert code == ExitCode.OK, err
    assert out.strip() == f"wrote {pdf}: 1 page (A4 landscape)"
    t = text(pdf)
    assert "2023年3月项目投资进展情况" in t and "单位：万元" in t and "合计（3个项目）" in t
    assert "16,000" in t and "17,990" in t and "17,990.00" not in t  # 万元: whole
    # the total's 完成率: the projects with a plan alone, 4,500 ÷ 16,000 = 28.1% (not 5,000 ÷ 16,000 = 31.3%),
    # and the note says so (probe25d W6)
    assert "28.1%" in t and "31.3%" not in t and "合计完成率仅按2个" in t.replace("\n", "")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(artifacts / "report-cli-monthly-hand")], check=True)
    code, out, err = run("--db", db, "--lang", "zh", "report", str(tmp_path / "key.pdf"), "--view", "key-projects",
                         "--year", "2023", "--through", "3", "--district", "高要区")  # fmt: skip
    assert code == ExitCode.OK, err
    assert out.startswith("已生成") and "共 1 页" in out
    t = text(tmp_path / "key.pdf")
    assert "重点及十亿元以上项目" in t and "筛选：区域：高要区" in t and "D 储能二期" in t and "A 储能基地" not in t
    code, _, err = run(
        "--db", db, "report", str(tmp_path / "stale.pdf"), "--view", "stale", "--as-of", "2023-10-31", "--months", "6"
    )
    assert code == ExitCode.OK, err
    assert "as of 31 October 2023" in text(tmp_path / "stale.pdf")


def test_bad_input_is_refused_with_one_sentence(qapp, hand: AppContext, tmp_path: Path) -> None:
    db = hand.database.url
    assert run("--db", db, "report", str(tmp_path / "x.txt"))[0] == ExitCode.INVALID_INPUT
    code, _, err = run("--db", db, "report", str(tmp_path / "x.pdf"), "--as-of", "31.10.2023")
    assert code == ExitCode.INVALID_INPUT and "not a date: 31.10.2023" in err
    code, _, err = run("--db", db, "report", str(tmp_path / "x.pdf"), "--status", "unknown-word")
    assert code == ExitCode.INVALID_INPUT and "Traceback" not in err
    code, _, err = run("--db", db, "report", str(tmp_path / "no" / "such" / "dir.pdf"))
    assert code == ExitCode.REFUSED and "cannot write" in err and "no/such/dir.pdf" in err
    code, _, err = run("--db", db, "--lang", "zh", "report", str(tmp_path / "no" / "dir.pdf"))
    assert code == ExitCode.REFUSED and "无法写入" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == []


def test_headless_process_without_display(hand: AppContext, tmp_path: Path) -> None:
    """A real ``zqtracker report`` process with no display and no Qt platform set."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    pdf = tmp_path / "overview.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "zqtracker", "--db", hand.database.url, "report", str(pdf), "--year", "2023",
         "--through", "3", "--lang", "en"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and "Investment projects: overview" in text(pdf)
