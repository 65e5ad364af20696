"""The demo's projects: about 310 signed in 2023 worth 68.9 billion yuan, about 20 of them at or
above 1 billion, on top of projects signed in 2020–2022, each with its enterprise, dates along its
status, land, output and tax; and the negotiating leads with what they leave unknown.

Deterministic for a seed, so that every demo database (and every test on one) is the same.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from zqtracker.domain.credit_code import ALPHABET, check_character
from zqtracker.domain.models import Enterprise, InvestorOrigin, Project, ProjectType
from zqtracker.domain.status import Status
from zqtracker.services.demo_tables import (
    AS_OF,
    BRANDS,
    DEFAULT_PROJECTS,
    DEMO_NOTE,
    DISTRICTS,
    LEADS,
    OFFICERS,
    PRODUCTS,
    SECTOR_WEIGHTS,
    SIGNED_2023_TARGET,
    STATUS_2023,
    STATUS_EARLIER,
    SUFFIXES,
)


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


def lead_projects(rng: random.Random) -> list[Project]:
    """The negotiating leads of LEADS as projects (unknowns left None, never 0)."""
    return [
        Project(name=name, sector=sector, district=district, status=Status.LEAD, planned_investment=planned,
                enterprise=enterprise, contact=contact, progress_note=progress, officer=rng.choice(OFFICERS),
                notes=DEMO_NOTE)
        for name, sector, district, planned, enterprise, contact, progress, _ in LEADS
    ]  # fmt: skip
