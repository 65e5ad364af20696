"""The command line in the language it is asked for (#15): argparse's usage errors too."""

from __future__ import annotations

import pytest

from zqtracker.cli.arguments import in_chinese
from zqtracker.cli.console import ExitCode
from zqtracker.cli.main import main


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
