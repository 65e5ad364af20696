"""Server passwords, never in zqtracker's settings or URLs: the system keyring where there is
one, else libpq's own password file (~/.pgpass, or PGPASSFILE; mode 0600), which psycopg reads
by itself."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url

SERVICE = "zqtracker"
SSL_MODES = ("prefer", "require", "verify-full", "disable")


def server_url(host: str, port: int, database: str, user: str, sslmode: str = "prefer") -> str:
    """The URL of a server database, without a password."""
    query = {} if sslmode == "prefer" else {"sslmode": sslmode}
    return URL.create(
        "postgresql+psycopg", username=user, host=host, port=port, database=database, query=query
    ).render_as_string(hide_password=False)


def short_name(url: str) -> str:
    """user@server/database, as a window title names it."""
    u = make_url(url)
    port = f":{u.port}" if u.port and u.port != 5432 else ""
    return f"{u.username}@{u.host}{port}/{u.database}"


def _key(user: str, host: str, port: int, database: str) -> str:
    return f"{user}@{host}:{port}/{database}"


def _keyring():
    """The system keyring, or None where there is none (a headless machine: keyring's fail backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring is no keyring
        return None
    return None if isinstance(backend, fail.Keyring) else keyring


def pgpass_path() -> Path:
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:")


_SESSION: dict[str, str] = {}  # passwords not to be remembered: this process only


def store_password(user: str, host: str, port: int, database: str, password: str, *, remember: bool = True) -> str:
    """Keep the password where connecting finds it; returns "keyring", the password file used, or
    "session" (``remember=False``: in this process's memory only)."""
    if not remember:
        _SESSION[_key(user, host, port, database)] = password
        return "session"
    ring = _keyring()
    if ring is not None:
        ring.set_password(SERVICE, _key(user, host, port, database), password)
        return "keyring"
    path = pgpass_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    head = ":".join(_escape(x) for x in (host, str(port), database, user)) + ":"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith(head)] + [head + _escape(password)]
    part = path.with_name(path.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.replace(part, path)
    return str(path)


def attach_password(engine: Engine) -> None:
    """Connections of a URL without a password take it from the keyring (libpq reads its password
    file by itself)."""

    @event.listens_for(engine, "do_connect")
    def _password(dialect, conn_rec, cargs, cparams):
        if cparams.get("password"):
            return
        u = engine.url
        key = _key(u.username or "", u.host or "", u.port or 5432, u.database or "")
        ring = _keyring()
        found = _SESSION.get(key) or (ring.get_password(SERVICE, key) if ring is not None else None)
        if found:
            cparams["password"] = found
