"""Stored names folded all at once (import_matching.name_keys) fold exactly as one by one (name_key):
the key a re-import matches rows by must not depend on which of the two folded it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zqtracker.services.import_matching import name_key, name_keys

NAMES = [
    "恒通光伏组件扩产项目", "恒通光伏组件扩产", "★华南电池项目", "华南电池项目●", "（一期）新材料项目",
    "ＡＢＣ　新能源项目",
    "【重点】智能装备项目", "[A]区 厂房", "“绿色”食品项目", "项目", "Project", "Solar PROJECT", "ΣΑΣ Project",
    "e\u0301 combining", "\u0301leading mark", "", " ", "项目项目", "ﬁ ligature", "Ⅻ期工程", "a\u3000b\tc\nd",
    "★", "※注", "ΟΔΟΣ", "Σ", "x\u00adsoft hyphen", "）\u0301x", "Ａ\u0301（一期）项目", "（二期）",
]  # fmt: skip


def test_curated_names_fold_alike() -> None:
    assert name_keys(NAMES) == [name_key(n) for n in NAMES]
    assert name_keys(["a\x00b", "项目一项目"]) == [name_key("a\x00b"), name_key("项目一项目")]  # NUL: one by one
    assert name_keys([]) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=12), max_size=8))
def test_any_names_fold_alike(names: list[str]) -> None:
    assert name_keys(names) == [name_key(n) for n in names]
