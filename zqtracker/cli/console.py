"""Where the CLI writes, and how: injectable streams for tests, JSON without ASCII escapes."""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TextIO

from zqtracker.cli.words import WORDS
from zqtracker.domain.words import norm_lang

# What a file may carry that a terminal would act on (escape sequences, a bell) or that reverses the
# text around it (bidirectional overrides): written as \x1b / \u202e, never sent raw.
_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` safe to print: control and direction-override characters as escapes."""
    if text.isprintable() or not _UNSAFE_RE.search(text):
        return text
    return _UNSAFE_RE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


class ExitCode(IntEnum):
    OK = 0
    INVALID_INPUT = 1  # rows or values were refused; nothing written unless asked
    REFUSED = 2  # the file or database cannot be used at all (also argparse usage errors)
    INTERNAL_ERROR = 3
    INTERRUPTED = 130


@dataclass
class Console:
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    lang: str = "en"

    def print(self, *parts: object) -> None:
        print(*(shown(str(p)) for p in parts), file=self.out)

    def error(self, message: str) -> None:
        print(f"zqtracker: {shown(message)}", file=self.err)

    def json(self, data: object) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")

    def say(self, key: str, **params: object) -> str:
        """The sentence ``key`` of cli/words.py in the console's language."""
        return WORDS.say(key, self.lang, **params)


def default_lang() -> str:
    for var in ("ZQTRACKER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return norm_lang(value)
    return "en"


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters (East Asian wide or full-width) two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (left-aligned, or ``right``)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill
