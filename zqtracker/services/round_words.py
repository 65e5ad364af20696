"""The round's findings and differences in words (English, 简体中文), for the CLI, the round view
and the reminder texts. Money is shown in the round's unit, exact."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.round_checks import Finding
from zqtracker.domain.round_messages import CHECK_LABELS
from zqtracker.domain.rounds import Lacking, Period
from zqtracker.domain.status import Status
from zqtracker.domain.words import Catalogue

_WORDS: dict[str, tuple[str, str]] = {
    # a finding's detail, by check
    "ytd_decreased": (
        "{months} {ytd} is below 1–{previous_month} {previous}",
        "{months}累计 {ytd} 低于1–{previous_month}月累计 {previous}",
    ),
    "month_above_planned_share": (
        "this month {amount} against planned {planned}",
        "当月 {amount}，计划总投资 {planned}",
    ),
    "month_above_usual": ("this month {amount} against a usual month of {usual}", "当月 {amount}，平常月份约 {usual}"),
    "month_below_usual": ("this month {amount} against a usual month of {usual}", "当月 {amount}，平常月份约 {usual}"),
    "planned_implausible": ("planned investment {planned}", "计划总投资 {planned}"),
    "total_above_planned": ("completed {total} against planned {planned}", "累计完成 {total}，计划总投资 {planned}"),
    "status_backwards": ("{before} → {after}", "{before} → {after}"),
    "idle_under_construction": ("no investment in the last {months} months", "近{months}个月无投资"),
    "month_disagrees": (
        "this month {month}; {months} {ytd} less {before} = {derived}",
        "当月 {month}；{months}累计 {ytd} 减去前期 {before} = {derived}",
    ),
    "round_year_old": (
        "the workbook of the round of {round}, a year or more before the newest round ({newest}): last year's "
        "workbook filled in with this year's figures? Accept only if they are {round}'s",
        "这是{round}的报表，比最新一期（{newest}）早一年以上：是否用去年的表格填了今年的数据？确属{round}的数据才接受",
    ),
    "finding": ("{check}: {detail}", "{check}：{detail}"),
    "likely_unit": (" — likely typed in {unit} ({amount})", " — 可能按{unit}填报（即 {amount}）"),
    # the reminder to paste into a chat
    "reminder": (
        "{district}: please return the key-project progress report for {period} by {due}",
        "{district}：{period}重点项目进展报表请于{due}前报回",
    ),
    "reminder_returned": (
        "{district}: the key-project progress report for {period} has come back",
        "{district}：{period}重点项目进展报表已报回",
    ),
    "reminder_late_day": (" (now {days} day late)", "（已逾期{days}天）"),
    "reminder_late_days": (" (now {days} days late)", "（已逾期{days}天）"),
    "reminder_lacking": (
        "; {count} project(s) still lack this month's figures:",
        "，以下{count}个项目尚缺本月数据：",
    ),
    # the findings as a table
    "findings_title": ("Plausibility checks of returns", "回表合理性检查"),
    "findings_headers": (
        "District|Month|Row|Code|Project|Check|Detail|Decision|Note",
        "区域|月份|行|项目编号|项目名称|检查|说明|处理|备注",
    ),
    "accepted": ("accepted", "已接受"),
    # the round's folder and the reminder workbook
    "folder": ("round-{period}", "{period}报表"),
    "reminders_title": ("Reminders for the round of {period}", "{period}报表催报名单"),
    "reminders_headers": ("District|Days late|Code|Project", "区域|逾期天数|项目编号|项目名称"),
    "sent_back": ("sent back", "已退回"),
}
WORDS = Catalogue("round_findings", _WORDS)
# The labels of the checks added with the too-small month (domain/round_messages.py has the others).
CHECK_LABELS.merge(
    Catalogue(
        "round_checks_more",
        {
            "month_below_usual": ("Month below a thousandth of the usual month", "当月不足平常月份的千分之一"),
            "planned_implausible": ("New project of 1000亿元 or more", "新项目计划总投资达1000亿元以上"),
            "round_year_old": ("Workbook of a round a year old", "一年前的报表"),
        },
    )
)
_MONEY_KEYS = ("ytd", "previous", "amount", "planned", "usual", "total", "month", "before", "derived")


def money(yuan: int | None, unit: Unit, lang: str) -> str:
    """Exact, with the decimals it needs: a slip to 300元 reads "0.03万元", never "0万元"."""
    return "—" if yuan is None else MoneyFormat(unit, lang, exact=True).text(yuan)


def check_label(check: str, lang: str) -> str:
    return CHECK_LABELS.say(check, lang)


def finding_text(f: Finding, period: Period, unit: Unit, lang: str) -> str:
    """ "Month above 30% of planned investment: this month 300.00亿元 against planned 6,391.00万元 —
    likely typed in 元 (300.00万元)"."""
    params: dict[str, object] = dict(f.params)
    for key in _MONEY_KEYS:
        if isinstance(params.get(key), int):
            params[key] = money(params[key], unit, lang)  # type: ignore[arg-type]
    for key in ("before", "after"):
        if f.check == "status_backwards" and key in f.params:
            params[key] = Status(str(f.params[key])).label(lang)
    params.setdefault("months", period.ytd_label(lang))  # the idle check's own "months" is a count
    text = WORDS.say("finding", lang, check=check_label(f.check, lang), detail=WORDS.say(f.check, lang, **params))
    if f.likely_unit is not None and f.likely_amount is not None:
        word = Unit(f.likely_unit).label(lang)
        text += WORDS.say("likely_unit", lang, unit=word, amount=money(f.likely_amount, unit, lang))
    return text


@dataclass(frozen=True, slots=True)
class Reminder:
    """What to send a district that owes its return: as text to paste and rows for a workbook."""

    district: str
    late_days: int
    projects: list[Lacking]
    returned: bool = False  # its return imported: only its projects still lacking figures are asked for


def reminder_text(period: Period, due: str, reminders: list[Reminder], lang: str) -> str:
    """A message to paste into a chat or e-mail, one paragraph per district."""
    out: list[str] = []
    for r in reminders:
        head = WORDS.say("reminder_returned" if r.returned else "reminder", lang, district=r.district,
                         period=period.label(lang), due=due)  # fmt: skip
        if r.late_days > 0:
            head += WORDS.say("reminder_late_day" if r.late_days == 1 else "reminder_late_days", lang, days=r.late_days)
        head += WORDS.say("reminder_lacking", lang, count=len(r.projects))
        out.append(head)
        for p in r.projects:
            out.append(f"  - {p.code + ' ' if p.code else ''}{p.name}")
        out.append("")
    return "\n".join(out).rstrip() + "\n" if out else ""


def findings_table(returns: list, lang: str) -> tuple[str, list[str], list[list[object]]]:
    """The plausibility findings of returns (services.round_collect.DistrictReturn) as a titled
    table: the report of the checks, to keep or to send back to the districts."""
    title = WORDS.say("findings_title", lang)
    headers = WORDS.say("findings_headers", lang).split("|")
    rows: list[list[object]] = []
    for ret in returns:
        unit, period = ret.meta.unit, ret.period
        for f in ret.findings:
            sent = ret.sent.get(f.project_id) if f.project_id is not None else None
            decision = ret.decision(f)
            said = "" if decision is None else WORDS.say("accepted" if decision[0] == "accepted" else "sent_back", lang)
            rows.append([ret.district, str(period), f.row, sent.code if sent and sent.code else "", f.name,
                         check_label(f.check, lang), finding_text(f, period, unit, lang), said,
                         decision[1] if decision else ""])  # fmt: skip
    return title, headers, rows
