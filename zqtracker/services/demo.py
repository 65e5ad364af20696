"""A synthetic data set shaped like Zhaoqing's published figures (2023, January–September).

About 310 manufacturing projects signed in 2023 worth 68.9 billion yuan in total, about 20 of
them at or above 1 billion, on top of projects signed in 2020–2022; monthly completed investment
for 2022 and 2023 with year-on-year growth near +11.9%. Every name is invented and every project
carries a demo note; the database is marked ``demo`` so each view, export and report says so.

Besides them, a handful of negotiating leads (在谈项目) as real lead lists carry them: no code, no
signing date, and some without an amount, a district or a sector — so that the incomplete marks,
the "missing" filter and the totals' "N projects without an amount" have something to show. They
have no investment records and are recent, so every other figure stays as it was.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from zqtracker.domain.credit_code import ALPHABET, check_character
from zqtracker.domain.models import (
    AnnualPlan,
    Enterprise,
    InvestmentRecord,
    InvestorOrigin,
    Project,
    ProjectType,
    StatusChange,
)
from zqtracker.domain.status import Status
from zqtracker.storage.bulk import (
    ensure_enterprises,
    insert_investment,
    insert_plans,
    insert_projects,
    insert_status_changes,
)
from zqtracker.storage.database import Database
from zqtracker.storage.meta import set_meta
from zqtracker.storage.references import ReferenceRepository

DEMO_NOTE = "演示数据 Demo data"
AS_OF = date(2023, 9, 30)
SIGNED_2023_TARGET = 68_900_000_000  # yuan, for the default 310 projects signed in 2023
DEFAULT_PROJECTS = 560  # 310 signed in 2023 + 250 carried over from 2020–2022

CHAINS: dict[str, list[str]] = {
    "新能源": ["新型储能", "光伏", "氢能"],
    "汽车": ["新能源汽车整车", "汽车零部件"],
    "电子信息": ["电子元器件", "半导体及集成电路"],
    "先进装备制造": ["高端装备", "智能装备"],
    "新材料": ["金属新材料", "化工新材料"],
    "生物医药": ["生物医药"],
    "能源": ["能源"],
    "食品饮料": ["绿色食品"],
}
SECTOR_WEIGHTS = {
    "新型储能": 14, "光伏": 5, "氢能": 2, "新能源汽车整车": 3, "汽车零部件": 14, "电子元器件": 10,
    "半导体及集成电路": 4, "高端装备": 9, "智能装备": 7, "金属新材料": 10, "化工新材料": 6,
    "生物医药": 6, "能源": 4, "绿色食品": 6,
}  # fmt: skip
DISTRICTS = {
    "肇庆新区": 14, "肇庆高新区": 16, "端州区": 5, "鼎湖区": 9, "高要区": 14, "四会市": 12,
    "广宁县": 6, "德庆县": 6, "封开县": 6, "怀集县": 7, "粤桂合作特别试验区": 5,
}  # fmt: skip
BRANDS = (
    "粤星", "鼎盛", "宏宇", "瑞能", "恒通", "创联", "海纳", "鑫源", "嘉禾", "天润", "东盛", "华泰", "远航",
    "星辰", "中科", "鹏程", "博锐", "金鹰", "南岭", "西江", "端砚", "七星", "宝月", "广利", "德润", "晶达",
    "振华", "联创", "永安", "泰和",
)  # fmt: skip
PRODUCTS = {
    "新型储能": ("储能电池", "储能系统集成", "电池材料", "储能变流器"),
    "光伏": ("光伏组件", "光伏玻璃", "逆变器"),
    "氢能": ("氢燃料电池", "制氢装备"),
    "新能源汽车整车": ("新能源汽车整车", "电动商用车"),
    "汽车零部件": ("汽车零部件", "汽车电子", "动力总成", "汽车内饰件", "底盘系统"),
    "电子元器件": ("电子元器件", "电路板", "电子材料", "精密连接器"),
    "半导体及集成电路": ("半导体封测", "功率器件", "芯片材料"),
    "高端装备": ("高端装备", "精密机床", "工程机械"),
    "智能装备": ("智能装备", "工业机器人", "智能产线"),
    "金属新材料": ("铝型材", "金属新材料", "不锈钢深加工"),
    "化工新材料": ("化工新材料", "新型涂料", "高分子材料"),
    "生物医药": ("生物医药", "医疗器械", "中药现代化"),
    "能源": ("燃气发电", "抽水蓄能", "综合能源站"),
    "绿色食品": ("食品加工", "饮料生产", "预制菜"),
}
SUFFIXES = ("生产基地项目", "产业园项目", "扩产项目", "制造基地项目", "研发及生产项目")
OFFICERS = ("张伟", "李娜", "王芳", "陈静", "刘洋", "黄磊", "梁敏", "何俊", "罗婷", "冯志强", "邓丽", "苏明")
STATUS_2023 = {
    Status.SIGNED: 18, Status.PREPARING: 22, Status.UNDER_CONSTRUCTION: 38, Status.COMMISSIONING: 5,
    Status.TRIAL_PRODUCTION: 5, Status.IN_PRODUCTION: 6, Status.ON_HOLD: 4, Status.LEAD: 0, Status.CANCELLED: 2,
}  # fmt: skip
STATUS_EARLIER = {
    Status.SIGNED: 3, Status.PREPARING: 7, Status.UNDER_CONSTRUCTION: 35, Status.COMMISSIONING: 8,
    Status.TRIAL_PRODUCTION: 10, Status.IN_PRODUCTION: 27, Status.ON_HOLD: 6, Status.LEAD: 0, Status.CANCELLED: 4,
}  # fmt: skip
PIPELINE = [s for s in Status if s.is_pipeline and s is not Status.LEAD]

# Negotiating leads: (name, sector, district, planned yuan, enterprise, contact, progress, first contact).
# None is "not known yet"; every amount stays below one billion (the billion-yuan count is unchanged).
LEADS: tuple[tuple[str, str | None, str | None, int | None, str | None, str | None, str, date], ...] = (
    ("力恒储能电池Pack生产线项目", "新型储能", None, 800_000_000, "深圳力恒储能科技有限公司", "陈总 13922001234",
     "8月来肇考察，意向落户肇庆新区或高要区，待比选用地。", date(2023, 8, 16)),
    ("汽车线束及精密连接器项目", "汽车零部件", "四会市", None, "东莞汇联电子有限公司", "刘经理 0758-3612345",
     "已洽谈两轮，企业正在测算投资规模。", date(2023, 7, 24)),
    ("功率半导体封装测试项目", None, "肇庆高新区", None, None, "周博士 13600135678",
     "企业提交项目建议书，产品方向（封测或材料）待定。", date(2023, 9, 5)),
    ("预制菜中央厨房及冷链项目", "绿色食品", None, 150_000_000, "广州禾丰食品集团有限公司", None,
     "对接德庆县、封开县两地用地条件。", date(2023, 9, 12)),
    ("光伏支架及跟踪系统项目", "光伏", None, None, None, "黄先生 18820012345",
     "经商会介绍初步接洽，待企业来访。", date(2023, 9, 20)),
    ("氢能装备产业园项目", None, None, None, None, "招商二科 0758-2288000",
     "北京招商推介会收集线索，待联系企业核实。", date(2023, 9, 26)),
    ("高端数控机床制造项目", "高端装备", "鼎湖区", None, "佛山精锐机床有限公司", "林总 13702345678",
     "已实地考察鼎湖区标准厂房，待报价。", date(2023, 8, 30)),
    ("生物可降解材料项目", None, "德庆县", 300_000_000, "广东绿源新材料有限公司", "吴经理 13510987654",
     "投资意向书已签，行业归类待定（化工新材料或生物基材料）。", date(2023, 7, 10)),
)  # fmt: skip


@dataclass
class DemoResult:
    projects: int
    signed_2023: int
    signed_2023_planned: int
    billion_2023: int
    investment_records: int


def _pick(rng: random.Random, weights: dict) -> object:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _credit_code(rng: random.Random) -> str:
    body = "9144" + "12"[rng.randrange(2)] + "".join(rng.choice(ALPHABET[:10]) for _ in range(5))
    body += "".join(rng.choice(ALPHABET) for _ in range(17 - len(body)))
    return body + check_character(body)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, min(d.day, 28))


def _planned_amounts(rng: random.Random, n: int, billion: int, target: int) -> list[int]:
    """``n`` amounts summing to ``target`` exactly, ``billion`` of them at or above 1e9."""
    big = [rng.randint(100, 450) * 10_000_000 for _ in range(billion)]  # 1.0 – 4.5 亿×10
    rest_target = max(target - sum(big), (n - billion) * 5_000_000)
    raw = [rng.lognormvariate(0, 0.9) for _ in range(n - billion)]
    scale = rest_target / sum(raw) if raw else 0
    # Smaller projects in whole 万元, capped below one billion.
    small = [min(max(int(r * scale / 10_000) * 10_000, 5_000_000), 990_000_000) for r in raw]
    amounts = big + small
    diff = target - sum(amounts)
    if amounts and n > billion:
        # Spread the rounding remainder over small projects, keeping each below one billion.
        i = billion
        while diff and i < n:
            room = 990_000_000 - amounts[i] if diff > 0 else amounts[i] - 5_000_000
            step = max(-room, min(room, diff))
            amounts[i] += step
            diff -= step
            i += 1
    rng.shuffle(amounts)
    return amounts


def build_demo_projects(n: int, seed: int = 2023) -> tuple[list[Project], list[Enterprise]]:
    rng = random.Random(seed)
    n_2023 = max(1, round(n * 310 / DEFAULT_PROJECTS))
    n_earlier = n - n_2023
    target_2023 = SIGNED_2023_TARGET * n_2023 // 310
    billion_2023 = max(0, round(n_2023 * 20 / 310))
    amounts = _planned_amounts(rng, n_2023, billion_2023, target_2023) + _planned_amounts(
        rng, n_earlier, round(n_earlier * 15 / 250), 52_000_000_000 * n_earlier // 250
    )
    projects: list[Project] = []
    enterprises: dict[str, Enterprise] = {}
    used_names: set[str] = set()
    for i in range(n):
        in_2023 = i < n_2023
        sector = str(_pick(rng, SECTOR_WEIGHTS))
        district = str(_pick(rng, DISTRICTS))
        brand = rng.choice(BRANDS)
        product = rng.choice(PRODUCTS[sector])
        ent_name = (
            f"肇庆{brand}{product[:2]}科技有限公司" if rng.random() < 0.6 else f"广东{brand}{product[:2]}实业有限公司"
        )
        if ent_name not in enterprises:
            enterprises[ent_name] = Enterprise(
                ent_name,
                credit_code=_credit_code(rng) if rng.random() < 0.8 else None,
                is_high_tech=rng.random() < 0.35,
                is_specialized_new=rng.random() < 0.2,
                is_little_giant=rng.random() < 0.05,
            )
        name = f"{brand}{product}{rng.choice(SUFFIXES)}"
        k = 2
        while name in used_names:
            name = f"{brand}{product}{rng.choice(SUFFIXES)[:-2]}（{k}期）项目"
            k += 1
        used_names.add(name)
        if in_2023:
            signed = date(2023, 1, 1) + timedelta(days=rng.randrange(272))  # Jan 1 – Sep 29
            status = _pick(rng, STATUS_2023)
        else:
            signed = date(2020, 1, 1) + timedelta(days=rng.randrange(1096))
            status = _pick(rng, STATUS_EARLIER)
        assert isinstance(status, Status)
        planned = amounts[i]
        start = prod = None
        reached = status.order if status.is_pipeline else rng.choice([2, 3])
        if reached >= Status.UNDER_CONSTRUCTION.order or (status is Status.ON_HOLD and reached == 3):
            start = min(_add_months(signed, rng.randint(1, 5)), AS_OF - timedelta(days=rng.randint(20, 60)))
            start = max(start, signed)
        if status.is_pipeline and reached >= Status.TRIAL_PRODUCTION.order and start:
            prod = min(_add_months(start, rng.randint(6, 16)), AS_OF - timedelta(days=rng.randint(5, 30)))
            prod = max(prod, start)
        intensity = Decimal(rng.randint(250, 900))  # 万元 per mu
        land = (Decimal(planned) / 10_000 / intensity).quantize(Decimal("0.01"))
        output = planned * rng.randint(12, 30) // 10
        projects.append(
            Project(
                name=name,
                sector=sector,
                district=district,
                status=status,
                planned_investment=planned,
                code=f"ZQ{signed.year}{i + 1:05d}",
                enterprise=ent_name,
                land_area_mu=land if land > 0 else None,
                expected_annual_output=output,
                expected_annual_tax=output * rng.randint(3, 7) // 100,
                signed_on=signed,
                construction_start_on=start,
                production_on=prod,
                is_key_project=planned >= 1_000_000_000 or rng.random() < 0.15,
                project_type=_pick(rng, {ProjectType.NEW: 70, ProjectType.EXPANSION: 15,
                                         ProjectType.REINVESTMENT: 8, ProjectType.UPGRADE: 7}),  # type: ignore[arg-type]
                investor_origin=_pick(rng, {InvestorOrigin.DOMESTIC: 80, InvestorOrigin.HK_MACAO_TAIWAN: 14,
                                            InvestorOrigin.FOREIGN: 6}),  # type: ignore[arg-type]
                officer=rng.choice(OFFICERS),
                notes=DEMO_NOTE,
            )
        )  # fmt: skip
    return projects, list(enterprises.values())


def _history(p: Project, rng: random.Random) -> list[StatusChange]:
    """Status changes that walk the pipeline along the project's own dates."""
    assert p.id is not None and p.signed_on is not None
    changes = [StatusChange(p.id, None, Status.SIGNED, p.signed_on, "")]
    prev, when = Status.SIGNED, p.signed_on
    target = p.status
    walk_to = (
        target if target.is_pipeline else (Status.UNDER_CONSTRUCTION if p.construction_start_on else Status.PREPARING)
    )
    for s in PIPELINE[1 : PIPELINE.index(walk_to) + 1]:
        if s is Status.UNDER_CONSTRUCTION and p.construction_start_on:
            step = p.construction_start_on
        elif s is Status.TRIAL_PRODUCTION and p.production_on:
            step = p.production_on - timedelta(days=rng.randint(30, 90))
        elif s is Status.IN_PRODUCTION and p.production_on:
            step = p.production_on
        else:
            step = when + timedelta(days=rng.randint(10, 60))
        when = min(max(when, step), AS_OF)  # a history reads forward in time, never back
        changes.append(StatusChange(p.id, prev, s, when, ""))
        prev = s
    if not target.is_pipeline:
        # halted after the few months of work _investment records (never while money still flows)
        if p.construction_start_on:
            when = max(when, p.construction_start_on + timedelta(days=SIDE_STATE_AFTER_DAYS))
        when = min(when + timedelta(days=rng.randint(30, 200)), AS_OF)
        changes.append(
            StatusChange(
                p.id, prev, target, when, "演示：资金未到位" if target is Status.ON_HOLD else "演示：企业调整投资计划"
            )
        )
    return changes


