"""The 18-character unified social credit code (统一社会信用代码, GB 32100-2015)."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_VALUE = {c: i for i, c in enumerate(ALPHABET)}


def check_character(first17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """None when valid, otherwise a short reason (in English: a parameter for the message)."""
    if len(code) != 18:
        return f"{len(code)} characters, 18 expected"
    bad = [c for c in code if c not in _VALUE]
    if bad:
        return f"character {bad[0]!r} is not allowed"
    if check_character(code[:17]) != code[17]:
        return f"check character should be {check_character(code[:17])}"
    return None


def normalize_credit_code(code: str) -> str:
    return code.strip().upper().replace(" ", "")
