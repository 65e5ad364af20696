"""Errors the core raises on purpose word themselves in both languages, so the CLI (which prints
``message(lang)``) never shows English under --lang zh."""

from __future__ import annotations

import re

import pytest

from zqtracker.domain.errors import ConcurrentUpdateError, InUseError, NotFoundError

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.mark.parametrize(
    ("error", "en", "zh"),
    [
        (ConcurrentUpdateError(7, 3), "changed or deleted a project since", "他人在读取之后修改或删除了某个项目"),
        (ConcurrentUpdateError(0, what="database"), "changed or deleted the database", "修改或删除了数据库"),
        (InUseError("district", "高要区", 12), "district “高要区” is still used by 12", "区域“高要区”仍有12个项目使用"),
        (InUseError("sector", "新能源", 2), "sector “新能源” is still used by 2 project(s) or", "行业“新能源”仍有2个"),
        (InUseError("enterprise", "某公司", 1), "enterprise “某公司” is still used by 1", "企业“某公司”仍有1个"),
        (NotFoundError("project 9 does not exist"), "no longer exists", "该记录已不存在"),
    ],
)
def test_each_error_words_itself(error, en, zh):
    assert en in error.message("en")
    chinese = error.message("zh_CN")
    assert zh in chinese
    assert not LATIN_WORD.search(chinese), chinese
