"""Every persisted value of the desktop app, declared once, typed, with its default.

Picard's options registry, small: :func:`option` declares a key, a type (that of the default)
and the default, and refuses a key declared twice; :class:`Settings` reads and writes them
through one ``QSettings`` — the INI file ``zqtracker/zqtracker.ini`` in the user's config folder
(tests point ``XDG_CONFIG_HOME`` elsewhere or hand in their own store). Nothing else in the app
constructs a QSettings (a test enforces it).

A change is announced, not pushed into windows: :attr:`Settings.changed` carries the key of each
option whose value really changed, and each view that shows it connects to it (the language,
the money unit, the stale threshold …). Writing the value an option already has announces
nothing — pressing OK in Preferences without touching the language leaves a ``--lang zh``
session Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QObject, QSettings, QStandardPaths, Signal

from zqtracker.domain.money import Unit

T = TypeVar("T")

MAX_RECENT = 10
LANGUAGES = ("", "en", "zh_CN")  # "" follows the system locale
OUTPUT_LANGUAGES = ("", "en", "zh")  # "" follows the interface
MONEY_UNITS = (Unit.YI, Unit.WAN)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def convert(self, raw: Any) -> T:
        """The stored value as the declared type; anything unreadable gives the default."""
        d = self.default
        try:
            if isinstance(d, bool):
                return (raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")) is True  # type: ignore[return-value]
            if isinstance(d, int):
                return int(raw)  # type: ignore[return-value]
            if isinstance(d, Unit):
                return Unit(str(raw))  # type: ignore[return-value]
            if isinstance(d, QByteArray):
                return raw if isinstance(raw, QByteArray) else QByteArray(raw)  # type: ignore[return-value]
            if isinstance(d, list):
                if raw is None or raw == "":
                    return []  # type: ignore[return-value]
                return [str(x) for x in (raw if isinstance(raw, list) else [raw])]  # type: ignore[return-value]
            return str(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return d


REGISTRY: dict[str, Option[Any]] = {}


def option(key: str, default: T) -> Option[T]:
    """Declare a persisted value (once: a second declaration of a key is a programming error)."""
    if key in REGISTRY:
        raise ValueError(f"option {key!r} is declared twice")
    declared = Option(key, default)
    REGISTRY[key] = declared
    return declared


# -- Preferences (Tools › Preferences) ------------------------------------------------------
LANGUAGE = option("ui/language", "")  # "", "en" or "zh_CN"
MONEY_UNIT = option("ui/money_unit", Unit.YI)  # the table, detail pane, dashboard, dialogs' defaults
MONEY_EXACT = option("ui/money_exact", False)  # show every digit of an amount instead of rounding
OUTPUT_LANGUAGE = option("output/language", "")  # printouts, PDFs and workbooks: "" = the interface's
STALE_MONTHS = option("projects/stale_months", 6)
REOPEN_LAST = option("databases/reopen_last", True)

# -- Remembered by the app ------------------------------------------------------------------
RECENT_DATABASES: Option[list[str]] = option("databases/recent", [])
LAST_DATABASE = option("databases/last", "")
WINDOW_GEOMETRY = option("window/geometry", QByteArray())
WINDOW_STATE = option("window/state", QByteArray())
SPLITTER_STATE = option("projects/splitter", QByteArray())
HEADER_STATE = option("projects/header", QByteArray())
PROJECT_FILTER = option("projects/filter", "")  # filters and search (ui/filter_memory.py), JSON
DETAIL_VISIBLE = option("projects/detail_visible", True)
EXPORT_FOLDER = option("files/export_folder", "")  # workbooks and the import template
PDF_FOLDER = option("files/pdf_folder", "")
CHART_FOLDER = option("files/chart_folder", "")
EXPORT_MONTHLY = option("export/monthly", True)
EXPORT_SUMMARIES = option("export/summaries", True)
EXPORT_VISIBLE_ONLY = option("export/visible_only", False)
SUMMARY_VIEW = option("summaries/view", "overview")
SUMMARY_KEY_ONLY = option("summaries/key_only", True)

# Earlier versions wrote these through a bare QSettings() into "Unknown Organization/zqtracker.conf";
# they are read from there once (see :meth:`Settings.import_legacy`).
LEGACY_KEYS: dict[str, Option[Any]] = {
    "export/folder": EXPORT_FOLDER,
    "export/monthly": EXPORT_MONTHLY,
    "export/summaries": EXPORT_SUMMARIES,
    "export/visible_only": EXPORT_VISIBLE_ONLY,
    "summaries/pdf_folder": PDF_FOLDER,
    "summaries/view": SUMMARY_VIEW,
    "summaries/key_only": SUMMARY_KEY_ONLY,
    "dashboard/save_folder": CHART_FOLDER,
}
LEGACY_IMPORTED = option("settings/legacy_imported", False)


def default_store() -> QSettings:
    """The documented file: ``~/.config/zqtracker/zqtracker.ini`` on Linux — the folder platformdirs
    names now (Qt reads XDG_CONFIG_HOME once per process and would keep an earlier answer), the
    one the import's remembered mappings and profiles share."""
    from platformdirs import user_config_dir

    path = Path(user_config_dir("zqtracker", appauthor=False)) / "zqtracker.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def legacy_store() -> QSettings:
    """Where a bare ``QSettings()`` wrote before (no organisation name was set)."""
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "Unknown Organization", "zqtracker")


