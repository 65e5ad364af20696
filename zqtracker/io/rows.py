"""What a row under the header is when it is not a project: a note, a total, a section, blank.

Totals (合计/总计/小计/Total, "其中：" breakdowns, rows of bare sums) are never projects; section
rows ("一、先进制造业（94个）", "（二）新能源汽车", or one text merged across the table) name the
sector — or the district — of the rows under them; the notes under a table ("注：…", "填表人：…")
end it.
"""

from __future__ import annotations

import re

from zqtracker.io import values as cells
from zqtracker.io.columns import NOTE_WORDS, TOTAL_WORDS

_SECTION1_RE = re.compile(r"^[一二三四五六七八九十百]{1,3}\s*[、.．]\s*(.+)$")
_SECTION2_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*[、.．]?\s*(.+)$")
_SECTION3_RE = re.compile(r"^\d{1,2}\s*[、.．]\s*(\D.{0,30})$")  # "1．新能源汽车" alone on its row: a third level
# "（12个）", "（3个，协议投资额12亿元）" (a count, then what they come to), "82个" at the end: a group's count
_GROUP_COUNT_RE = re.compile(
    r"(?:[（(]\s*(?:共|合计)?\s*\d+\s*(?:个|项)(?:项目)?\s*(?:[，,、；;][^()（）]*)?[)）]|\d+\s*个)\s*$"
)
_NUMERAL1_RE = re.compile(r"^[一二三四五六七八九十百]{1,3}\s*[、.．]?$")
_NUMERAL2_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]$")
_COUNT_RE = re.compile(
    r"\s*[（(]\s*(?:共|合计)?\s*\d+\s*(?:个|项)?\s*(?:项目)?\s*(?:[，,、；;][^()（）]*)?[)）]\s*$|\s*\d+\s*个\s*$"
)
# 全区, 全市（4个）, 全县合计: the whole area's total — never a district or a project of that name
_WHOLE_AREA_RE = re.compile(r"^全[区市县镇乡](?:范围)?\s*(?:[（(][^()（）]*[)）])?$")
_TOTAL_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(w) for w in sorted(TOTAL_WORDS, key=len, reverse=True))
    + r"|全市合计|总合计|其中)(?:[(（:：].*)?$",
    re.I,
)
# A name cell that holds 合计 / 小计 / 总计 / 共计 anywhere ("龙海市合计14个", "合计（100项）") or starts
# with 其中 ("其中：在建重点项目（90项）") is a total or its breakdown, never a project — but not the 合计
# of 综合计量 or 综合计算 in a name (肇庆市综合计量检测中心项目), nor 总计划.
# "共8个项目" / "项目个数" (a count with the sums, or the count alone) is the table's total line too.
_TOTAL_INSIDE_RE = re.compile(
    r"(?<![综綜])合[计計]|小[计計]|[总總][计計](?![划劃])|共[计計]"  # (計: a total written in traditional characters)
    r"|^其中|^grand total$|^sub-?total\b|^total\b|^共\s*\d+\s*(?:个|项)(?:项目)?$"
    r"|^(?:项目)?(?:个数|数量|总数)$|^项目数$"
    r"|^(?:承前页|承上页|接上页|转下页|转次页|过次页|过下页|本页合计)",  # a page's carried sums
    re.I,
)
# …but a project's name with the word inside it, not a total's label: "建设标准厂房共计12万平方米项目" — the word
# after a few characters that are not a place, a kind or a page (端州区合计, 新开工项目合计, 以上合计), then more
# ending in what a project is, and no count (合计14个)
_NAME_AROUND_RE = re.compile(
    r"^(?!其中)(?P<before>.{2,}?)(?:合[计計]|小[计計]|[总總][计計]|共[计計])(?P<after>.+)"
    r"(?:项目|工程|基地|中心|产业园|园区|厂房|生产线)$"
)
_NOT_A_NAME_BEFORE = ("区", "县", "市", "镇", "街道", "项目", "类", "业", "以上", "本页", "本月", "全部", "总")
# 汇总 / 累计 (端州区汇总) on a row of figures is a total too; alone on its row, the title of a summary below
_SUM_WORD_RE = re.compile(r"^(?:.{0,12}(?:汇总|累计))(?:[(（:：].*)?$")
_NOTE_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(w) for w in sorted(NOTE_WORDS, key=len, reverse=True))
    + r")\s*[0-9一二三]*\s*[:：、.]",
    re.I,
)
# "备注" / "注" alone in a cell left of the names, a note's label: the notes' first row, whatever numbers follow
_NOTE_LABEL_RE = re.compile(r"^(?:注|备注|说明|附注|附|附件|填表说明)\s*[0-9一二三]*\s*[:：、.]?$")
# A table's title printed again over a later page: 续表, or a year and the word for a list or table
_TITLE_RE = re.compile(
    r"续表|续上表|接上表|(?:19|20)\d{2}\s*年.*(?:表|清单|名单|名录|一览|计划)\s*(?:[（(][^)）]*[)）])?\s*$"
)
_TABLE_TITLE_RE = re.compile(r"(?:19|20)\d{2}\s*年.{2,}表\s*(?:[（(][^)）]*[)）])?\s*$")
_DISTRICT_SUFFIXES = ("区", "县", "市", "园区", "开发区", "新区", "园", "镇")
# 四会市, 四会市重点项目, 肇庆市四会市重点项目表 alone on its row, unmerged and with no year: a district's title over
# the rows under it — or a project's second line; io/block_places.py tells which by the rows' numbering
_PLACE_TITLE_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}市)?(?P<place>[\u4e00-\u9fff]{2,6}?[区县市镇])"
    r"(?:重点)?(?:建设)?(?:项目)?(?:表|清单|名单|一览表|情况表)?$"
)


