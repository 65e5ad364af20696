"""Every kind of file that is not a healthy zqtracker database, refused in both languages by the
CLI and the desktop app: one sentence naming the file, the file untouched, the window on the
database it had."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from faults_helpers import damage_middle_pages, damage_schema_page, digest, run
from ui_helpers import when_modal

from zqtracker.cli.console import ExitCode
from zqtracker.services.context import AppContext


def _empty(path: Path, template: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path, template: Path) -> None:
    path.write_text("项目清单，不是数据库\n" * 50, encoding="utf-8")


def _foreign(path: Path, template: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()


def _newer(path: Path, template: Path) -> None:
    shutil.copy(template, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.close()


def _truncated(path: Path, template: Path) -> None:
    shutil.copy(template, path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged_at_open(path: Path, template: Path) -> None:
    shutil.copy(template, path)
    damage_schema_page(path)


def _damaged(path: Path, template: Path) -> None:
    shutil.copy(template, path)
    damage_middle_pages(path)


# kind → (make it, words of the English sentence, words of the Chinese one)
KINDS: dict[str, tuple[Callable[[Path, Path], None], str, str]] = {
    "empty": (_empty, "empty file (0 bytes)", "空文件（0 字节）"),
    "text": (_text, "not a zqtracker database (not an SQLite file)", "不是 SQLite 文件"),
    "foreign": (_foreign, "database of another program", "其他程序的 SQLite 数据库"),
    "newer": (_newer, "newer version of zqtracker", "更新版本的 zqtracker"),
    "truncated": (_truncated, "is damaged", "已损坏"),
    "damaged": (_damaged, "is damaged", "已损坏"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_cli_refuses_in_one_sentence(kind: str, lang: str, demo_template: Path, tmp_path: Path) -> None:
    make, en, zh = KINDS[kind]
    path = tmp_path / f"{kind}.sqlite"
    make(path, demo_template)
    before = digest(path)
    code, out, err = run("--lang", lang, "--db", str(path), "summary")
    assert code == ExitCode.REFUSED, (out, err)
    assert (en if lang == "en" else zh) in err and str(path) in err
    assert len(err.strip().splitlines()) == 1 and "internal error" not in err and "内部错误" not in err
    assert "Traceback" not in err
    assert digest(path) == before
    code, out, _ = run("--lang", lang, "--db", str(path), "db", "check")
    assert code == ExitCode.INVALID_INPUT and (en if lang == "en" else zh) in out


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_desktop_refuses_in_one_sentence_and_stays_on_its_database(
    kind: str, lang: str, make_window, demo_ctx: AppContext, demo_template: Path, tmp_path: Path, qtbot, translations
) -> None:
    make, en, zh = KINDS[kind]
    if kind == "damaged":
        # Damage that opening meets. Damage only a check of every page finds is found by the day's
        # backup copy, in the background once the window has the database (tests/test_daily_backup.py).
        make = _damaged_at_open
    path = tmp_path / f"{kind}.sqlite"
    make(path, demo_template)
    before = digest(path)
    window = make_window(demo_ctx)
    translations.switch(lang)
    title = window.windowTitle()
    messages: list[str] = []

    def answer(box) -> None:
        messages.append(box.text())
        box.accept()

    when_modal(answer, name="error_message")
    window.database_actions.open_target(str(path), background=False)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert (en if lang == "en" else zh) in messages[0] and str(path) in messages[0]
    assert window.ctx is demo_ctx and window.windowTitle() == title
    assert str(path) not in window.settings.recent_databases()
    assert digest(path) == before
