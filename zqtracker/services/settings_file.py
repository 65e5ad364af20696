"""The small JSON files in the user's config folder — saved import profiles (import_profiles.py), the
remembered column choices (import_mappings.py) — read and written so that none is ever lost.

A file that cannot be read (not JSON any more, a stray comma, no permission, a folder in its place)
is never written over: :func:`read_json` raises :class:`SettingsFileError` naming it and why, and
a store saves nothing until the user has repaired it or moved it away (probe27a cf01: one stray comma,
and the next ``--save-profile`` replaced every saved profile with its one). A missing or empty file
is a new one. :func:`write_json` writes a ``.part`` beside the file and renames it over, so a copy
killed half way leaves the old file whole; one that cannot be written (the config folder is a file,
a folder in the file's place, a full disk) is one sentence too, its ``.part`` removed.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

from zqtracker.domain.errors import DomainError, Problem


class SettingsFileError(DomainError):
    """A settings file that cannot be read (``settings_unreadable``) or written (``settings_unwritable``)."""

    def __init__(self, code: str, path: Path, detail: str) -> None:
        self.code, self.path, self.detail = code, path, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return Problem(self.code, params={"file": str(self.path), "detail": self.detail}).message(lang)


def read_json(path: Path) -> dict:
    """The JSON object in ``path``; {} when there is no such file or it is empty."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsFileError("settings_unreadable", path, _detail(exc, path)) from None
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SettingsFileError("settings_unreadable", path, f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise SettingsFileError("settings_unreadable", path, "not valid JSON: no object at the top") from None
    return data


def write_json(path: Path, data: dict) -> None:
    """``data`` as the whole of ``path``, replaced only once written in full."""
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise SettingsFileError("settings_unwritable", path, _detail(exc, path)) from None


def _detail(exc: BaseException, path: Path) -> str:
    """The system's words; a config folder that is a file said as such (mkdir says "File exists")."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOTDIR, errno.EEXIST):
        parent = next((p for p in path.parents if p.is_file()), None)
        if parent is not None:
            return f"Not a directory: {parent} is a file"
    return getattr(exc, "strerror", None) or str(exc)
