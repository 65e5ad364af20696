"""What the values under a header say about the column: the evidence that decides between the
fields its header may name (io/headers.py) and rules out a field the values contradict.

Percentages are not money, paragraphs are not statuses, counts are not names, row numbers are
not codes; a column of 食品加工 / 生物科技 under 项目类型 holds sectors, one of 续建 / 新开工 the stage,
one of 新建 / 扩建 the construction type. :func:`profile` reads a sample of a column once;
:func:`fit` scores one field against it: REJECT, or a small bonus or malus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zqtracker.domain.status import status_of_word
from zqtracker.io import values as cells
from zqtracker.io.columns import BOOL_FALSE, BOOL_TRUE, INVESTOR_ORIGIN_WORDS, PROJECT_TYPE_WORDS
from zqtracker.io.dates import reads_either_way, slash_numbers
from zqtracker.io.places import origin_of_place
from zqtracker.io.reader import ExcelError, FormulaWithoutValue

REJECT = -1000
SAMPLE = 200

_TYPE_KEYS = frozenset(cells.fold(w) for w in PROJECT_TYPE_WORDS) | {"续建", "continuing", "改建", "迁建"}
_ORIGIN_KEYS = frozenset(cells.fold(w) for w in INVESTOR_ORIGIN_WORDS)
_BOOL_KEYS = frozenset(cells.fold(w) for w in (*BOOL_TRUE, *BOOL_FALSE) if w)
_MONEY_TEXT_RE = re.compile(r"^[¥￥]?\s*[+-]?\d[\d,，.]*\s*(?:亿元|亿|万元|万|元|千元|百万元?)$")
# "30亩", "2公顷", "20000平方米", "3000㎡" (folded: m2): an area with its unit (io/decimals.area_in_mu)
AREA_TEXT_RE = re.compile(r"^\d[\d,.]*(?:万平方米|平方米|平米|m2|公顷|ha|亩|mu)$")
_DOTTED_MONTH_RE = re.compile(r"\d{4}\.(?:0?[1-9]|1[0-2]?)")  # 2024.3, 2024.12 as a number's repr
_PERCENT_RE = re.compile(r"^[+-]?\d[\d.]*\s*[%％]$")
# (a month and day without a year, 3月15日, too: read in the list's year, io/month_days.py)
_DATE_TEXT_RE = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?|^\d{1,2}/\d{1,2}/\d{4}|"
    r"^\d{4}\s*年|^\d{4}\s*[-]?q[1-4]$|^\d{4}\s*年.{1,2}季度|^\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
)
_DISTRICT_END = ("区", "县", "市", "新区", "园区", "开发区", "高新区", "镇", "街道", "管委会", "园", "州", "旗")
_GOVERNMENT_RE = re.compile(r"(?:人民政府|政府|管理委员会|管委会|办事处)$")
_NOT_YET_RE = re.compile(r"^(?:尚未|未|待|暂未|还未)(?:开工|动工|投产|竣工|签约)$")
_COUNTY_END = ("区", "县", "市", "新区", "开发区", "高新区", "园区", "自治县", "旗")


def place_of(text: str) -> str:
    """A district as a cell names it, without the government body ("高要区人民政府" → "高要区")."""
    stripped = _GOVERNMENT_RE.sub("", text.strip())
    return stripped if len(stripped) >= 2 else text.strip()


# Words sectors are made of (a section row or an ambiguous column with them names sectors).
SECTOR_WORDS = (
    "产业", "行业", "制造", "能源", "材料", "装备", "医药", "生物", "电子", "信息", "汽车", "交通", "水利", "化工",
    "食品", "纺织", "物流", "旅游", "文旅", "建材", "冶金", "钢铁", "有色", "机械", "家电", "家具", "半导体", "光伏",
    "储能", "环保", "基础设施", "社会事业", "民生", "城建", "市政", "农林", "电力", "石化", "数字", "软件", "金融",
    "商贸", "房地产", "教育", "卫生", "医疗", "健康", "体育", "文化", "服务业", "农业", "工业", "服务", "电池", "芯片",
    "通信", "智能", "科技", "加工", "建筑", "商业", "仓储", "港口", "铁路", "公路", "航空", "能源", "新材料", "农",
    "渔", "畜", "矿", "电", "水", "热", "气", "康养", "医", "药", "陶瓷", "五金", "家居", "照明", "印刷", "包装",
    "造纸", "塑料", "橡胶", "金属", "玻璃", "建设", "开发", "园区", "旅", "文", "商", "贸", "物", "游",
)  # fmt: skip


@dataclass(slots=True)
class Profile:
    n: int = 0  # non-empty values sampled
    numbers: int = 0
    money_text: int = 0  # "12.5亿", "3,000万元"
    area_text: int = 0  # "30亩", "2公顷", "20000平方米"
    percents: int = 0
    dates: int = 0  # date cells and date-like text
    years: int = 0  # whole numbers 1900–2200 (bare years)
    day_numbers: int = 0  # whole numbers a date column means as days: 20250315, 202503, an Excel serial (45731)
    texts: int = 0
    mean_len: float = 0.0  # of the text values, in 汉字 (three Latin letters count as one)
    long_texts: int = 0  # over 40 汉字 (or 120 Latin letters)
    statuses: int = 0  # a status word
    not_yet: int = 0  # a stage not reached: 未开工, 尚未投产, 待开工 (a date column's words, like 已开工)
    types: int = 0  # a construction-type word (新建, 扩建, 续建 …)
    origins: int = 0
    bools: int = 0
    districts: int = 0  # short text ending like a place (…区, …县, …园区)
    counties: int = 0  # a county-level place, or its government ("高要区人民政府"; not a town's)
    sectors: int = 0  # short text made of sector words
    day_first: int = 0  # "30/9/2026": a first number above 12 (day/month/year)
    month_first: int = 0  # "9/30/2026": a second number above 12 (month/day/year)
    either_way: int = 0  # "03/04/2023": another day read day/month than month/day (nothing decides it)
    distinct: int = 0
    serial: bool = False  # 1, 2, 3, …: row numbers

    def share(self, count: int) -> float:
        return count / self.n if self.n else 0.0


_NO_EVIDENCE = (ExcelError, FormulaWithoutValue)


def _day_number(n: int) -> bool:
    """20250315, 202503, or an Excel serial of 1950–2099 (18264–73050): a day, as a date column writes one."""
    if 19000101 <= n <= 22001231:
        return 1 <= n // 100 % 100 <= 12 and 1 <= n % 100 <= 31
    if 190001 <= n <= 220012:
        return 1 <= n % 100 <= 12
    return 18264 <= n <= 73050


def profile(values: list) -> Profile:
    """The evidence of a column, from (a sample of) its cells as the reader gives them."""
    p = Profile()
    lengths = 0
    seen: set = set()
    whole: list[int] = []
    for v in values:
        if cells.is_empty(v) or v.__class__ in _NO_EVIDENCE:  # nor does an error, nor a formula's missing value
            continue
        if p.n >= SAMPLE:
            break
        p.n += 1
        seen.add(v if not isinstance(v, list) else repr(v))
        if isinstance(v, bool):
            p.bools += 1
            continue
        if isinstance(v, (int, float)):
            p.numbers += 1
            if float(v).is_integer():
                whole.append(int(v))
                if 1900 <= v <= 2200:
                    p.years += 1
                elif _day_number(int(v)):
                    p.day_numbers += 1
            elif 1900 < v < 2201 and _DOTTED_MONTH_RE.fullmatch(repr(float(v))):  # 2024.3 typed: March 2024
                p.years += 1
            continue
        if isinstance(v, tuple):
            p.dates += 1
            continue
        text = cells.clean_text(v)
        p.texts += 1
        size = len(text) if not text.isascii() else (len(text) + 1) // 3  # three Latin letters ≈ one 汉字
        lengths += size
        if size > 40:
            p.long_texts += 1
            continue
        key = cells.fold(text)
        if _PERCENT_RE.match(key):
            p.percents += 1
        elif _MONEY_TEXT_RE.match(key) or (key[:1] == "¥" and _number(key[1:].strip())):  # ¥62,438.00
            p.money_text += 1
        elif AREA_TEXT_RE.match(key):
            p.area_text += 1
        elif _number(key):
            p.numbers += 1
            if key.isdigit() and 1900 <= int(key) <= 2200:
                p.years += 1
        if _DATE_TEXT_RE.match(key):
            p.dates += 1
            slash = slash_numbers(v)  # not the folded key: "25/4/2023 10:30" keeps its space
            if slash:
                p.day_first += slash[0] > 12
                p.month_first += slash[1] > 12
                p.either_way += reads_either_way(v)
        if status_of_word(text) is not None:
            p.statuses += 1
        elif _NOT_YET_RE.match(key):
            p.not_yet += 1
        if key in _TYPE_KEYS:
            p.types += 1
        if key in _ORIGIN_KEYS or origin_of_place(text) is not None:
            p.origins += 1
        if key in _BOOL_KEYS:
            p.bools += 1
        if len(text) <= 14 and text.endswith(_DISTRICT_END):
            p.districts += 1
        if len(text) <= 16 and place_of(text).endswith(_COUNTY_END):
            p.counties += 1
        if len(text) <= 14 and is_sector_text(text):
            p.sectors += 1
    p.distinct = len(seen)
    p.mean_len = lengths / p.texts if p.texts else 0.0
    if len(whole) >= 3 and len(whole) == p.n:
        p.serial = sorted(whole) == list(range(min(whole), min(whole) + len(whole))) and min(whole) in (0, 1)
    return p


def _number(key: str) -> bool:
    try:
        float(key.replace(",", ""))
    except ValueError:
        return False
    return True


def is_sector_text(text: str) -> bool:
    return _SECTOR_WORD_RE.search(text) is not None


_SECTOR_WORD_RE = re.compile("|".join(map(re.escape, SECTOR_WORDS)))  # any of them anywhere in the text


MONEY = frozenset(
    (
        "planned_investment",
        "expected_annual_output",
        "expected_annual_tax",
        "amount",
        "annual_plan",
        "ytd",
        "ytd_last",
        "since_start",
    )
)
DATES = frozenset(("signed_on", "construction_start_on", "production_on"))


def amounts(field: str, p: Profile) -> int:
    """How many sampled cells read as ``field``'s amounts (a money or area field): numbers, and for
    money text with its unit ("1.2万", "12000.00元")."""
    if field in MONEY:
        return p.numbers + p.money_text
    return p.numbers + p.area_text if field == "land_area_mu" else 0


def fit(field: str, p: Profile, header_rank: int = 0) -> float:
    """How well the values fit ``field``: REJECT, or a bonus (+) or malus (−) of a few points."""
    if p.n == 0:
        return 0
    numeric = p.share(p.numbers + p.money_text)
    texts = p.share(p.texts)
    statuses, types = p.share(p.statuses), p.share(p.types)
    paragraphs = p.share(p.long_texts)
    if field == "land_area_mu":  # areas with their unit in the cell count as numbers here, not as money
        numeric = p.share(p.numbers + p.area_text)
    if field in MONEY or field == "land_area_mu":
        if p.share(p.percents) > 0.3 or numeric < 0.5 or paragraphs > 0.2:
            return REJECT
        return 2 if numeric > 0.9 else 0
    if field == "name":
        if numeric > 0.5 or p.share(p.dates) > 0.5 or p.mean_len > 80:
            return REJECT
        score = 2 if 3 <= p.mean_len <= 40 else 0
        if statuses > 0.6 or types > 0.6:
            score -= 6
        if p.n >= 5 and p.distinct < p.n * 0.5:
            score -= 4
        return score
    if field == "code":
        if paragraphs > 0.1 or p.serial or p.mean_len > 40:
            return REJECT
        return -3 if p.n >= 5 and p.distinct < p.n * 0.8 else 0
    if field == "status":
        if p.mean_len > 20 or paragraphs > 0.2 or numeric > 0.5:
            return REJECT
        if statuses >= 0.6:
            return 2 + 3 * statuses
        if statuses > 0.5:
            return 1
        # half or more no status (已完成供地, 正在办理规划报建 beside 已签约): under 项目进展 the progress
        if statuses >= 0.3:
            return -1
        return -2 if p.distinct <= 12 and p.mean_len <= 8 else REJECT
    if field == "project_type":  # 续建 is both a construction type and a stage: the larger share decides
        return 2 + 3 * types if types >= 0.6 else REJECT
    if field == "investor_origin":
        return 3 if p.share(p.origins) >= 0.6 else REJECT
    if field == "is_key_project":
        return 2 if p.share(p.bools) >= 0.6 else REJECT
    if field in ("sector", "chain"):
        if numeric > 0.5 or p.mean_len > 25 or paragraphs > 0.1:
            return REJECT
        if statuses >= 0.6 or types >= 0.6:
            return -8
        return 2 if p.share(p.sectors) >= 0.5 else 0
    if field == "district":
        if numeric > 0.5 or p.mean_len > 25 or paragraphs > 0.1:
            return REJECT
        if header_rank <= 2 and p.share(p.counties) < 0.8:  # 责任单位: only when it names districts
            return REJECT
        return 1 if p.share(p.districts) >= 0.5 else 0
    if field in DATES:  # (a date column's whole numbers: days as 20250315 or 202503, or Excel's serials)
        dated = p.share(p.dates + p.years + p.day_numbers)
        if dated >= 0.5:
            return 2
        # 已开工 ×6, 2025-03-01, 待定 under 开工时间: a date column the clerk wrote the stage into — its dates
        # read, its words kept as the rows' evidence (io/date_words.py); a real date column beside it wins
        return 0 if dated + p.share(p.statuses + p.not_yet) >= 0.5 else REJECT
    if field == "construction_period":
        return REJECT if p.mean_len > 20 else 0

    if field == "month":
        return 0 if p.share(p.dates + p.years) + numeric + texts >= 0.5 else REJECT
    if field == "officer":
        return REJECT if p.mean_len > 30 or numeric > 0.5 else 0
    if field == "enterprise":
        return REJECT if numeric > 0.5 or p.mean_len > 80 else 0
    if field == "progress_note":
        return -4 if statuses >= 0.6 and p.mean_len <= 8 else 1 if p.mean_len > 8 else 0
    return 0
