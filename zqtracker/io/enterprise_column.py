"""Of an investor's column and the project company's beside it, the enterprise is the project company's
(probe37c P37c-2).

A list headed 投资方 | 建设单位 (or 投资主体 | 业主单位) names two enterprises in each row: the group that
invests (广州某某集团股份有限公司) and the company that builds and owns the project (肇庆某某有限公司). Both
headers name the enterprise (io/header_words.py), so whichever came first took the field and the other was
left out as a duplicate: the stored enterprise hung on the column order. The project's enterprise is its
project company — the 建设单位 / 业主单位 / 项目单位 — whatever the order; the investor's column is not
imported, with a note naming it and why. (A project stores one enterprise; investor_origin is whether the
capital is domestic or foreign, not the investor's name.)
"""

from __future__ import annotations

from zqtracker.io.header_periods import IGNORED_PREFIX
from zqtracker.io.headers import split_unit
from zqtracker.io.layout_model import ColumnInfo, SheetLayout

_INVESTOR = frozenset(
    ("投资方", "投资主体", "投资商", "投资商名称", "投资方名称", "投资人", "投资企业", "投资企业名称", "investor",
     "investor name")
)  # fmt: skip
_PROJECT_COMPANY = frozenset(
    ("建设单位", "业主单位", "项目单位", "项目业主", "项目业主单位", "项目建设单位", "项目法人", "项目法人单位",
     "建设主体", "实施主体", "项目实施单位", "project owner", "owner", "developer")
)  # fmt: skip
_DUPLICATE = "duplicate:enterprise"
INVESTOR = IGNORED_PREFIX + "investor"


def _says(info: ColumnInfo, words: frozenset[str]) -> bool:
    return split_unit(info.header.split(" / ")[-1])[0] in words


def project_company(layout: SheetLayout) -> None:
    """The enterprise read from the project company's column when an investor's column took it; the
    investor's column not imported (said), though a user turning the company's off brings it back."""
    read = next((c for c in layout.columns if c.field == "enterprise" and not c.joined), None)
    if read is None or not _says(read, _INVESTOR | _PROJECT_COMPANY):
        return
    company = read
    if _says(read, _INVESTOR):
        beside = (c for c in layout.columns if c.note == _DUPLICATE and not c.hidden and _says(c, _PROJECT_COMPANY))
        company = next(beside, read)
        if company is read:
            return
        cand = next(m for m in company.candidates if m.field == "enterprise")
        company.field, company.quality, company.rank, company.note = "enterprise", cand.quality, cand.rank, ""
        read.field, read.note = INVESTOR, _DUPLICATE
    for info in layout.columns:  # (建设单位 first: the investor's column beside it is said as the investor's)
        if info is not company and info.note == _DUPLICATE and _says(info, _INVESTOR):
            info.field = INVESTOR
