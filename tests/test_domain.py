"""Domain rules: money units, statuses, validation, credit codes. No Qt, no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zqtracker.domain.credit_code import ALPHABET, check_character, credit_code_problem
from zqtracker.domain.errors import ValidationError
from zqtracker.domain.models import Enterprise, Project
from zqtracker.domain.money import Unit, parse_money, unit_factor_of
from zqtracker.domain.status import Status, parse_status, status_of_word
from zqtracker.domain.validation import validate_enterprise, validate_project


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("12.5亿", None, 1_250_000_000),
        ("12.5 亿元", None, 1_250_000_000),
        ("3,000万元", None, 30_000_000),
        ("3，000 万", None, 30_000_000),
        ("1.2e9", Unit.YUAN, 1_200_000_000),
        ("1.2e9元", None, 1_200_000_000),
        (12.1, Unit.YI, 1_210_000_000),  # a float that is not exact in binary
        (0.1, Unit.WAN, 1_000),
        (3000, Unit.WAN, 30_000_000),
        ("¥1,234", None, 1_234),
        ("１２.５亿", None, 1_250_000_000),  # full-width digits
        ("500 million yuan", None, 500_000_000),
        ("2.5 (100m yuan)", None, 250_000_000),
        (Decimal("0.00000001"), Unit.YI, 1),
        ("0.5元", None, 1),  # half a yuan rounds away from zero
        ("3千万", Unit.WAN, 30_000_000),  # as 3千万元 and 30百万 are read (probe39: it was refused)
        ("3000万元整", Unit.WAN, 30_000_000),  # 整: exactly, as on a cheque (probe39: it was refused)
        ("1.5 亿元整", None, 150_000_000),
    ],
)
def test_parse_money(text: object, default: Unit | None, expected: int) -> None:
    assert parse_money(text, default) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [("12.5", "unknown_unit"), (7, "unknown_unit"), ("-3万", "negative_money"), ("abc", "bad_money"),
     ("12.5 dollars", "bad_money"), ("", "required"), (float("nan"), "bad_money"), ("1e30亿", "too_large"),
     ("3000万整", "bad_money"), ("元整", "bad_money")],
)  # fmt: skip
def test_parse_money_refuses_with_a_code(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_money(value)
    assert err.value.problems[0].code == code


def test_unit_words() -> None:
    assert unit_factor_of("（亿元）") == 100_000_000
    assert unit_factor_of("单位：万元") == 10_000
    assert unit_factor_of("Unit: 10k yuan") == 10_000
    assert unit_factor_of("(yuan)") == 1
    assert unit_factor_of("apples") is None
    # yuan said twice (probe19b: 总投资额（人民币万元） and "Investment (10,000 yuan)" were asked for a unit)
    assert unit_factor_of("（人民币万元）") == unit_factor_of("万元人民币") == unit_factor_of("10,000 yuan") == 10_000
    assert unit_factor_of("人民币亿元") == 100_000_000 and unit_factor_of("人民币") is None


@pytest.mark.parametrize(
    ("word", "status"),
    [("洽谈中", Status.LEAD), ("在谈", Status.LEAD), ("已签约", Status.SIGNED), ("前期工作", Status.PREPARING),
     ("开工建设", Status.UNDER_CONSTRUCTION), ("设备安装调试", Status.COMMISSIONING),
     ("试生产", Status.TRIAL_PRODUCTION), ("建成投产", Status.IN_PRODUCTION), ("暂缓", Status.ON_HOLD),
     ("取消", Status.CANCELLED), ("Under construction", Status.UNDER_CONSTRUCTION),
     ("trial_production", Status.TRIAL_PRODUCTION), ("  In Production ", Status.IN_PRODUCTION),
     ("ON HOLD", Status.ON_HOLD),
     # words of real progress reports, found missing by fuzzing with district-like files
     ("暂停", Status.ON_HOLD), ("搁置", Status.ON_HOLD), ("已退出", Status.CANCELLED),
     ("施工中", Status.UNDER_CONSTRUCTION), ("已建成", Status.IN_PRODUCTION), ("待开工", Status.PREPARING),
     ("试运营", Status.TRIAL_PRODUCTION)],
)  # fmt: skip
def test_parse_status_in_both_languages(word: str, status: Status) -> None:
    assert parse_status(word) is status


@pytest.mark.parametrize(
    ("phrase", "status"),
    [
        ("已动工建设", Status.UNDER_CONSTRUCTION),
        ("正在施工建设", Status.UNDER_CONSTRUCTION),
        ("已投产运营", Status.IN_PRODUCTION),
        ("签约落地中", Status.SIGNED),
        # a negation or an intention is no stage: these stay questions for the user
        ("未开工", None),
        ("尚未签约", None),
        ("拟投产", None),
        ("计划开工", None),
        ("已签约待开工", None),
        # a sentence is a progress note, not a status
        ("已开工建设，目前完成主体结构施工", None),
    ],
)
def test_a_short_phrase_starting_with_a_stage_word(phrase: str, status: Status | None) -> None:
    assert status_of_word(phrase) is status


def test_unknown_status_is_a_coded_error() -> None:
    with pytest.raises(ValidationError) as err:
        parse_status("完成了一半")
    problem = err.value.problems[0]
    assert problem.code == "unknown_status"
    assert "完成了一半" in problem.message("zh")


def test_status_order_and_labels() -> None:
    assert [s.value for s in Status][:7] == [
        "lead", "signed", "preparing", "under_construction", "commissioning", "trial_production", "in_production",
    ]  # fmt: skip
    assert Status.UNDER_CONSTRUCTION.label("zh") == "在建"
    assert Status.ON_HOLD.label("en") == "On hold"
    assert not Status.CANCELLED.is_pipeline


def _project(**kw: object) -> Project:
    base = {"name": "储能项目", "sector": "新型储能", "district": "肇庆新区", "planned_investment": 100}
    base.update(kw)
    return Project(**base)  # type: ignore[arg-type]


def test_validation_collects_every_problem() -> None:
    p = _project(
        name="  ",
        planned_investment=-5,
        land_area_mu=Decimal(-1),
        signed_on=date(2023, 5, 1),
        construction_start_on=date(2023, 4, 1),
    )
    with pytest.raises(ValidationError) as err:
        validate_project(p)
    codes = {(pr.code, pr.field) for pr in err.value.problems}
    assert codes == {
        ("required", "name"),
        ("negative_money", "planned_investment"),
        ("negative_area", "land_area_mu"),
        ("dates_out_of_order", "construction_start_on"),
    }
    messages = [pr.message("zh") for pr in err.value.problems]
    assert any("开工时间" in m and "签约时间" in m for m in messages)


def test_a_land_area_beyond_any_site_is_refused_not_overflowed() -> None:
    # the column stores mu × 10,000 in 64 bits; "1e40" typed in the editor must be a message
    with pytest.raises(ValidationError) as err:
        validate_project(_project(land_area_mu=Decimal("1e40")))
    assert [(pr.code, pr.field) for pr in err.value.problems] == [("too_large", "land_area_mu")]
    assert "用地面积" in err.value.problems[0].message("zh")
    assert validate_project(_project(land_area_mu=Decimal(10**9))).land_area_mu == 10**9


def test_validation_tidies_text() -> None:
    p = validate_project(_project(name=" 储能  项目 ", code="  ", enterprise=""))
    assert p.name == "储能 项目"
    assert p.code is None and p.enterprise is None


def test_derived_figures() -> None:
    p = _project(planned_investment=1_000_000_000, land_area_mu=Decimal("200"), expected_annual_tax=20_000_000)
    assert p.is_billion_yuan
    assert p.intensity_wan_per_mu == Decimal(500)
    assert p.tax_wan_per_mu == Decimal(10)
    assert not _project(planned_investment=999_999_999).is_billion_yuan


@pytest.mark.parametrize("code", ["9144030071526726XG", "914403001922038216", "91110000600037341L"])
def test_real_credit_codes_pass(code: str) -> None:
    assert credit_code_problem(code) is None


@given(st.text(alphabet=ALPHABET, min_size=17, max_size=17))
def test_check_character_is_what_validation_expects(body: str) -> None:
    code = body + check_character(body)
    assert credit_code_problem(code) is None
    wrong = ALPHABET[(ALPHABET.index(code[-1]) + 1) % 31]
    assert credit_code_problem(body + wrong) is not None


def test_enterprise_credit_code_validation() -> None:
    with pytest.raises(ValidationError) as err:
        validate_enterprise(Enterprise("某公司", credit_code="9144030071526726XA"))
    assert err.value.problems[0].code == "bad_credit_code"
    ok = validate_enterprise(Enterprise("某公司", credit_code=" 9144030071526726xg "))
    assert ok.credit_code == "9144030071526726XG"


def test_a_chinese_sentence_gives_the_engine_detail_in_chinese() -> None:
    """SQLite's and the system's own words in {detail} are Chinese in a Chinese sentence; an
    unknown detail is kept as it came."""
    from zqtracker.storage.database import DatabaseOpenError

    err = DatabaseOpenError("corrupt", file="/data/项目.sqlite", detail="database disk image is malformed")
    assert "database disk image is malformed" in err.message("en")
    zh = err.message("zh")
    assert "文件结构错误" in zh and "malformed" not in zh
    odd = DatabaseOpenError("cannot_open", file="a.sqlite", detail="Page 5: btreeInitPage() returns error code 11")
    assert "btreeInitPage" in odd.message("zh")
    denied = DatabaseOpenError("cannot_open", file="a.sqlite", detail="[Errno 13] Permission denied: '/srv/a.sqlite'")
    assert "[Errno 13] Permission denied: '/srv/a.sqlite'" in denied.message("en")  # English: as it came
    assert "没有权限" in denied.message("zh_CN") and "Permission" not in denied.message("zh_CN")
