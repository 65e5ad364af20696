"""File › Connect to server…: the dialog builds the URL (never with the password), keeps the
password in the keyring or libpq's password file, opens the server database, and the title says
user@server/database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from ui_helpers import click, when_modal

from zqtracker.services.context import AppContext
from zqtracker.ui.connect_dialog import ConnectDialog

SHOTS = Path("/work/shots/server")


@pytest.mark.engine("postgresql")
def test_connecting_opens_the_server_and_keeps_the_password_out_of_settings(
    make_window, db_url: str, tmp_path: Path, monkeypatch, qtbot, translations
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    import zqtracker.storage.credentials as credentials

    monkeypatch.setattr(credentials, "_keyring", lambda: None)  # as on a machine without a keyring
    u = make_url(db_url)
    window = make_window(None)
    said: dict[str, str] = {}

    def fill(dialog: ConnectDialog) -> None:
        dialog.host.setText(u.host or "")
        dialog.port.setValue(u.port or 5432)
        dialog.database.setText(u.database or "")
        dialog.user.setText(u.username or "")
        dialog.password.setText("s3cret:pw")
        dialog.tls.setCurrentIndex(dialog.tls.findData("disable"))
        said["remember"] = dialog.remember.text()
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / "connect_dialog_en.png"))
        click(dialog, "OK")

    when_modal(fill, name="connect_dialog")
    with qtbot.waitSignal(window.database_actions.opened, timeout=30_000):
        window.actions_.connect_server.trigger()
    ctx: AppContext = window.ctx
    # Where the password goes, in words a user reads (not "libpq"): the keyring, else a file of theirs alone.
    assert said["remember"] == "Remember the password (in the system keyring, or a password file only you can read)"
    try:
        assert ctx is not None and ctx.database.engine.dialect.name == "postgresql"
        assert "s3cret" not in ctx.database.url and "sslmode=disable" in ctx.database.url
        port = f":{u.port}" if u.port != 5432 else ""
        assert window.windowTitle().startswith(f"{u.username}@{u.host}{port}/{u.database}")
        saved = window.settings.recent_databases()[0]
        assert saved == ctx.database.url and "s3cret" not in saved
        pgpass = tmp_path / "pgpass"
        assert pgpass.read_text(encoding="utf-8").strip() == f"{u.host}:{u.port}:{u.database}:{u.username}:s3cret\\:pw"
        assert stat.S_IMODE(os.stat(pgpass).st_mode) == 0o600
    finally:
        window.set_context(None)
    translations.switch("zh")
    dialog = ConnectDialog(window)
    dialog.host.setText("db.bureau.local")
    dialog.user.setText("gy_li")
    dialog.grab().save(str(SHOTS / "connect_dialog_zh.png"))
    assert dialog.windowTitle() == "连接服务器"
    assert dialog.remember.text() == "记住密码（存入系统密钥环；没有密钥环时存入只有您本人能读取的密码文件）"
    dialog.deleteLater()
