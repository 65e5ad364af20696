"""Where the CLI writes, and how: injectable streams for tests, JSON without ASCII escapes."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TextIO


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
        print(*parts, file=self.out)

    def error(self, message: str) -> None:
        print(f"zqtracker: {message}", file=self.err)

    def json(self, data: object) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")


def default_lang() -> str:
    for var in ("ZQTRACKER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
