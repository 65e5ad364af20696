"""The project lifecycle: an ordered pipeline and two side states."""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from zqtracker.domain.errors import Problem, ValidationError
from zqtracker.domain.words import Catalogue


class Status(StrEnum):
    LEAD = "lead"
    SIGNED = "signed"
    PREPARING = "preparing"
    UNDER_CONSTRUCTION = "under_construction"
    COMMISSIONING = "commissioning"
    TRIAL_PRODUCTION = "trial_production"
    IN_PRODUCTION = "in_production"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"

    @property
    def order(self) -> int:
        return _ORDER[self]

    @property
    def is_pipeline(self) -> bool:
        return self not in (Status.ON_HOLD, Status.CANCELLED)

    @property
    def is_terminal(self) -> bool:
        """Nothing more is expected of the project: it produces, or it was dropped."""
        return self in (Status.IN_PRODUCTION, Status.CANCELLED)

    def label(self, lang: str = "en") -> str:
        return _LABELS.say(self, lang)


_LABELS = Catalogue(
    "statuses",
    {
        Status.LEAD: ("Lead", "洽谈"),
        Status.SIGNED: ("Signed", "签约"),
        Status.PREPARING: ("Preparing", "前期"),
        Status.UNDER_CONSTRUCTION: ("Under construction", "在建"),
        Status.COMMISSIONING: ("Commissioning", "设备调试"),
        Status.TRIAL_PRODUCTION: ("Trial production", "试产"),
        Status.IN_PRODUCTION: ("In production", "投产"),
        Status.ON_HOLD: ("On hold", "停缓建"),
        Status.CANCELLED: ("Cancelled", "终止"),
    },
)
_ORDER = {s: i for i, s in enumerate(Status)}


class EveryStatus:
    """Every status's words in one language (a message's list of what may be said)."""

    def label(self, lang: str = "en") -> str:
        return ("、" if lang == "zh" else ", ").join(s.label(lang) for s in Status)


_SYNONYMS: dict[Status, tuple[str, ...]] = {
    Status.LEAD: (
        "lead", "洽谈", "洽谈中", "在谈", "在洽谈", "意向", "negotiating", "negotiation", "谋划", "研判", "跟踪",
        "跟踪对接", "对接中", "接洽", "初步接洽", "考察", "拟签约", "待签约", "加速签约", "促签约", "推动签约",
        "力促签约", "争取签约", "洽谈阶段", "在谈阶段", "谋划中", "在谈项目", "谋划项目", "意向项目", "洽谈项目",
        "proposed", "announced", "announced&planning", "announcedandplanning", "prospect", "pipeline", "concept",
        "conceptual", "idea", "potential", "under consideration", "exploratory",
        "identified", "under negotiation", "in negotiation", "pending signing", "招商中", "初步洽谈", "深度洽谈",
        "有意向", "达成意向", "签约意向",
    ),
    Status.SIGNED: (
        "signed", "签约", "已签约", "签约项目", "已签约未开工", "签约落地", "已落地", "落地", "签订协议", "已签订",
        "已签协议", "签约待建", "agreement signed", "contract signed", "已签约项目", "正式签约", "已签约落地",
        "已注册", "注册落地",
    ),
    Status.PREPARING: (
        "preparing", "preparation", "前期", "前期工作", "前期准备", "筹建", "拟开工", "待开工", "报建", "筹备", "报批",
        "报批中", "预备", "储备", "拟建", "拟建项目", "办理手续", "立项", "已立项", "审批中", "规划设计", "促开工",
        "加快开工", "推动开工", "in review", "inreview", "approved", "planning", "permitting", "design",
        "pre-construction", "planned", "planning stage", "feasibility", "engineering", "tendering", "procurement",
        "permitted", "site preparation", "pre-development", "development",
        "preconstruction", "under review", "前期手续", "手续办理", "供地", "土地摘牌", "已摘牌", "设计阶段",
        "前期阶段", "拿地", "已拿地", "预备项目", "储备项目", "前期项目",
    ),
    Status.UNDER_CONSTRUCTION: (
        "under construction", "underconstruction", "construction", "在建", "开工", "已开工", "开工建设", "续建",
        "建设中", "新开工", "施工", "施工中", "正在建设", "促竣工", "在建项目", "加快建设", "主体施工", "施工建设",
        "active", "construction started", "constructionstarted", "ongoing", "in progress", "under way", "underway",
        "implementation", "in construction", "construction underway", "building", "续建项目", "新开工项目",
        "已动工", "动工", "主体建设", "建设阶段", "正在施工", "促投产", "加快推进", "推进中", "在建阶段",
    ),
    Status.COMMISSIONING: ("commissioning", "设备调试", "设备安装调试", "调试", "安装调试", "设备安装", "安装设备",
                           "设备进场"),
    Status.TRIAL_PRODUCTION: ("trial production", "trialproduction", "试产", "试生产", "试运行", "试运营", "试投产",
                              "部分投产", "试营业"),
    Status.IN_PRODUCTION: (
        "in production", "inproduction", "production", "投产", "已投产", "建成投产", "竣工投产", "达产", "竣工",
        "已竣工", "建成", "已建成", "运营", "已运营", "完工", "已完工", "建成运营", "投入运营", "投入使用",
        "已投入使用", "已建成投产", "开业", "已开业", "营业", "completed", "complete", "closed", "operational",
        "operating", "in operation", "commissioned", "in service", "finished", "done", "投产项目", "竣工项目",
        "竣工投产项目", "全面投产",
    ),
    Status.ON_HOLD: (
        "on hold", "onhold", "hold", "suspended", "停缓建", "暂缓", "停建", "缓建", "停工", "暂停", "暂停建设", "停滞",
        "搁置", "中止", "延期", "推迟", "停滞不前", "暂停实施", "deferred", "paused", "stalled", "on-hold",
        "dormant", "暂缓实施", "暂停推进",
    ),
    Status.CANCELLED: ("cancelled", "canceled", "终止", "取消", "已终止", "已取消", "撤销", "退出", "已退出", "解约",
                       "撤资", "放弃", "不再推进", "已注销", "注销", "流失", "终止合作", "dropped", "abandoned",
                       "withdrawn", "terminated", "已流失", "已放弃"),
}  # fmt: skip
_LOOKUP: dict[str, Status] = {}
for _status, _words in _SYNONYMS.items():
    for _word in (*_words, _status.value, _LABELS[_status].en, _LABELS[_status].zh):
        _LOOKUP[re.sub(r"[\s_\-]+", "", _word.lower())] = _status