SIDE_STATE_AFTER_DAYS = 160  # on hold or cancelled: after the (at most five) months of investment


def _months_before(ym: tuple[int, int], n: int) -> tuple[int, int]:
    y, m = ym
    m -= n
    while m < 1:
        y, m = y - 1, m + 12
    return y, m


def _investment(p: Project, rng: random.Random, last: tuple[int, int]) -> list[InvestmentRecord]:
    """Monthly completed investment from construction start to ``last`` (year, month)."""
    if p.construction_start_on is None or p.id is None:
        return []
    months = rng.randint(18, 36)
    per_month = p.planned_investment * rng.uniform(0.7, 1.0) / months
    out = []
    y, m = p.construction_start_on.year, p.construction_start_on.month
    stop = (p.production_on.year, p.production_on.month) if p.production_on else last
    stop = min(stop, last)
    if p.status in (Status.ON_HOLD, Status.CANCELLED):
        # a few months of work before the halt, and none in the report's own month or the one before
        stop = min(stop, (y + (m + 4) // 12, (m + 4) % 12 + 1), _months_before(last, 2))
    while (y, m) <= stop:
        amount = int(per_month * rng.uniform(0.5, 1.5) / 10_000) * 10_000
        if amount > 0:
            out.append(InvestmentRecord(p.id, y, m, amount))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def write_demo(
    database: Database,
    n_projects: int = DEFAULT_PROJECTS,
    *,
    seed: int = 2023,
    last_period: tuple[int, int] = (2023, 9),
    target_yoy: float = 0.119,
    progress: Callable[[str], None] | None = None,
) -> DemoResult:
    """Fill an empty database with the demo data set in one transaction."""
    rng = random.Random(seed + 1)
    say = progress or (lambda _msg: None)
    say("projects")
    projects, enterprises = build_demo_projects(n_projects, seed)
    with database.session() as s:
        refs = ReferenceRepository(s)
        for chain, sectors in CHAINS.items():
            for sector in sectors:
                if sector != chain:
                    refs.ensure_sector(sector, chain)
                else:
                    refs.ensure_sector(sector)
        for district in DISTRICTS:
            refs.ensure_district(district)
        ensure_enterprises(s, enterprises)  # names generated, credit codes built with their check character
        insert_projects(s, projects)
        say("history")
        changes = [c for p in projects for c in _history(p, rng)]
        insert_status_changes(s, changes)
        say("investment")
        records = [r for p in projects for r in _investment(p, rng, last_period)]
        records = _shape_yoy(projects, records, last_period, target_yoy, rng)
        insert_investment(s, records)
        plans = _plans(projects, records, rng, last_period[0])
        insert_plans(s, plans)
        leads = _leads(rng)
        insert_projects(s, leads)
        insert_status_changes(s, [StatusChange(p.id, None, Status.LEAD, on, "") for p, on in  # type: ignore[arg-type]
                                  zip(leads, (lead[7] for lead in LEADS), strict=True)])  # fmt: skip
        set_meta(s, "demo", "1")
        set_meta(s, "as_of", AS_OF.isoformat() if last_period == (2023, 9) else _period_end(last_period))
    signed = [p for p in projects if p.signed_on and p.signed_on.year == 2023]
    return DemoResult(
        projects=len(projects) + len(leads),
        signed_2023=len(signed),
        signed_2023_planned=sum(p.planned_investment for p in signed),
        billion_2023=sum(1 for p in signed if p.is_billion_yuan),
        investment_records=len(records),
    )


def _leads(rng: random.Random) -> list[Project]:
    """The negotiating leads of LEADS as projects (unknowns left None, never 0)."""
    return [
        Project(name=name, sector=sector, district=district, status=Status.LEAD, planned_investment=planned,
                enterprise=enterprise, contact=contact, progress_note=progress, officer=rng.choice(OFFICERS),
                notes=DEMO_NOTE)
        for name, sector, district, planned, enterprise, contact, progress, _ in LEADS
    ]  # fmt: skip


def _period_end(period: tuple[int, int]) -> str:
    y, m = period
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - timedelta(days=1)).isoformat()


SECTOR_GROWTH = {"汽车零部件": 0.594, "新能源汽车整车": 0.594, "能源": 0.474, "新型储能": 0.386}


def _shape_yoy(
    projects: list[Project],
    records: list[InvestmentRecord],
    last: tuple[int, int],
    target: float,
    rng: random.Random,
) -> list[InvestmentRecord]:
    """Scale the prior year's records so that year-on-year growth looks like a real city's.

    Total growth lands on ``target``; a few sectors get the growth the published figures show
    (automobiles +59.4%, energy +47.4%), the others a plausible spread. The prior year's
    (sector, district) cells are raked to both sets of margins (iterative proportional fitting).
    """
    y, m = last
    where = {p.id: (p.sector, p.district) for p in projects}
    cur: dict[str, dict[str, int]] = {"s": {}, "d": {}}
    base: dict[tuple[str, str], int] = {}
    for r in records:
        if r.month > m:
            continue
        sector, district = where[r.project_id]
        if r.year == y:
            cur["s"][sector] = cur["s"].get(sector, 0) + r.amount
            cur["d"][district] = cur["d"].get(district, 0) + r.amount
        elif r.year == y - 1:
            base[(sector, district)] = base.get((sector, district), 0) + r.amount
    if not base or not cur["s"]:
        return records
    has_s = {s for s, _ in base}
    has_d = {d for _, d in base}
    t_s = {s: v / (1 + SECTOR_GROWTH.get(s, rng.uniform(-0.15, 0.30))) for s, v in cur["s"].items() if s in has_s}
    t_d = {d: v / (1 + rng.uniform(-0.10, 0.35)) for d, v in cur["d"].items() if d in has_d}
    total = sum(cur["s"].values()) / (1 + target)
    for t in (t_s, t_d):
        k = total / sum(t.values())
        for key in t:
            t[key] *= k
    factor = {c: 1.0 for c in base}
    for _ in range(50):
        for margin, targets in ((0, t_s), (1, t_d)):
            sums: dict[str, float] = {}
            for c, b in base.items():
                sums[c[margin]] = sums.get(c[margin], 0.0) + b * factor[c]
            for c in factor:
                key = c[margin]
                if key in targets and sums.get(key):
                    factor[c] *= targets[key] / sums[key]
    out = []
    for r in records:
        if r.year == y - 1:
            f = factor.get(where[r.project_id], 1.0)
            r = InvestmentRecord(r.project_id, r.year, r.month, int(r.amount * f / 10_000) * 10_000)
        out.append(r)
    return out


def _plans(projects: list[Project], records: list[InvestmentRecord], rng: random.Random, year: int) -> list[AnnualPlan]:
    by_project: dict[int, int] = {}
    for r in records:
        if r.year == year:
            by_project[r.project_id] = by_project.get(r.project_id, 0) + r.amount
    plans = []
    for p in projects:
        done = by_project.get(p.id or 0)
        if done is None and not p.is_key_project:
            continue
        base = done if done else p.planned_investment // 4
        plans.append(AnnualPlan(p.id, year, int(base * rng.uniform(1.1, 1.6) / 10_000) * 10_000))  # type: ignore[arg-type]
    return plans
