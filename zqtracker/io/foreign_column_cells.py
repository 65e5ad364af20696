"""A cell of a money column in another currency (总投资（万美元）) that names a currency of its own, for
io/cell_convert.py's conversion at the user's rate. "2000万元" there was read as 2000万 US dollars and
multiplied by the rate: a yuan amount counted 7.1 times over. A cell naming yuan (元, 万元, 人民币, RMB,
CNY, ¥) or another foreign currency is asked about; one naming the column's own currency (2000万美元 under
万美元) is that amount."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.io.cell_currency import foreign_cell

# yuan named in a cell: 元 not part of 美元 / 欧元 / 港元 / 日元 / 加元 / 澳元 …, or 人民币 / RMB / CNY / ¥
_YUAN_RE = re.compile(r"(?<![美欧港日加澳英韩台新])元|人民币|RMB|CNY|[¥￥]", re.IGNORECASE)


def _shown(value: Any) -> str:
    return str(value).strip()  # as typed: "２０００万元", never the folded text


def yuan_named(value: Any, currency: str, field: str) -> None:
    """Raises the question when ``value`` (read as an amount of the column) names yuan."""
    if isinstance(value, str) and _YUAN_RE.search(value):
        params = {"value": _shown(value), "named": "人民币 (yuan)", "currency": currency}
        raise ValidationError(Problem("cell_currency_other", field, params))


def own_currency(value: Any, currency: str, field: str) -> Decimal | None:
    """The amount of a cell naming the column's own currency ("2000万美元" under 万美元: 20,000,000);
    a cell naming another raises the question; None for one naming none (the cell's own refusal stands)."""
    found = foreign_cell(value)
    if found is None:
        return None
    code = "USD" if found[0] == "USD?" else found[0]
    if code != currency:
        raise ValidationError(Problem("cell_currency_other", field, {"value": _shown(value), "named": code,
                                                                      "currency": currency}))  # fmt: skip
    return found[1]
