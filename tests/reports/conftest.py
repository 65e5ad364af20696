"""A small database whose every summary figure was worked out by hand (amounts in 万元 below).

    A 储能基地  key, 15亿, under construction, 新型储能 (chain 新能源), 肇庆新区
                2022: Jan–Mar 1,000 each, Sep 9,990;  2023: Jan–Mar 1,500 each, Apr 10,000; plan 2023 12,000
    B 零部件厂  3亿, on hold since 2023-01-10, 汽车零部件, 高要区;   2023-02: 500
    C 零部件二  2亿, cancelled, 汽车零部件, 肇庆新区;               2022-03: 100
    D 储能二期  10亿 (billion), signed 2023-04-20, 新型储能, 高要区; plan 2023 4,000
    E 整车配套  key, 0.5亿, lead since 2023-09-01, 汽车零部件, 端州区; nothing else

2023 January–March: YTD 5,000 (A 4,500 + B 500), same period 2022: 3,100 (A 3,000 + C 100), +61.3%.
"""

from __future__ import annotations

from datetime import date

import pytest

from zqtracker.domain.models import Project, Sector
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext

WAN = 10_000


@pytest.fixture
def hand(ctx: AppContext) -> AppContext:
    P = ctx.projects
    ctx.references.save_sector(Sector("新型储能", parent="新能源"))
    a = P.create(
        Project("A 储能基地", "新型储能", "肇庆新区", Status.UNDER_CONSTRUCTION, 1_500_000_000, code="A",
                enterprise="肇庆甲储能科技有限公司", signed_on=date(2022, 3, 1),
                construction_start_on=date(2022, 6, 1), is_key_project=True)
    )  # fmt: skip
    b = P.create(
        Project("B 零部件厂", "汽车零部件", "高要区", Status.ON_HOLD, 300_000_000, code="B",
                enterprise="高要乙汽车部件有限公司", signed_on=date(2022, 11, 1)),
        status_on=date(2023, 1, 10),
    )  # fmt: skip
    c = P.create(
        Project(
            "C 零部件二", "汽车零部件", "肇庆新区", Status.CANCELLED, 200_000_000, code="C", signed_on=date(2021, 4, 15)
        )
    )
    d = P.create(
        Project("D 储能二期", "新型储能", "高要区", Status.SIGNED, 1_000_000_000, code="D", signed_on=date(2023, 4, 20))
    )
    P.create(
        Project("E 整车配套", "汽车零部件", "端州区", Status.LEAD, 50_000_000, code="E", is_key_project=True),
        status_on=date(2023, 9, 1),
    )
    P.set_investment(a.id, [(2022, 1, 1000 * WAN), (2022, 2, 1000 * WAN), (2022, 3, 1000 * WAN),
                            (2022, 9, 9990 * WAN), (2023, 1, 1500 * WAN), (2023, 2, 1500 * WAN),
                            (2023, 3, 1500 * WAN), (2023, 4, 10000 * WAN)])  # fmt: skip
    P.set_investment(b.id, [(2023, 2, 500 * WAN)])
    P.set_investment(c.id, [(2022, 3, 100 * WAN)])
    P.set_plans(a.id, [(2023, 12000 * WAN)])
    P.set_plans(d.id, [(2023, 4000 * WAN)])
    return ctx
