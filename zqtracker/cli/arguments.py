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

# argparse's sentences as patterns, each with its key in cli/help_words.py; the most specific first.
_ARGPARSE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"unrecognized arguments: (?P<args>.*)", "argparse.unrecognized"),
        (r"the following arguments are required: (?P<args>.*)", "argparse.required"),
        (r"one of the arguments (?P<args>.*) is required", "argparse.one_required"),
        (r"argument (?P<arg>.+?): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", "argparse.choice"),
        (r"argument (?P<arg>.+?): invalid \S+ value: (?P<value>.*)", "argparse.value"),
        (r"argument (?P<arg>.+?): expected one argument", "argparse.one"),
        (r"argument (?P<arg>.+?): expected at least one argument", "argparse.at_least_one"),
        (r"argument (?P<arg>.+?): expected at most one argument", "argparse.at_most_one"),
        (r"argument (?P<arg>.+?): expected (?P<count>\d+) arguments?", "argparse.count"),
        (r"argument (?P<arg>.+?): not allowed with argument (?P<other>.*)", "argparse.not_with"),
        (r"argument (?P<arg>.+?): ignored explicit argument (?P<value>.*)", "argparse.ignored"),
        (r"ambiguous option: (?P<arg>.+?) could match (?P<matches>.*)", "argparse.ambiguous"),
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
    for pattern, key in _ARGPARSE:
        found = pattern.fullmatch(message)
        if found is not None:
            return HELP.say(key, "zh", **found.groupdict())
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