def _unreadable(store: QSettings) -> str:
    """The message code of what is wrong with the store's file: a folder in its place, damaged (bytes
    that are not text, a line neither ``[section]`` nor ``key=value``, or Qt could not parse it), not
    readable; "" when it is fine or absent. Qt alone lets most damage pass: it reads what it can."""
    path = Path(store.fileName())
    if path.is_dir():
        return "settings_ini_folder"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    except OSError:
        return "settings_ini_denied"
    try:
        lines = [line.strip() for line in data.decode("utf-8").splitlines()]
    except UnicodeDecodeError:
        return "settings_ini_damaged"
    broken = any(
        line and not line.startswith((";", "#")) and "=" not in line
        and not (line.startswith("[") and line.endswith("]"))
        for line in lines
    )  # fmt: skip
    if broken or b"\0" in data or store.status() != QSettings.Status.NoError:
        return "settings_ini_damaged"
    return ""


def _scratch_store() -> QSettings:
    """An empty settings file of this session alone, removed when it ends (Qt would rewrite a damaged
    file it was handed, and drop what it could not read)."""
    import atexit
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="zqtracker-settings-")
    atexit.register(shutil.rmtree, folder, True)
    return QSettings(str(Path(folder) / "zqtracker.ini"), QSettings.Format.IniFormat)


class Settings(QObject):
    """Typed access to the declared options. One instance per application, handed to widgets."""

    changed = Signal(str)  # the key of an option whose value changed
    damaged_file = ""  # the settings file that could not be read (see ``unreadable``)

    def __init__(self, store: QSettings | None = None, *, legacy: QSettings | None = None) -> None:
        super().__init__()
        self._store = store if store is not None else default_store()
        self.unreadable = _unreadable(self._store)  # why the file cannot be read ("" when it can)
        if self.unreadable:  # nothing is written over it: this session's settings live in a scratch file
            self.damaged_file, self._store = self._store.fileName(), _scratch_store()
        if store is None or legacy is not None:
            self.import_legacy(legacy if legacy is not None else legacy_store())

    def get(self, option: Option[T]) -> T:
        if option.key not in REGISTRY:
            raise KeyError(f"option {option.key!r} is not declared")
        if not self._store.contains(option.key):
            return option.default
        return option.convert(self._store.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        """Store ``value``; announce it (``changed``) only if it differs from the stored value."""
        if option.key not in REGISTRY:
            raise KeyError(f"option {option.key!r} is not declared")
        before = self.get(option)
        self._store.setValue(option.key, value.value if isinstance(value, Unit) else value)
        if before != value:
            self.changed.emit(option.key)

    def sync(self) -> None:
        self._store.sync()

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def import_legacy(self, legacy: QSettings) -> None:
        """Copy what the old second file held (once; nothing there overrides a value set here)."""
        if self.get(LEGACY_IMPORTED) or not Path(legacy.fileName()).is_file():
            return
        for old_key, opt in LEGACY_KEYS.items():
            if legacy.contains(old_key) and not self._store.contains(opt.key):
                self._store.setValue(opt.key, opt.convert(legacy.value(old_key)))
        self._store.setValue(LEGACY_IMPORTED.key, True)

    # -- conveniences with rules -----------------------------------------------------------
    @property
    def language(self) -> str:
        value = self.get(LANGUAGE)
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value if value in LANGUAGES else "")

    @property
    def output_language(self) -> str:
        """The language chosen for printouts and workbooks: "en", "zh", or "" (the interface's)."""
        value = self.get(OUTPUT_LANGUAGE)
        return value if value in OUTPUT_LANGUAGES else ""

    @output_language.setter
    def output_language(self, value: str) -> None:
        self.set(OUTPUT_LANGUAGE, value if value in OUTPUT_LANGUAGES else "")

    def output_lang(self) -> str:
        """The language printouts, PDFs and workbooks are written in now: "en" or "zh"."""
        from zqtracker.ui.translations import ui_lang

        return self.output_language or ui_lang()

    @property
    def money_unit(self) -> Unit:
        unit = self.get(MONEY_UNIT)
        return unit if unit in MONEY_UNITS else Unit.YI

    @money_unit.setter
    def money_unit(self, unit: Unit) -> None:
        self.set(MONEY_UNIT, unit if unit in MONEY_UNITS else Unit.YI)

    @property
    def stale_months(self) -> int:
        return min(max(self.get(STALE_MONTHS), 1), 120)

    @stale_months.setter
    def stale_months(self, months: int) -> None:
        self.set(STALE_MONTHS, min(max(int(months), 1), 120))

    def folder(self, option: Option[str]) -> Path:
        """A remembered output folder if it still exists, else Documents if it exists, else home:
        a file dialog or an export is never pointed at a folder that is not there."""
        remembered = self.get(option)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path.home()

    def recent_databases(self) -> list[str]:
        return self.get(RECENT_DATABASES)[:MAX_RECENT]

    def add_recent_database(self, target: str) -> None:
        """Put ``target`` (a file path or URL) first in the recent list and remember it as the last."""
        recent = [target, *[r for r in self.recent_databases() if r != target]]
        self.set(RECENT_DATABASES, recent[:MAX_RECENT])
        self.set(LAST_DATABASE, target)

    def clear_recent_databases(self) -> None:
        self.set(RECENT_DATABASES, [])
