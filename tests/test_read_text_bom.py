"""A CSV whose UTF-8 byte-order mark lies — GB18030 (GBK) text behind it — is refused naming the mark,
not as text "pasted together from files saved in two encodings" (probe36b x18e)."""

from __future__ import annotations

import codecs
from pathlib import Path

from test_read_hostile import assert_refused, run

from zqtracker.io.errors import WorkbookRefused
from zqtracker.io.reader import read_workbook

LIST = "项目名称,所在区域,计划总投资（万元）\n华南新能源电池项目,高要区,5000\n金利五金扩产项目,高要区,3000\n"


def test_a_utf8_mark_before_gbk_text_is_refused_naming_the_mark(db_path: Path, tmp_path: Path) -> None:
    plain = tmp_path / "gbk.csv"
    plain.write_bytes(LIST.encode("gbk"))
    status, out, err = run("--db", str(db_path), "import", str(plain), "--dry-run")
    assert status == 0 and "2 added" in out, (out, err)  # the same text without the mark: read
    path = tmp_path / "marked.csv"
    path.write_bytes(codecs.BOM_UTF8 + LIST.encode("gbk"))
    assert_refused(db_path, path, "text_bom_gb18030", "byte-order mark saying its text is UTF-8", "字节顺序标记（BOM）")
    ascii_first = tmp_path / "ascii-first.csv"  # GB18030 reads the mark as 锘 and an ASCII header as its own
    ascii_first.write_bytes(codecs.BOM_UTF8 + ("code," + LIST.replace("\n", ",\n", 1)).encode("gbk"))
    assert_refused(
        db_path, ascii_first, "text_bom_gb18030", "byte-order mark saying its text is UTF-8", "字节顺序标记（BOM）"
    )
    pasted = tmp_path / "pasted.csv"  # UTF-8 first, then a GBK row: two files pasted together, as before
    pasted.write_bytes(codecs.BOM_UTF8 + LIST.encode() + "鼎湖五金项目,鼎湖区,15000\n".encode("gbk"))
    try:
        read_workbook(pasted)
    except WorkbookRefused as exc:
        assert exc.code == "text_encoding", str(exc)
    else:
        raise AssertionError("read")