def classify(
    row: list, name_col: int | None, code_col: int | None, number_col: int | None, spans: dict[int, int]
) -> tuple[str, str] | None:
    """("note" | "total" | "section1" | "section2" | "title" | "blank", text) for a row without a code that
    is not a project; None for a project row. ``spans`` maps a column to the width of a merge that
    starts there on this row."""
    if all((v.__class__ is str and not v.strip()) or v is None for v in row):
        return "blank", ""
    first = _first_text(row)
    if first is not None:
        if _NOTE_RE.match(first[1]) and all(v.__class__ is str or v is None for v in row):
            return "note", first[1]
        at, text = first
        if name_col is not None and (
            (at <= name_col and _NOTE_RE.match(text) and not _beside(row, at, name_col))
            or (at < name_col and _NOTE_LABEL_RE.match(text))
        ):
            return "note", text  # "注：" | 1、本月新增入库项目2个 | 12000: the notes start, not a project
        if _TOTAL_RE.match(cells.fold(first[1])):
            return "total", first[1]
    name = None if _empty_at(row, name_col) else row[name_col]  # type: ignore[index]
    label = name if isinstance(name, str) else first[1] if first is not None else None
    if isinstance(name, str) and "无" in name and len(name) < 16 and _NOTHING_RE.match(cells.fold(name)):
        return "blank", name.strip()  # 无, 本月无重点项目: a district with nothing to report this month
    if (
        isinstance(name, str)
        and name.rstrip().endswith("。")
        and all(cells.is_empty(v) for j, v in enumerate(row) if j not in (number_col, name_col))
    ):
        return "note", name.strip()  # 5 | 投资额单位为万元。 and nothing else: a numbered note under the table
    if isinstance(label, str) and _TOTAL_INSIDE_RE.search(folded := cells.fold(label)) and not _named_around(folded):
        return "total", label.strip()
    if isinstance(label, str) and _SUM_WORD_RE.match(cells.fold(label)) and any(_is_number(v) for v in row):
        return "total", label.strip()
    if isinstance(label, str) and label[:1] == "全" and _WHOLE_AREA_RE.match(cells.fold(label)):
        return "total", label.strip()
    if first is not None and _TABLE_TITLE_RE.search(first[1]) and sum(not cells.is_empty(v) for v in row) == 1:
        return "title", first[1]  # "肇庆市四会市2025年…情况表" alone, unmerged: a stacked table's title (probe29a)
    section = _section(row, name_col, number_col, spans)
    if section is not None:
        said = section[1] if first is None else first[1]
        if _TITLE_RE.search(said) and not (_SECTION1_RE.match(said) or _SECTION2_RE.match(said)):
            return "title", said  # "2025年…计划表（续表）" over a page's rows: the title again, no sector
        return f"section{section[0]}", section[1]
    if first is not None and place_title(row) is not None:
        return "title", first[1]  # 四会市 alone over its rows (probe30): block_places.py reads or asks
    if not _has_identity(row, name_col, code_col) and all(v.__class__ is not str or not v.strip() for v in row):
        return "total", ""  # a row of bare sums
    return None


