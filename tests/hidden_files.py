"""A city list an analyst filtered by district before sending it: rows filtered out by an
AutoFilter and rows hidden by hand, as openpyxl writes them (``<row … hidden="1">``), and the same
workbook saved by LibreOffice Calc as .xls and .ods (ROW records with fDyZero; table-rows with
table:visibility="collapse"/"filter")."""

from __future__ import annotations

import atexit
import hashlib
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import openpyxl

SHEET = "项目清单"
HEAD = ["序号", "项目名称", "所在区域", "计划总投资（万元）", "项目状态", "筛选备注"]
HIDDEN_DATA_ROWS = [5, 8, 9, 10]  # 1-based: 项目3 and 项目6 filtered out (端州区), 项目7 and 项目8 hidden by hand
HIDDEN_RANGES = ((0, 0), (4, 4), (7, 10))  # 0-based, with the hidden title row 1 and 合计 row 11
VISIBLE_NAMES = {"项目1", "项目2", "项目4", "项目5"}
HIDDEN_NAMES = {"项目3", "项目6", "项目7", "项目8"}


def rows() -> list[list]:
    out: list[list] = [["2024年高要区重点项目清单"], HEAD]
    for i in range(1, 9):
        out.append([i, f"项目{i}", "端州区" if i % 3 == 0 else "高要区", 1000 * i, "在建", ""])
    out.append(["合计", None, None, 36000, None, None])
    return out


def filtered_list(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    for row in rows():
        ws.append(row)
    ws.auto_filter.ref = "A2:F10"
    ws.auto_filter.add_filter_column(2, ["高要区"])  # the analyst filtered the city list by district
    for r in (5, 8):  # 端州区's rows, filtered out
        ws.row_dimensions[r].hidden = True
    for r in (9, 10, 1, 11):  # by hand: two projects, the title and the 合计 row (no question for those)
        ws.row_dimensions[r].hidden = True
    wb.save(path)
    return path


# LibreOffice's starts, shared by this test process: one profile (the first start makes it, ~3 s; later ones
# reuse it), and each conversion done once — the same workbook converted for both engines' runs of a test.
_SOFFICE = Path(tempfile.mkdtemp(prefix="zq-soffice-"))
atexit.register(shutil.rmtree, _SOFFICE, True)
_CONVERTED: dict[tuple[str, str], Path] = {}


def _content(src: Path) -> str:
    """The workbook's content: an .xlsx's parts but the time it was written (docProps/core.xml)."""
    digest = hashlib.sha256()
    if zipfile.is_zipfile(src):
        with zipfile.ZipFile(src) as z:
            for name in sorted(z.namelist()):
                if name != "docProps/core.xml":
                    digest.update(name.encode() + b"\0" + z.read(name))
    else:
        digest.update(src.read_bytes())
    return digest.hexdigest()


def converted(src: Path, kind: str, out: Path) -> Path:
    """``src`` saved by LibreOffice Calc as ``kind`` (xls, ods, xlsx) in ``out``, under ``src``'s name."""
    key = (_content(src), kind)
    done = _CONVERTED.get(key)
    if done is None or not done.exists():
        folder = _SOFFICE / f"out{len(_CONVERTED)}"
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{_SOFFICE / 'profile'}", "--convert-to", kind,
             "--outdir", str(folder), str(src)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        done = _CONVERTED[key] = folder / f"{src.stem}.{kind}"
    out.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(done, out / f"{src.stem}.{kind}"))


def has_soffice() -> bool:
    return shutil.which("soffice") is not None
