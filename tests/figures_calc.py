"""The database whose export and template went through LibreOffice Calc (tests/data/figures_calc/).

One function builds it, for the script that makes the re-saved files and for the tests that import
them back, so the two always describe the same figures: amounts with every digit down to the
yuan (12.34567891亿元), land areas such as 60 and 12.3456 mu, a 1–8月 span beside monthly records.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from zqtracker.domain.cumulative import YtdReport
from zqtracker.domain.models import InvestorOrigin, Project, ProjectType
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.cumulative import CumulativeService

FOLDER = Path(__file__).resolve().parent / "data" / "figures_calc"
# what Calc re-saved, by the name of its file in FOLDER: (format, what the import must say)
RESAVED = ("export.xlsx", "export.xls", "export.ods", "export-projects.csv", "export-monthly.csv",
           "export-en.xlsx", "export-en-projects.csv", "export-en-monthly.csv")  # fmt: skip


def build(ctx: AppContext) -> None:
    P = ctx.projects
    specs = [
        ("ZQ-001", "储能电池项目", "新型储能", "肇庆新区", Status.UNDER_CONSTRUCTION, 1_234_567_891, Decimal(60),
         date(2023, 3, 15)),
        ("ZQ-002", "汽车零部件扩产", "汽车零部件", "高要区", Status.SIGNED, 87_649_500, Decimal("12.3456"),
         date(2022, 11, 30)),
        ("ZQ-003", "光伏组件项目", "光伏", "高新区", Status.IN_PRODUCTION, 500_000_001, None, date(2021, 6, 1)),
        ("007", "食品加工项目", "绿色食品", "高要区", Status.PREPARING, 19, Decimal("0.5"), None),
    ]  # fmt: skip
    ids = []
    for code, name, sector, district, status, planned, land, signed in specs:
        # 新建 / 内资 given: the re-saved files carry them (written when the app still invented them)
        p = P.create(Project(name, sector, district, status, planned, code=code, land_area_mu=land, signed_on=signed,
                             expected_annual_tax=planned // 7, expected_annual_output=planned * 3 + 1,
                             project_type=ProjectType.NEW, investor_origin=InvestorOrigin.DOMESTIC))  # fmt: skip
        ids.append(p.id)
    P.set_investment(ids[0], [(2023, m, 12_345_678 + m) for m in range(1, 10)])
    P.set_investment(ids[2], [(2022, 12, 1), (2023, 9, 99_999_999)])
    CumulativeService(ctx.database).record([YtdReport(ids[1], 2023, 8, 3_333_333_333)])  # 1–8月 as one figure