def _named_around(folded: str) -> bool:
    """A name with 合计 / 共计 … inside it ("区列合计甲项目"), not a total's label (_NAME_AROUND_RE)."""
    m = _NAME_AROUND_RE.match(folded)
    return (
        m is not None
        and not m["before"].endswith(_NOT_A_NAME_BEFORE)
        and not re.search(r"\d+\s*(?:个|项)", folded)
        and not _GROUP_COUNT_RE.search(folded)
    )


# A district's sheet with nothing this month: 无, 暂无, 本月无重点项目, 无新增项目
_NOTHING_RE = re.compile(r"^(?:本月|本期|本季度|当月)?(?:暂)?无(?:新增|新开工|在建|重点)?(?:项目|数据)?$")


def _beside(row: list, at: int, name_col: int) -> bool:
    """A note left of the table beside a project's row ("注：红色为新增项目" in A, the table from C): the
    row is a project, the note a remark."""
    name = row[name_col] if name_col < len(row) else None
    return at < name_col and isinstance(name, str) and bool(name.strip()) and any(_is_number(v) for v in row[at + 1 :])


def is_note(text: str) -> bool:
    """A note's or signature's text ("注：…", "填表人：李明", "联系电话：0758-…")."""
    return bool(_NOTE_RE.match(text.strip()))


def place_title(row: list) -> str | None:
    """The place a row naming a district and nothing else names (四会市, 四会市重点项目 in one cell)."""
    texts = [v for v in row if not cells.is_empty(v)]
    if len(texts) != 1 or texts[0].__class__ is not str:
        return None
    m = _PLACE_TITLE_RE.match(cells.clean_text(texts[0]))
    return m["place"] if m else None


def is_district(name: str, known: frozenset[str]) -> bool:
    return name in known or name.endswith(_DISTRICT_SUFFIXES)


def _first_text(row: list) -> tuple[int, str] | None:
    """The row's first text, skipping a leading number (a 序号)."""
    for j, v in enumerate(row):
        if v.__class__ is str and v.strip():
            return j, v.strip()
        if v != "" and v is not None:
            if j > 2:
                return None
            for k in range(j + 1, min(len(row), j + 3)):
                w = row[k]
                if w.__class__ is str and w.strip():
                    return k, w.strip()
            return None
    return None


def _is_number(value: object) -> bool:
    return value.__class__ in (int, float) or (value.__class__ is str and cells.fold(value).replace(",", "").isdigit())


def _empty_at(row: list, j: int | None) -> bool:
    return j is None or j >= len(row) or cells.is_empty(row[j])


def _has_identity(row: list, name_col: int | None, code_col: int | None) -> bool:
    return not _empty_at(row, name_col) or not _empty_at(row, code_col)


def _section(row: list, name_col: int | None, number_col: int | None, spans: dict[int, int]) -> tuple[int, str] | None:
    texts = [(j, v.strip()) for j, v in enumerate(row) if v.__class__ is str and v.strip()]
    if not texts:
        return None
    if not _empty_at(row, number_col) and not _empty_at(row, name_col):
        number = cells.display(row[number_col]).strip()  # type: ignore[index]
        label = cells.clean_text(row[name_col])  # type: ignore[index]
        if _NUMERAL1_RE.match(number):
            return 1, clean_section(label)
        if _NUMERAL2_RE.match(number):
            return 2, clean_section(label)
    j, text = texts[0]
    m1, m2 = _SECTION1_RE.match(text), _SECTION2_RE.match(text)
    if (m1 or m2) and len(texts) == 1:
        return (1, clean_section(m1.group(1))) if m1 else (2, clean_section(m2.group(1)))  # type: ignore[union-attr]
    m3 = _SECTION3_RE.match(text) if len(texts) == 1 and _empty_at(row, name_col) else None
    if m3:
        return 2, clean_section(m3.group(1))
    if len(texts) == 1 and spans.get(j, 1) >= 3:
        return 1, clean_section(text)
    if (
        text[-1] in "个)）目"
        and len(text) <= 30
        and _GROUP_COUNT_RE.search(text)
        and all(t == _COUNT_RE.sub("", text) for _j, t in texts[1:])
    ):
        return 2, clean_section(text)  # "工业项目82个", "新能源汽车（12个）"; 端州区（2个项目） | 端州区 | sums
    return None


def clean_section(text: str) -> str:
    """ "先进制造业项目（94个）" → "先进制造业"."""
    text = cells.clean_text(text).rstrip(":：")
    text = _COUNT_RE.sub("", text).strip()
    for suffix in ("类项目", "项目", "类"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return text.strip()
