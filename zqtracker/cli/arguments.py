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
from typing import Any, NoReturn

from zqtracker.cli.console import ExitCode, default_lang
from zqtracker.cli.help_words import HELP
from zqtracker.domain.words import is_zh

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


def h(key: str, **params: object) -> str:
    """The help text ``key`` (cli/help_words.py) in the language of the command line being parsed."""
    return HELP.say(key, ArgumentParser.lang, **params)


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser in the language of the command line: its usage errors, its headings
    ("usage:", "options", "positional arguments") and its -h help; the commands word their own
    descriptions and help with :func:`h`."""

    lang = "en"  # set by the CLI before the parsers are built: every sub-parser shares it

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = h("positionals")
        self._optionals.title = h("options")
        if add_help:  # argparse's own -h, its help worded
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=h("help"))

    def error(self, message: str) -> NoReturn:
        zh = is_zh(ArgumentParser.lang)
        self.print_usage(sys.stderr)
        text = in_chinese(message) if zh else message
        self.exit(ExitCode.REFUSED, HELP.say("error", ArgumentParser.lang, prog=self.prog, text=text))

    def format_usage(self) -> str:
        return _worded_usage(super().format_usage())

    def format_help(self) -> str:
        return _worded_usage(super().format_help())


def _worded_usage(text: str) -> str:
    english = HELP["usage"].en
    return h("usage") + text[len(english) :] if text.startswith(english) else text