def parse_status(value: object) -> Status:
    """A Status from its machine name, English label or a word real reports write ("续建",
    "Construction started"); raises unknown_status for a word that is not one."""
    if isinstance(value, Status):
        return value
    status = status_of_word(str(value if value is not None else ""))
    if status is None:
        raise ValidationError(Problem("unknown_status", "status", {"value": value}))
    return status


_BRACKET_RE = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")


@functools.lru_cache(maxsize=8192)  # a list repeats its few status words in every row
def status_of_word(text: str) -> Status | None:
    """The Status a short cell means, or None: tried whole, then without brackets, a trailing
    项目/阶段/中 or an "已", then as parts ("在建、续建") that all mean the same."""
    key = _key(text)
    if not key:
        return None
    found = _LOOKUP.get(key)
    if found is not None:
        return found
    for variant in (_key(_BRACKET_RE.sub("", text)), key.removesuffix("项目"), key.removesuffix("阶段"),
                    key.removesuffix("中"), key.removeprefix("已")):  # fmt: skip
        if variant and variant in _LOOKUP:
            return _LOOKUP[variant]
    parts = [p for p in re.split(r"[、,，/;；]+", text) if p.strip()]
    if len(parts) > 1:
        statuses = {_LOOKUP.get(_key(p)) for p in parts}
        if len(statuses) == 1 and None not in statuses:
            return statuses.pop()
    return _leading_word(key)


_NEGATION_RE = re.compile(r"[未没不无拟待争]|计划|预计|尚")
_LEADING_RE = re.compile(r"^(?:已经|目前|现已|正在|基本|已)")
_CJK_WORDS = sorted(
    (w for w in _LOOKUP if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w)), key=len, reverse=True
)
_CJK_RANK = {w: i for i, w in enumerate(_CJK_WORDS)}
_CJK_WORD_RE = re.compile("|".join(map(re.escape, _CJK_WORDS)))  # longest first: a match is the longest word


def _leading_word(key: str) -> Status | None:
    """A short phrase that starts with a stage word: "已动工建设", "主体施工完成" — at most eight
    characters and without a negation or intention ("未开工", "拟投产", "计划开工" stay unknown)."""
    if len(key) > 8 or _NEGATION_RE.search(key):
        return None
    rest = _LEADING_RE.sub("", key)
    found = [m.group() for m in (_CJK_WORD_RE.match(rest), _CJK_WORD_RE.match(key)) if m]
    return _LOOKUP[min(found, key=_CJK_RANK.__getitem__)] if found else None  # the longer word, as listed


def _key(text: str) -> str:
    """Compared NFKC, in simplified characters (已投產 is 已投产), lower case, without spaces or dashes."""
    import unicodedata

    from zqtracker.domain.hanzi import simplified

    return re.sub(r"[\s_\-　]+", "", unicodedata.normalize("NFKC", simplified(text)).lower())
