"""The command line in the language it is asked for (#15): argparse's usage errors too."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from zqtracker.charts import CHART_NAMES
from zqtracker.cli.arguments import in_chinese
from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import build_parser, main


@pytest.mark.parametrize(
    ("argv", "en", "zh"),
    [
        (["list", "--bogus"], "unrecognized arguments: --bogus", "无法识别的参数：--bogus"),
        (["list", "--status"], "argument --status: expected one argument", "参数 --status 需要一个值"),
        (["show"], "the following arguments are required", "缺少必需的参数"),
        (["chart", "nonsense", "x.png"], "invalid choice: 'nonsense'", "无效的选项 'nonsense'"),
    ],
)
def test_a_usage_error_speaks_the_language_asked_for(capsys, argv: list[str], en: str, zh: str) -> None:
    for lang, words in (("en", en), ("zh", zh)):
        with pytest.raises(SystemExit) as exited:
            main(["--lang", lang, *argv])
        assert exited.value.code == ExitCode.REFUSED
        err = capsys.readouterr().err
        assert words in err, err
        if lang == "zh":
            assert err.startswith("用法：") and "错误：" in err and "error:" not in err
        else:
            assert err.startswith("usage: ") and "error: " in err


def test_the_language_comes_from_the_environment_without_lang(capsys, monkeypatch) -> None:
    monkeypatch.setenv("ZQTRACKER_LANG", "zh_CN")
    with pytest.raises(SystemExit):
        main(["list", "--bogus"])
    assert "无法识别的参数：--bogus" in capsys.readouterr().err


def test_a_sentence_argparse_has_not_listed_stays_as_it_came() -> None:
    assert in_chinese("something new in argparse") == "something new in argparse"


# Every parser the CLI has, as the words that reach its --help.
HELP_COMMANDS = [
    [],
    *[[c] for c in ("summary", "list", "show", "chart", "demo", "db", "report", "export", "template", "import")],
    *[["db", c] for c in ("backup", "check", "upgrade", "restore", "recover", "copy", "init-server", "grant")],
    ["round"],
    *[["round", c] for c in ("create", "status", "collect", "close", "remind")],
    ["history"],
]
# Three English words in a row: a sentence left untranslated (option names, metavars and choices
# are single tokens; "zqtracker import list.xlsx --unit yi" in an example is code, not words).
ENGLISH_RUN = re.compile(r"(?<![-\w.{,=])[A-Za-z]{2,}(?: [a-z]{2,}){2,}(?![\w}])")


def _help(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: " ".join(c) or "zqtracker")
def test_help_is_chinese_with_lang_zh_before_or_after_the_command(capsys, command: list[str]) -> None:
    for argv in (["--lang", "zh", *command, "--help"], [*command, "--help", "--lang", "zh"]):
        out = _help(capsys, argv)
        assert out.startswith("用法：zqtracker"), out
        assert "选项" in out and "显示本帮助信息并退出" in out, out
        for english in ("usage:", "options:", "positional arguments", "show this help"):
            assert english not in out, (argv, english)
        text = out.split("\n\n", 1)[1]  # after the usage (the command line itself)
        text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("zqtracker "))  # examples
        for name in CHART_NAMES:  # the chart names a user types
            text = text.replace(name, "")
        assert not ENGLISH_RUN.findall(text), (argv, ENGLISH_RUN.findall(text))


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: " ".join(c) or "zqtracker")
def test_help_stays_english_without_lang(capsys, monkeypatch, command: list[str]) -> None:
    for var in ("ZQTRACKER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    out = _help(capsys, [*command, "--help"])
    assert out.startswith("usage: zqtracker") and "options:" in out and "show this help message and exit" in out
    prose = "\n".join(line for line in out.splitlines() if not line.strip().startswith("zqtracker "))  # examples
    assert not re.search(r"[\u4e00-\u9fff]{3,}", prose), out  # 万元 / 亿元 only


def test_help_speaks_the_environments_language(capsys, monkeypatch) -> None:
    monkeypatch.setenv("ZQTRACKER_LANG", "zh_CN.UTF-8")
    out = _help(capsys, ["report", "--help"])
    assert out.startswith("用法：") and "要写入的 PDF（写完后才替换原文件）" in out


def test_the_english_help_reads_as_before(capsys) -> None:
    """The help moved into the catalogue word for word."""
    out = _help(capsys, ["--lang", "en", "report", "--help"])
    assert "the PDF to write (replaced only once it is complete)" in out
    assert "positional arguments:" in out and "filters:" in out
    out = " ".join(_help(capsys, ["--lang", "en", "chart", "--help"]).split())
    assert "Charts — monthly: completed investment per month, this year against last" in out
    assert "one of: monthly yoy sectors districts pipeline signed" in out


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("unrecognized arguments: --x y", "无法识别的参数：--x y"),
        ("the following arguments are required: FILE", "缺少必需的参数：FILE"),
        ("one of the arguments --a --b is required", "须给出参数 --a --b 之一"),
        (
            "argument --view: invalid choice: 'x' (choose from 'a', 'b')",
            "参数 --view：无效的选项 'x'（可选：'a', 'b'）",
        ),
        ("argument --year: invalid int value: 'abc'", "参数 --year：无效的值 'abc'"),
        ("argument --status: expected one argument", "参数 --status 需要一个值"),
        ("argument FILE: expected at least one argument", "参数 FILE 至少需要一个值"),
        ("argument X: expected at most one argument", "参数 X 至多接受一个值"),
        ("argument X: expected 2 arguments", "参数 X 需要 2 个值"),
        ("argument --a: not allowed with argument --b", "参数 --a 不能与参数 --b 同时使用"),
        ("argument --key: ignored explicit argument 'yes'", "参数 --key 不接受值 'yes'"),
        ("ambiguous option: --s could match --sheet, --sector", "选项 --s 有歧义，可能是：--sheet, --sector"),
    ],
)
def test_argparse_sentences_in_chinese_from_the_catalogue(english: str, chinese: str) -> None:
    assert in_chinese(english) == chinese


CJK = re.compile(r"[\u3400-\u9fff]")


def _parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _helps(lang: str) -> dict[tuple[str, ...], str | None]:
    """Every argument, option and command of the CLI, by where it is ("db recover", "damaged"), with
    the help ``--lang LANG`` gives it."""
    found: dict[tuple[str, ...], str | None] = {}
    for path, parser in _parsers(build_parser(["--lang", lang])):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for command in action._choices_actions:
                    found[(*path, command.dest, "(command)")] = command.help
            else:
                found[(*path, "/".join(action.option_strings) or action.dest)] = action.help
    return found


def test_every_argument_and_option_has_help_in_both_languages() -> None:
    """Nothing a user may type is left without a word in --help, nor hidden (argparse.SUPPRESS);
    under --lang zh every one reads Chinese."""
    en, zh = _helps("en"), _helps("zh")
    assert len(en) > 150 and en.keys() == zh.keys()
    unworded = [" ".join(where) for where, text in en.items() if not text or text == argparse.SUPPRESS]
    assert not unworded, unworded
    not_chinese = [(" ".join(where), text) for where, text in zh.items() if not text or not CJK.search(text)]
    assert not not_chinese, not_chinese
    chinese_in_english = [(" ".join(w), t) for w, t in en.items() if re.search(r"[\u4e00-\u9fff]{3,}", t or "")]
    assert not chinese_in_english, chinese_in_english


def test_every_parser_is_among_the_help_commands_and_formats_in_both_languages() -> None:
    """The Chinese --help test above walks HELP_COMMANDS: a command added without being listed
    there would escape it. Each parser's help also formats in both languages (a stray % in a
    Chinese help breaks argparse's formatting)."""
    for lang in ("en", "zh"):
        paths = []
        for path, parser in _parsers(build_parser(["--lang", lang])):
            paths.append(list(path))
            assert parser.format_help()
        assert sorted(paths) == sorted(HELP_COMMANDS), lang
