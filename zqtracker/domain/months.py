"""Month names in English (Chinese needs none: "10月"). Fixed here rather than taken from the
``calendar`` module, whose names follow the process's locale."""

from __future__ import annotations

MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December")  # fmt: skip
MONTH_ABBREVIATIONS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
