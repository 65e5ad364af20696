"""What the command line prints under --lang zh is Chinese (#15): every command's output and its
refusals, on the demo database. A sentence that slipped past the catalogue (cli/words.py and the
catalogues it prints from) shows up here as a run of English words."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from zqtracker.cli.main import main

# Three English words in a row: an untranslated sentence (codes, paths, option names and
# "zqtracker db check" in an advice are single tokens or code).
ENGLISH_RUN = re.compile(r"(?<![-\w./`])[A-Za-z]{2,}(?: [a-z]{2,}){2,}(?![\w`])")


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return str(path)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = main(list(argv), stdout=out, stderr=err)
    except SystemExit as exc:  # argparse's refusals
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _code_of_a_project(db: str) -> str:
    _, out, _ = run("--db", db, "list", "--json", "--limit", "1")
    return json.loads(out)["projects"][0]["code"]


COMMANDS: dict[str, list[str]] = {
    "summary": ["summary"],
    "summary filtered": ["summary", "--key", "--district", "高要区"],
    "list": ["list", "--limit", "30"],
    "list unknown status": ["list", "--status", "胡说"],
    "list missing": ["list", "--missing", "district", "--limit", "5"],
    "show": ["show", "{code}"],
    "show unknown": ["show", "不存在的项目"],
    "history": ["history", "--limit", "20"],
    "history bad date": ["history", "--since", "昨天"],
    "db check": ["db", "check"],
    "db restore list": ["db", "restore"],
    "report bad name": ["report", "{tmp}/报告.txt"],
    "report bad year": ["report", "{tmp}/报告.pdf", "--year", "1200"],
    "export": ["export", "{tmp}/导出.xlsx", "--key"],
    "template": ["template", "{tmp}/模板.xlsx"],
    "round status, no round": ["round", "status", "2023-09"],
    "round create": ["round", "create", "2023-09", "--out", "{tmp}", "--district", "高要区"],
    "import missing file": ["import", "{tmp}/不存在.xlsx"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_speaks_chinese(demo_db: str, tmp_path: Path, name: str) -> None:
    argv = [a.format(code=_code_of_a_project(demo_db), tmp=tmp_path) if "{" in a else a for a in COMMANDS[name]]
    code, out, err = run("--db", demo_db, "--lang", "zh", *argv)
    text = out + err
    assert text.strip(), (name, code)
    assert re.search(r"[\u4e00-\u9fff]", text), text
    for path in (str(tmp_path), demo_db):
        text = text.replace(path, "")
    assert not ENGLISH_RUN.findall(text), (name, ENGLISH_RUN.findall(text), text[:2000])
    # and the same command in English ends the same way, in other words
    code_en, out_en, err_en = run("--db", demo_db, "--lang", "en", *argv)
    assert code_en == code
    assert (out_en + err_en).replace(str(tmp_path), "") != (out + err).replace(str(tmp_path), "")
