"""argparse's own sentences — a usage error, the word "usage" — in the language asked for.

argparse words its errors in English before handing them to ``error()``; the parser here words
the usual ones again in Chinese when the command line says ``--lang zh`` (or the environment
does, as for every other message: console.default_lang). A sentence not listed stays as argparse
wrote it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from zqtracker.cli.console import ExitCode, default_lang

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# English (argparse's sentences, as a pattern) → Chinese; the most specific first.
_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.DOTALL), zh)
    for p, zh in (
        (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
        (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
        (r"one of the arguments (.*) is required", "须给出参数 {0} 之一"),
        (r"argument (.+?): invalid choice: (.*) \(choose from (.*)\)", "参数 {0}：无效的选项 {1}（可选：{2}）"),
        (r"argument (.+?): invalid \S+ value: (.*)", "参数 {0}：无效的值 {1}"),
        (r"argument (.+?): expected one argument", "参数 {0} 需要一个值"),
        (r"argument (.+?): expected at least one argument", "参数 {0} 至少需要一个值"),
        (r"argument (.+?): expected at most one argument", "参数 {0} 至多接受一个值"),
        (r"argument (.+?): expected (\d+) arguments?", "参数 {0} 需要 {1} 个值"),
        (r"argument (.+?): not allowed with argument (.*)", "参数 {0} 不能与参数 {1} 同时使用"),
        (r"argument (.+?): ignored explicit argument (.*)", "参数 {0} 不接受值 {1}"),
        (r"ambiguous option: (.+?) could match (.*)", "选项 {0} 有歧义，可能是：{1}"),
    )
]


def lang_of(argv: Sequence[str]) -> str:
    """The language a command line asks for, before it is parsed: ``--lang zh`` anywhere in it."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return default_lang()


def in_chinese(message: str) -> str:
    for pattern, zh in _ZH:
        found = pattern.fullmatch(message)
        if found is not None:
            return zh.format(*found.groups())
    return message


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, its usage errors worded in the language of the command line."""

    lang = "en"  # set by the CLI before parsing: every sub-parser shares it

    def error(self, message: str) -> NoReturn:
        zh = ArgumentParser.lang.startswith("zh")
        self.print_usage(sys.stderr)
        text = in_chinese(message) if zh else message
        self.exit(ExitCode.REFUSED, f"{self.prog}: 错误：{text}\n" if zh else f"{self.prog}: error: {text}\n")

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        usage = self.format_usage()
        if ArgumentParser.lang.startswith("zh") and usage.startswith("usage: "):
            usage = "用法：" + usage[len("usage: ") :]
        self._print_message(usage, file or sys.stdout)
