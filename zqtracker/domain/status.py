"""The project lifecycle: an ordered pipeline and two side states."""

from __future__ import annotations

import re
from enum import StrEnum

from zqtracker.domain.errors import Problem, ValidationError


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
        en, zh = _LABELS[self]
        return zh if lang.startswith("zh") else en


_LABELS: dict[Status, tuple[str, str]] = {
    Status.LEAD: ("Lead", "洽谈"),
    Status.SIGNED: ("Signed", "签约"),
    Status.PREPARING: ("Preparing", "前期"),
    Status.UNDER_CONSTRUCTION: ("Under construction", "在建"),
    Status.COMMISSIONING: ("Commissioning", "设备调试"),
    Status.TRIAL_PRODUCTION: ("Trial production", "试产"),
    Status.IN_PRODUCTION: ("In production", "投产"),
    Status.ON_HOLD: ("On hold", "停缓建"),
    Status.CANCELLED: ("Cancelled", "终止"),
}
_ORDER = {s: i for i, s in enumerate(Status)}

_SYNONYMS: dict[Status, tuple[str, ...]] = {
    Status.LEAD: ("lead", "洽谈", "洽谈中", "在谈", "在洽谈", "意向", "negotiating", "negotiation"),
    Status.SIGNED: ("signed", "签约", "已签约", "签约项目", "已签约未开工"),
    Status.PREPARING: (
        "preparing",
        "preparation",
        "前期",
        "前期工作",
        "前期准备",
        "筹建",
        "拟开工",
        "待开工",
        "报建",
        "筹备",
    ),
    Status.UNDER_CONSTRUCTION: (
        "under construction",
        "underconstruction",
        "construction",
        "在建",
        "开工",
        "已开工",
        "开工建设",
        "续建",
        "建设中",
        "新开工",
        "施工",
        "施工中",
        "正在建设",
    ),
    Status.COMMISSIONING: ("commissioning", "设备调试", "设备安装调试", "调试", "安装调试"),
    Status.TRIAL_PRODUCTION: ("trial production", "trialproduction", "试产", "试生产", "试运行", "试运营"),
    Status.IN_PRODUCTION: (
        "in production",
        "inproduction",
        "production",
        "投产",
        "已投产",
        "建成投产",
        "竣工投产",
        "达产",
        "竣工",
        "已竣工",
        "建成",
        "已建成",
        "运营",
        "已运营",
    ),
    Status.ON_HOLD: (
        "on hold",
        "onhold",
        "hold",
        "suspended",
        "停缓建",
        "暂缓",
        "停建",
        "缓建",
        "停工",
        "暂停",
        "暂停建设",
        "停滞",
        "搁置",
    ),
    Status.CANCELLED: ("cancelled", "canceled", "终止", "取消", "已终止", "已取消", "撤销", "退出", "已退出", "解约"),
}
_LOOKUP: dict[str, Status] = {}
for _status, _words in _SYNONYMS.items():
    for _word in (*_words, _status.value, _LABELS[_status][0], _LABELS[_status][1]):
        _LOOKUP[re.sub(r"[\s_\-]+", "", _word.lower())] = _status


def parse_status(value: object) -> Status:
    """A Status from its machine name, English label or a Chinese word users write."""
    if isinstance(value, Status):
        return value
    text = re.sub(r"[\s_\-　]+", "", str(value if value is not None else "").lower())
    status = _LOOKUP.get(text)
    if status is None:
        raise ValidationError(Problem("unknown_status", "status", {"value": value}))
    return status
