"""A small database with figures worked out by hand, shared by the dashboard and chart tests."""

from __future__ import annotations

from datetime import date

from zqtracker.domain.models import Project, Sector
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.storage.meta import set_meta


def build_hand(ctx: AppContext) -> AppContext:
    """Four projects, records in 2022 and 2023; the database's reference date is 2023-10-31.

    A 新型储能 (chain 新能源), 肇庆新区, under construction, 1.5e9, signed 2022-03-01;
      records 2022 Jan–Mar 100 each and Sep 999; 2023 Jan–Mar 150 each and Apr 1000.
    B 汽车零部件, 高要区, on hold since 2023-01-10, 3e8, signed 2023-02-01; record 2023-02 50.
    C 汽车零部件, 肇庆新区, cancelled, 2e8, signed 2023-04-15; record 2022-03 10.
    D 新型储能, 高要区, signed, 1e9, signed 2023-04-20; no records.
    """
    P = ctx.projects
    ctx.references.save_sector(Sector("新型储能", parent="新能源"))
    a = P.create(Project("A 储能", "新型储能", "肇庆新区", Status.UNDER_CONSTRUCTION, 1_500_000_000, code="A",
                         signed_on=date(2022, 3, 1), construction_start_on=date(2022, 6, 1)))  # fmt: skip
    b = P.create(
        Project("B 零部件", "汽车零部件", "高要区", Status.ON_HOLD, 300_000_000, code="B", signed_on=date(2023, 2, 1)),
        status_on=date(2023, 1, 10),
    )
    c = P.create(
        Project(
            "C 零部件", "汽车零部件", "肇庆新区", Status.CANCELLED, 200_000_000, code="C", signed_on=date(2023, 4, 15)
        )
    )
    P.create(
        Project("D 储能", "新型储能", "高要区", Status.SIGNED, 1_000_000_000, code="D", signed_on=date(2023, 4, 20))
    )
    P.set_investment(a.id, [(2022, 1, 100), (2022, 2, 100), (2022, 3, 100), (2022, 9, 999),
                            (2023, 1, 150), (2023, 2, 150), (2023, 3, 150), (2023, 4, 1000)])  # fmt: skip
    P.set_investment(b.id, [(2023, 2, 50)])
    P.set_investment(c.id, [(2022, 3, 10)])
    with ctx.database.session() as s:
        set_meta(s, "as_of", "2023-10-31")
    return ctx
