"""Moving a bureau's database: ``db copy`` from a SQLite file to a server (or back, or a server
backup onto a server), every table, checked on both sides."""

from __future__ import annotations

from dataclasses import dataclass, field

from zqtracker.domain.words import Catalogue, WordedError
from zqtracker.storage.database import DatabaseOpenError, open_database
from zqtracker.storage.holding import hold_still
from zqtracker.storage.transfer import copy_all, fingerprint, replace_all


@dataclass
class CopyReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)  # per table, as counted on both sides
    checked: bool = False  # row counts and per-table sums equal on both sides
    staff_dropped: list[tuple[str, str]] = field(default_factory=list)  # (account, district) not in the copy


_WORDS = Catalogue(
    "server_admin",
    {
        "not_empty": (
            "{target} is not empty ({busy}); nothing was copied. Use --replace to replace everything it holds.",
            "{target} 不是空的（{busy}）；未复制任何内容。如要替换其中的全部内容，请加 --replace。",
        ),
        "differs": (
            "the copy differs from {source} in {tables}; nothing was copied.",
            "复制结果与 {source} 在 {tables} 上不一致；未复制任何内容。",
        ),
        "not_a_server": (
            "{database} is not a PostgreSQL database: accounts live on a server.",
            "{database} 不是 PostgreSQL 数据库：账户只存在于数据库服务器上。",
        ),
        "unknown_kind": (
            "unknown kind of account {kind!r}: analyst, district or reader",
            "未知的账户类型“{kind}”：可选 analyst（分析员）、district（区县）或 reader（只读）",
        ),
        "district_needs_district": (
            "a district account needs --district (and only it does)",
            "区县账户须给出 --district（也只有区县账户需要）",
        ),
        "no_accounts": (
            "{database} has no accounts yet: run `zqtracker db init-server` first.",
            "{database} 尚未建立账户：请先运行 `zqtracker db init-server`。",
        ),
        "grant_refused": (
            "The server refused this: the account “{user}” may not create or change accounts (only the database's "
            "owner may, or an account the server lets create roles); nothing was changed.",
            "数据库服务器拒绝了此操作：账户“{user}”无权创建或修改账户（只有数据库的所有者，或服务器允许创建角色的账户才可以）；"
            "未做任何更改。",
        ),
        "no_district": ("no district called {district!r} in {database}", "{database} 中没有名为“{district}”的区域"),
    },
)


class CopyRefused(WordedError):
    """One sentence: why the copy was not made (nothing was written)."""


def copy_database(source: str, target: str, *, replace: bool = False) -> CopyReport:
    """Every table of ``source`` into ``target`` (created or brought to this schema first), in one
    transaction on the target; then each table's row count and the sums of its integer columns are
    computed by each database and compared. ``target`` must hold no projects unless ``replace``
    (which replaces everything it holds, its audit trail included)."""
    src = open_database(source, migrate=False, create=False)
    try:
        dst = open_database(target)
    except DatabaseOpenError:
        src.close()
        raise
    report = CopyReport(src.display_name, dst.display_name)
    try:
        snapshot = {"isolation_level": "REPEATABLE READ"} if src.engine.dialect.name == "postgresql" else {}
        with src.engine.connect().execution_options(**snapshot) as s, s.begin(), dst.engine.begin() as d:
            if replace:  # nobody writes meanwhile; a colleague's transaction is waited for 20 s, then named
                hold_still(d, dst.display_name)
            held = fingerprint(d)
            if not replace and any(v["rows"] for v in held.values()):
                busy = ", ".join(f"{k} ({v['rows']})" for k, v in held.items() if v["rows"])
                raise CopyRefused(_WORDS, "not_empty", target=dst.display_name, busy=busy)
            if replace:
                report.staff_dropped = replace_all(d, s)
            else:
                copy_all(s, d)
            theirs, ours = fingerprint(s), fingerprint(d)
            if theirs != ours:
                differing = [t for t in theirs if theirs[t] != ours.get(t)]
                raise CopyRefused(_WORDS, "differs", source=src.display_name, tables=", ".join(differing))
            report.rows = {t: v["rows"] for t, v in ours.items()}
            report.checked = True
    finally:
        src.close()
        dst.close()
    return report


KINDS = ("analyst", "district", "reader")


class AccountError(WordedError):
    """One sentence: why the accounts were not changed (nothing was)."""


def init_server(url: str) -> str:
    """Schema (migrated), the three kinds of account, their grants and row-level policies, on the
    server database at ``url`` (as its owner). Returns the database's display name."""
    from zqtracker.storage.server_roles import init_server as install

    database = open_database(url)
    try:
        if database.engine.dialect.name != "postgresql":
            raise AccountError(_WORDS, "not_a_server", database=database.display_name)
        with database.engine.begin() as conn:
            install(conn)
        return database.display_name
    finally:
        database.close()


def grant(url: str | None, user: str, kind: str, districts: list[str]) -> tuple[bool, list[tuple[str, str, list[str]]]]:
    """Make ``user`` an account of ``kind`` (district staff: of ``districts``, which must exist).
    Returns whether the login role was created, and every account afterwards."""
    from zqtracker.storage.audit import access_refused
    from zqtracker.storage.server_roles import accounts
    from zqtracker.storage.server_roles import grant as give

    if kind not in KINDS:
        raise AccountError(_WORDS, "unknown_kind", kind=kind)
    if (kind == "district") != bool(districts):
        raise AccountError(_WORDS, "district_needs_district")
    database = open_database(url)
    try:
        if database.engine.dialect.name != "postgresql":
            raise AccountError(_WORDS, "not_a_server", database=database.display_name)
        with database.engine.begin() as conn:
            if not conn.exec_driver_sql("SELECT to_regclass('zq_district_staff')").scalar():
                raise AccountError(_WORDS, "no_accounts", database=database.display_name)
            known: dict[str, int] = dict(conn.exec_driver_sql("SELECT name, id FROM districts").all())
            missing = [d for d in districts if d not in known]
            if missing:
                raise AccountError(_WORDS, "no_district", district=missing[0], database=database.display_name)
            created = give(conn, user, kind, [known[d] for d in districts])
            return created, accounts(conn)
    except Exception as exc:
        refused = access_refused(exc, database.engine.url.username or "")
        if refused is None:
            raise
        raise AccountError(_WORDS, "grant_refused", user=refused.user) from None
    finally:
        database.close()
