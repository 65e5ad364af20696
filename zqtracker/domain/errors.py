"""Coded problems that the UI and CLI word in the user's language.

A problem carries a machine code and parameters instead of a sentence, so that one check can be
reported as a tooltip next to a field, a row in an import report or a line on stderr.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from zqtracker.domain.words import CLI, Surface


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    field: str | None = None
    params: dict[str, Any] = dc_field(default_factory=dict)

    def message(self, lang: str = "en", surface: Surface = CLI) -> str:
        """In ``lang``; a remedy as ``surface`` offers it: the dialog's way (APP) or the flag (CLI)."""
        from zqtracker.domain.messages import describe

        return describe(self, lang, surface)


class DomainError(Exception):
    """Base of the errors the core raises on purpose (never a programming error)."""


class ValidationError(DomainError, ValueError):
    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems: list[Problem] = problems if isinstance(problems, list) else [problems]
        super().__init__("; ".join(p.message("en") for p in self.problems))

    def by_field(self) -> dict[str | None, list[Problem]]:
        out: dict[str | None, list[Problem]] = {}
        for p in self.problems:
            out.setdefault(p.field, []).append(p)
        return out


class ConcurrentUpdateError(DomainError):
    """The row changed (or vanished) since it was loaded; the save, undo or redo did not happen.

    ``what`` says which part was found changed (``project``: its version; ``investment`` /
    ``plan``: a month or a year's amount; ``import``: what an import's analysis relied on;
    ``database``: anything at all, for an undo that puts whole tables back; ``sector`` / ``district`` /
    ``enterprise``: one an undone import added, used by a colleague's project since — ``detail`` its name).
    """

    def __init__(
        self, project_id: int, expected_version: int | None = None, *, what: str = "project", detail: str = ""
    ) -> None:
        self.project_id = project_id
        self.expected_version = expected_version
        self.what = what
        self.detail = detail
        self.latest: list = []  # the other person's latest changes (audit rows), when a service found them
        # set by services/history.py from the audit trail: the project as the user knows it (code, name),
        # who changed it, and the use case refused ("undo", "redo"); ``told``: a service's own words
        self.code, self.name, self.user, self.context = "", "", "", ""
        self.told: Problem | None = None
        shown = f"project {project_id}" if project_id else "the database"
        super().__init__(
            f"{shown} was changed by someone else since it was loaded"
            + (f" (expected version {expected_version})" if expected_version is not None else "")
            + (f": {detail}" if detail else "")
        )

    def message(self, lang: str = "en") -> str:
        """What the CLI prints (the desktop adds the other person's change from the audit trail): the
        project by its code and name, never its row id (probe34c)."""
        if self.told is not None:
            return self.told.message(lang)
        if self.code or self.name:
            code = "team_project" if self.name else "team_project_nameless"
            what = Problem(code, params={"code": self.code, "name": self.name}).message(lang)
        else:
            what = Problem("team_a_project" if self.project_id else "db_what_database").message(lang)
        who = Problem("team_user", params={"user": self.user}) if self.user else Problem("team_someone")
        code = {"undo": "team_undo_refused", "redo": "team_redo_refused"}.get(self.context, "team_changed_meanwhile")
        if self.context == "undo" and self.what in ("sector", "district", "enterprise"):  # one the import added
            code = f"undo_ref_used_{self.what}"  # (``detail``: its name; domain/meanwhile_messages.py)
        params = {"what": what, "who": who.message(lang), "ref": self.detail}
        return Problem(code, params=params).message(lang)  # (any other ``detail``: for logs)


class NotFoundError(DomainError, LookupError):
    """A row gone by the time it was written or read (``str()`` names it in English, for logs)."""

    def message(self, lang: str = "en") -> str:
        return Problem("db_gone").message(lang)


class InUseError(DomainError):
    """A reference (sector, district, enterprise) is still used by projects."""

    def __init__(self, kind: str, name: str, count: int) -> None:
        self.kind, self.name, self.count = kind, name, count
        super().__init__(f"{kind} {name!r} is used by {count} project(s)")

    def message(self, lang: str = "en") -> str:
        code = {"sector": "db_in_use_sector", "district": "db_in_use_district"}.get(self.kind, "db_in_use_enterprise")
        return Problem(code, params={"name": self.name, "count": self.count}).message(lang)


class AccessRefused(DomainError):
    """The server refused a write (or a read) this account may not make: a reader's edit, a
    district account's change of another district's project. Nothing was written."""

    def __init__(self, user: str, detail: str = "") -> None:
        self.user, self.detail = user, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return Problem("db_access_refused", params={"user": self.user}).message(lang)


class DistrictRefused(AccessRefused):
    """A district account's import naming rows of other districts, refused before any write (the server
    would refuse them too): which rows, of which districts, and the account's own (probe34c). Also its
    undo the server refused (``team_district_undo*``): what it may not change, and who may."""

    def __init__(self, user: str, words: dict[str, Any], code: str = "team_district_scope") -> None:
        self.words, self.code = words, code  # the params of team_district_scope (team_district_none: rows naming none)
        super().__init__(user)

    def message(self, lang: str = "en") -> str:
        from zqtracker.domain.messages import MESSAGES

        sep = MESSAGES.say("team_sep", lang)
        own, others = (sep.join(self.words[k]) for k in ("own", "others"))
        params = {**self.words, "user": self.user, "own": own, "others": others}
        return Problem(self.code, params=params).message(lang)


class ReaderRefused(AccessRefused):
    """A write by an account the server lets read only (no privilege to add or change projects), refused
    before any work — the import's backup of the server included — in one sentence (probe28)."""

    def message(self, lang: str = "en") -> str:
        return Problem("db_reader_account", params={"user": self.user}).message(lang)


class RestoreRefused(AccessRefused):
    """A restore onto a server database by an account that does not own it. A restore replaces every
    table, the audit trail included, which only the owner of the tables (the account that set the
    database up, or a superuser) may write — no analyst, district or reader account. ``owners``: the
    owner's role name(s) as the server says, when it could be asked. Nothing was written."""

    def __init__(self, user: str, owners: Sequence[str] = (), detail: str = "") -> None:
        self.owners = tuple(owners)
        super().__init__(user, detail)

    def message(self, lang: str = "en") -> str:
        from zqtracker.domain.messages import MESSAGES

        owner = MESSAGES.say("db_owner_sep", lang).join(self.owners)
        code = "db_restore_owner_only" if self.owners else "db_restore_owner_only_unnamed"
        return Problem(code, params={"user": self.user, "owner": owner}).message(lang)
