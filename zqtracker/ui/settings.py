"""Every user setting of the desktop app, typed, with its default, read and written here only.

Picard's options registry, small: each :class:`Option` declares a key, a type and a default;
:class:`Settings` reads and writes them through one ``QSettings`` (an INI file in the user's
config folder, so tests can point ``XDG_CONFIG_HOME`` elsewhere). Widgets never call QSettings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from zqtracker.domain.money import Unit

T = TypeVar("T")

MAX_RECENT = 10
LANGUAGES = ("", "en", "zh_CN")  # "" follows the system locale
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


LANGUAGE = Option("ui/language", "")
MONEY_UNIT = Option("ui/money_unit", Unit.YI)
STALE_MONTHS = Option("projects/stale_months", 6)
RECENT_DATABASES: Option[list[str]] = Option("databases/recent", [])
REOPEN_LAST = Option("databases/reopen_last", True)
LAST_DATABASE = Option("databases/last", "")
WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
SPLITTER_STATE = Option("projects/splitter", QByteArray())
HEADER_STATE = Option("projects/header", QByteArray())
DETAIL_VISIBLE = Option("projects/detail_visible", True)


class Settings:
    """Typed access to the options above. One instance per application, handed to widgets."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "zqtracker", "zqtracker"
        )

    def get(self, option: Option[T]) -> T:
        if not self._store.contains(option.key):
            return option.default
        return option.convert(self._store.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        self._store.setValue(option.key, value.value if isinstance(value, Unit) else value)

    def sync(self) -> None:
        self._store.sync()

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    # -- conveniences with rules -----------------------------------------------------------
    @property
    def language(self) -> str:
        value = self.get(LANGUAGE)
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value if value in LANGUAGES else "")

    @property
    def money_unit(self) -> Unit:
        unit = self.get(MONEY_UNIT)
        return unit if unit in MONEY_UNITS else Unit.YI

    @money_unit.setter
    def money_unit(self, unit: Unit) -> None:
        self.set(MONEY_UNIT, unit)

    @property
    def stale_months(self) -> int:
        return min(max(self.get(STALE_MONTHS), 1), 120)

    @stale_months.setter
    def stale_months(self, months: int) -> None:
        self.set(STALE_MONTHS, min(max(int(months), 1), 120))

    def recent_databases(self) -> list[str]:
        return self.get(RECENT_DATABASES)[:MAX_RECENT]

    def add_recent_database(self, target: str) -> None:
        """Put ``target`` (a file path or URL) first in the recent list and remember it as the last."""
        recent = [target, *[r for r in self.recent_databases() if r != target]]
        self.set(RECENT_DATABASES, recent[:MAX_RECENT])
        self.set(LAST_DATABASE, target)

    def remove_recent_database(self, target: str) -> None:
        self.set(RECENT_DATABASES, [r for r in self.recent_databases() if r != target])
        if self.get(LAST_DATABASE) == target:
            self.set(LAST_DATABASE, "")

    def clear_recent_databases(self) -> None:
        self.set(RECENT_DATABASES, [])
