"""A money cell's refusal says the cell as the user typed it, not as it was read.

parse_money_cell reads a text cell folded to half-width (NFKC: "３０００ｘ" → "3000x", "-３,０００" → "-3,000"); the
problem then quoted that folded text, which is in no cell, so the user could not find what to correct (fix36 F2).
Here the folded text in a problem's parameters is put back as written (trimmed of the spaces around it) — and a
month's own amount below 0 is worded as the correction it is (negative_month), as it was before.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem, ValidationError


def as_written(exc: ValidationError, read: object, written: object, field: str) -> ValidationError:
    """``exc`` (raised reading ``read``, the folded text of the cell ``written``) quoting ``written``."""
    typed = written.strip() if isinstance(written, str) else None
    swap = isinstance(read, str) and typed is not None and typed != read
    out = []
    for p in exc.problems:
        params = p.params
        if swap:
            params = {k: _put_back(v, read, typed) for k, v in params.items()}  # type: ignore[arg-type]
        code = "negative_month" if field == "amount" and p.code == "negative_money" else p.code  # told how
        out.append(Problem(code, p.field, params))
    return ValidationError(out)


def _put_back(value: object, read: str, typed: str) -> object:
    """``typed`` for ``read``, also where ``read`` begins the parameter ("-3,000" + the column's "万元")."""
    if value is read or value == read:
        return typed
    if isinstance(value, str) and read and value.startswith(read):
        return typed + value[len(read) :]
    return value
