"""The search's fold on a PostgreSQL server: the same as SQLite's (domain.filters.fold, Python's
NFKC + casefold), as a SQL function ``zq_fold`` — no extension, no superuser.

Revision ID: 0008_server_fold
Revises: 0007_rounds
Create Date: 2026-12-03

SQLite calls the Python fold itself (registered on every connection). On a server, ``lower`` under
the database's own locale (a "C" database lowers ASCII only) and lower case is not case folding
(ß, ς, ſ, Cherokee, Greek with iota subscript …), so a search could find other rows than on SQLite.
``zq_fold`` lowers the NFKC form under ICU's root locale (the database's locale when the server has
no ICU), then folds the ~180 lower-case letters whose case folding differs from lower case — only
in a value holding one of them (one regular-expression test), the tables below frozen from Python
3.11's Unicode 14 — and takes the NFKC form again. A single SQL expression: the planner inlines it.
Nothing on SQLite.
"""

from __future__ import annotations

from alembic import op

revision = "0008_server_fold"
down_revision = "0007_rounds"
branch_labels = None
depends_on = None

# Letters whose case folding is one other letter (from, to), and those that fold to several.
ONE_FROM = (
    "\u00b5\u017f\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u13f8\u13f9\u13fa\u13fb\u13fc\u13fd\u1c80\u1c81\u1c82"
    "\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1fbe\uab70\uab71\uab72\uab73\uab74\uab75\uab76\uab77\uab78\uab79\uab7a\uab7b"
    "\uab7c\uab7d\uab7e\uab7f\uab80\uab81\uab82\uab83\uab84\uab85\uab86\uab87\uab88\uab89\uab8a\uab8b\uab8c\uab8d\uab8e\uab8f"
    "\uab90\uab91\uab92\uab93\uab94\uab95\uab96\uab97\uab98\uab99\uab9a\uab9b\uab9c\uab9d\uab9e\uab9f\uaba0\uaba1\uaba2\uaba3"
    "\uaba4\uaba5\uaba6\uaba7\uaba8\uaba9\uabaa\uabab\uabac\uabad\uabae\uabaf\uabb0\uabb1\uabb2\uabb3\uabb4\uabb5\uabb6\uabb7"
    "\uabb8\uabb9\uabba\uabbb\uabbc\uabbd\uabbe\uabbf"
)
ONE_TO = (
    "\u03bcs\u03b9\u03c3\u03b2\u03b8\u03c6\u03c0\u03ba\u03c1\u03b5\u13f0\u13f1\u13f2\u13f3\u13f4\u13f5\u0432\u0434\u043e"
    "\u0441\u0442\u0442\u044a\u0463\ua64b\u1e61\u03b9\u13a0\u13a1\u13a2\u13a3\u13a4\u13a5\u13a6\u13a7\u13a8\u13a9\u13aa\u13ab"
    "\u13ac\u13ad\u13ae\u13af\u13b0\u13b1\u13b2\u13b3\u13b4\u13b5\u13b6\u13b7\u13b8\u13b9\u13ba\u13bb\u13bc\u13bd\u13be\u13bf"
    "\u13c0\u13c1\u13c2\u13c3\u13c4\u13c5\u13c6\u13c7\u13c8\u13c9\u13ca\u13cb\u13cc\u13cd\u13ce\u13cf\u13d0\u13d1\u13d2\u13d3"
    "\u13d4\u13d5\u13d6\u13d7\u13d8\u13d9\u13da\u13db\u13dc\u13dd\u13de\u13df\u13e0\u13e1\u13e2\u13e3\u13e4\u13e5\u13e6\u13e7"
    "\u13e8\u13e9\u13ea\u13eb\u13ec\u13ed\u13ee\u13ef"
)
# fmt: off
MANY = {
    "\u00df": "ss", "\u0149": "\u02bcn", "\u01f0": "j\u030c", "\u0390": "\u03b9\u0308\u0301",
    "\u03b0": "\u03c5\u0308\u0301", "\u0587": "\u0565\u0582", "\u1e96": "h\u0331", "\u1e97": "t\u0308",
    "\u1e98": "w\u030a", "\u1e99": "y\u030a", "\u1e9a": "a\u02be", "\u1f50": "\u03c5\u0313",
    "\u1f52": "\u03c5\u0313\u0300", "\u1f54": "\u03c5\u0313\u0301", "\u1f56": "\u03c5\u0313\u0342",
    "\u1f80": "\u1f00\u03b9", "\u1f81": "\u1f01\u03b9", "\u1f82": "\u1f02\u03b9", "\u1f83": "\u1f03\u03b9",
    "\u1f84": "\u1f04\u03b9", "\u1f85": "\u1f05\u03b9", "\u1f86": "\u1f06\u03b9", "\u1f87": "\u1f07\u03b9",
    "\u1f90": "\u1f20\u03b9", "\u1f91": "\u1f21\u03b9", "\u1f92": "\u1f22\u03b9", "\u1f93": "\u1f23\u03b9",
    "\u1f94": "\u1f24\u03b9", "\u1f95": "\u1f25\u03b9", "\u1f96": "\u1f26\u03b9", "\u1f97": "\u1f27\u03b9",
    "\u1fa0": "\u1f60\u03b9", "\u1fa1": "\u1f61\u03b9", "\u1fa2": "\u1f62\u03b9", "\u1fa3": "\u1f63\u03b9",
    "\u1fa4": "\u1f64\u03b9", "\u1fa5": "\u1f65\u03b9", "\u1fa6": "\u1f66\u03b9", "\u1fa7": "\u1f67\u03b9",
    "\u1fb2": "\u1f70\u03b9", "\u1fb3": "\u03b1\u03b9", "\u1fb4": "\u03ac\u03b9", "\u1fb6": "\u03b1\u0342",
    "\u1fb7": "\u03b1\u0342\u03b9", "\u1fc2": "\u1f74\u03b9", "\u1fc3": "\u03b7\u03b9",
    "\u1fc4": "\u03ae\u03b9", "\u1fc6": "\u03b7\u0342", "\u1fc7": "\u03b7\u0342\u03b9",
    "\u1fd2": "\u03b9\u0308\u0300", "\u1fd3": "\u03b9\u0308\u0301", "\u1fd6": "\u03b9\u0342",
    "\u1fd7": "\u03b9\u0308\u0342", "\u1fe2": "\u03c5\u0308\u0300", "\u1fe3": "\u03c5\u0308\u0301",
    "\u1fe4": "\u03c1\u0313", "\u1fe6": "\u03c5\u0342", "\u1fe7": "\u03c5\u0308\u0342",
    "\u1ff2": "\u1f7c\u03b9", "\u1ff3": "\u03c9\u03b9", "\u1ff4": "\u03ce\u03b9", "\u1ff6": "\u03c9\u0342",
    "\u1ff7": "\u03c9\u0342\u03b9", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
    "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\ufb13": "\u0574\u0576", "\ufb14": "\u0574\u0565",
    "\ufb15": "\u0574\u056b", "\ufb16": "\u057e\u0576", "\ufb17": "\u0574\u056d",
}
# Code points (ranges) whose NFKC form or its lower case holds one of those letters, or Σ (lowered to
# ς at a word's end): a value without any of them needs no folding beyond lower case.
GUARD = (
    (0x00B5, 0x00B5), (0x00DF, 0x00DF), (0x0149, 0x0149), (0x017F, 0x017F), (0x01F0, 0x01F0),
    (0x0345, 0x0345), (0x037A, 0x037A), (0x0390, 0x0390), (0x03A3, 0x03A3), (0x03B0, 0x03B0),
    (0x03C2, 0x03C2), (0x03D0, 0x03D1), (0x03D5, 0x03D6), (0x03F0, 0x03F2), (0x03F5, 0x03F5),
    (0x03F9, 0x03F9), (0x0587, 0x0587), (0x13A0, 0x13F5), (0x13F8, 0x13FD), (0x1C80, 0x1C88),
    (0x1E96, 0x1E9B), (0x1E9E, 0x1E9E), (0x1F50, 0x1F50), (0x1F52, 0x1F52), (0x1F54, 0x1F54),
    (0x1F56, 0x1F56), (0x1F80, 0x1FAF), (0x1FB2, 0x1FB4), (0x1FB6, 0x1FB7), (0x1FBC, 0x1FBC),
    (0x1FBE, 0x1FBE), (0x1FC2, 0x1FC4), (0x1FC6, 0x1FC7), (0x1FCC, 0x1FCC), (0x1FD2, 0x1FD3),
    (0x1FD6, 0x1FD7), (0x1FE2, 0x1FE4), (0x1FE6, 0x1FE7), (0x1FF2, 0x1FF4), (0x1FF6, 0x1FF7),
    (0x1FFC, 0x1FFC), (0xAB70, 0xABBF), (0xFB00, 0xFB06), (0xFB13, 0xFB17), (0x1D6BA, 0x1D6BA),
    (0x1D6D3, 0x1D6D3), (0x1D6F4, 0x1D6F4), (0x1D70D, 0x1D70D), (0x1D72E, 0x1D72E), (0x1D747, 0x1D747),
    (0x1D768, 0x1D768), (0x1D781, 0x1D781), (0x1D7A2, 0x1D7A2), (0x1D7BB, 0x1D7BB),
)
# fmt: on


def fold_sql(icu: bool) -> str:
    """The body of zq_fold(value text)."""
    collate = ' COLLATE "und-x-icu"' if icu else ""
    lowered = f"lower(normalize(value, NFKC){collate})"
    folded = lowered
    for letter, to in MANY.items():
        folded = f"replace({folded}, '{letter}', '{to}')"
    folded = f"translate({folded}, '{ONE_FROM}', '{ONE_TO}')"
    guard = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in GUARD)
    return f"SELECT normalize(CASE WHEN value ~ '[{guard}]' THEN {folded} ELSE {lowered} END, NFKC)"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    icu = bool(bind.exec_driver_sql("SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'").first())
    body = fold_sql(icu)
    op.execute(
        f"CREATE OR REPLACE FUNCTION zq_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        f"AS $zq_fold$ {body} $zq_fold$"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS zq_fold(text)")
