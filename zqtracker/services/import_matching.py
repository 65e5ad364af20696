"""Which stored project a row of a district's list is — the rule that keeps re-imports from
duplicating projects.

Real district lists almost never carry the city's codes. A row is matched by its code when it has
one (codes in one spelling, width, dashes and spaces folded: "2023－441200" = "2023-441200", as
domain/validation.normalize_code stores them); otherwise — and when its code is unknown but a
code-less project of that name exists — by its name in its district, names compared after folding
width, spaces and brackets and dropping a trailing 项目 ("恒通光伏组件扩产项目" = "恒通光伏组件扩产").
A row without a district matches the one project of that name anywhere. Several projects of one name
(in its district, or anywhere) are told apart by the row's enterprise when it is the investor of one
of them only (two 标准厂房建设项目 of two enterprises in one district are two projects); else they are a
question, never a guess. Near names ("…扩产项目" vs "…扩产项目（一期）") are not matched but offered:
the preview lets the user link or keep apart.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from zqtracker.domain.hanzi import simplified
from zqtracker.domain.validation import normalize_code
from zqtracker.services.import_exact_name import one_of
from zqtracker.services.import_identity import numbered

_SPACE_RE = re.compile(r"[\s\u3000]+")
_MARKS = "★☆■□●○▲△◆◇※*"
_PHASE_RE = re.compile(r"(?:[一二三四五六七八九十\d]+期|[一二三四五六七八九十\d]+标段?)$")
_BRACKETS_RE = re.compile(r"(?:项目)?\(([^()\x00]*)\)")  # (never across name_keys' NUL between names)
_FIRST_GROUP = operator.methodcaller("group", 1)  # as r"\1", without Python 3.11's template expansion per match


def name_key(name: str) -> str:
    """A project name as names are compared: NFKC (full- and half-width alike), in simplified
    characters (端州宏達新材料項目 is 端州宏达新材料项目), no spaces or key-project marks, brackets dropped
    (their words kept: "…（一期）项目" = "…一期项目"), lower case, a trailing 项目 dropped."""
    return _trimmed(_alike(_SPACE_RE.sub("", unicodedata.normalize("NFKC", simplified(name))).lower()))


def name_keys(names: list[str]) -> list[str]:
    """name_key of each name, the folding done once over all of them joined (100k stored names:
    one NFKC pass instead of 100k). NUL never occurs in a cell (XML cannot carry it) and no
    folding step joins characters across it, so each part folds as it would alone; a name that
    holds one anyway is folded on its own."""
    if not names or any("\x00" in n for n in names):
        return [name_key(n) for n in names]
    joined = simplified("\x00".join(names)).replace("（", "(").replace("）", ")")  # NFKC's own mapping of the usual
    if not unicodedata.is_normalized("NFKC", joined):  # culprits: the rest is then often normal already
        joined = unicodedata.normalize("NFKC", joined)
    return [_trimmed(key) for key in _alike(_SPACE_RE.sub("", joined).lower()).split("\x00")]


_BRACKETS_QUOTES = (("【", "("), ("】", ")"), ("[", "("), ("]", ")"), ("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"))


def _alike(text: str) -> str:
    """Square and lenticular brackets as round ones, curly quotes as straight ones; then the
    brackets themselves dropped, with a 项目 before them ("X项目(一期)" → "X一期")."""
    for wide, plain in _BRACKETS_QUOTES:
        text = text.replace(wide, plain)
    return _BRACKETS_RE.sub(_FIRST_GROUP, text) if "(" in text else text


def _trimmed(key: str) -> str:
    """A folded name without the key-project marks around it and its trailing 项目 / project."""
    key = key.strip(_MARKS)
    for suffix in ("项目", "project"):
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


def district_key(district: str | None) -> str | None:
    if district is None:
        return None
    key = _SPACE_RE.sub("", unicodedata.normalize("NFKC", simplified(district)))
    return key or None


@dataclass
class Stored:
    pid: int
    code: str | None
    name: str
    district: str | None
    enterprise: str | None = None


@dataclass
class Match:
    pid: int | None = None  # the stored project, or None: new
    problem: str | None = None  # "ambiguous_project", "code_conflict", or one the user answers (import_model._ASKED)
    other: str | None = None  # the stored project's code in a conflict
    candidates: list[int] = field(default_factory=list)  # near names, to link or keep apart
    spelled: str | None = None  # matched by a code spelt another way (dashes, case, leading zeros): the stored code
    other_enterprise: str | None = None  # matched by name alone to a project of another enterprise: that one
    coded: list[int] = field(default_factory=list)  # near names under codes of their own (a row with a new code)

    def asks(self, matcher: Matcher | None) -> bool:
        """Whether this new row is asked about (its near names): those without a code, else — for a
        row with a new code — near names under a code of their own that no row of this import matches
        (an 一期 split off, a project re-coded or moved to another district's list, its old row gone:
        stored beside it, its figures counted twice)."""
        if not self.candidates and self.coded and matcher is not None:
            self.candidates = [pid for pid in self.coded if pid not in matcher.matched]
        return bool(self.candidates)


class Matcher:
    """Stored projects indexed for matching rows (100k projects: two dicts, built once)."""

    def __init__(self, stored: list[Stored], district_aliases: dict[str, str] | None = None) -> None:
        self.by_id = {s.pid: s for s in stored}
        self.by_code = by_code = {s.code: s.pid for s in stored if s.code}
        every = "".join(by_code)
        if not (every.isascii() and every.isprintable() and " " not in every):  # one check for 100k codes
            # a code stored before codes were normalised ("2023－441200…", "２０２３…") is found by the
            # spelling the rows now carry (io/values.parse_code); a code stored as spelt wins
            self.by_code = {**{normalize_code(c): pid for c, pid in by_code.items()}, **by_code}
        self._names: tuple[dict[tuple[str, str | None], list[int]], dict[str, list[int]]] | None = None
        self._key_of: dict[int, str] = {}  # stored project id → its name key (names())
        self.aliases = district_aliases or {}
        self._near: dict[tuple[str | None, str], list[tuple[str, int]]] | None = None
        self._spellings: dict[str, set[int]] | None = None  # stored codes by _code_key (spellings folded)
        self._enterprises: dict[str, list[int]] | None = None  # stored projects by company_key (renamed())
        self.matched: set[int] = set()  # stored projects a row matched by its code (Match.asks)
        self.numbers: set[str] | None = None  # the stored codes when they are 1, 2 … n (import_identity.numbered)
        self.near_budget = 2_000  # new rows looked at for near names (a 100k-row file of new projects is no
        # monthly update: its rows are not compared with every stored name)

    def names(self) -> tuple[dict[tuple[str, str | None], list[int]], dict[str, list[int]]]:
        """Stored projects by (name key, district key) and by name key: folded when a row first
        needs a match by name (a re-import whose rows all carry known codes never does)."""
        if self._names is None:
            by_place: dict[tuple[str, str | None], list[int]] = {}
            by_name: dict[str, list[int]] = {}
            places = {d: district_key(d) for d in {s.district for s in self.by_id.values()}}
            stored = list(self.by_id.values())
            self._key_of = dict(zip(self.by_id, name_keys([s.name for s in stored]), strict=True))
            for s, nk in zip(stored, self._key_of.values(), strict=True):
                by_place.setdefault((nk, places[s.district]), []).append(s.pid)
                by_name.setdefault(nk, []).append(s.pid)
            self._names = by_place, by_name
        return self._names

    def match(
        self, code: str | None, name: str | None, district: str | None, nk: str | None = None, enterprise: object = None
    ) -> Match:
        """``code``: as io/values.parse_code gives it (normalize_code's spelling); ``nk``:
        name_key(name), when the caller folded it already; ``enterprise``: the row's, if it gives one."""
        if code:
            pid, spelled = self.by_code.get(code), None
            if pid is None and name:  # "ZQ001" or "zq-001" for "ZQ-001", "12" for "0012": confirmed by the name
                twin = self._spelling_twin(code)
                pid, spelled = (twin.pid, twin.code) if twin is not None else (None, None)
            if pid is not None:
                stored = self.by_id[pid]  # (the name and district as stored: the common case, told inline)
                if name and name != stored.name and not self._named_alike(pid, name, nk):
                    # another district's 001, or a list numbered afresh
                    problem = "spelling_other_name" if spelled else "code_other_name"
                    return Match(problem=problem, other=stored.code, candidates=[pid])
                if name and name != stored.name and (asked := self._retold(pid, name, nk, enterprise)):
                    # a stock name (高要区…建设项目) under a reused code, another enterprise's; a list's row number
                    asked = "spelling_other_name" if spelled else asked
                    return Match(problem=asked, other=stored.code, candidates=[pid])
                if district and district != stored.district and self._elsewhere(pid, district):
                    # the same number in another district's list
                    return Match(problem="code_other_district", other=stored.code, candidates=[pid])
                self.matched.add(pid)
                return Match(pid, spelled=spelled)
        if not name:
            return Match()
        nk = name_key(name) if nk is None else nk
        dk = district_key(self.aliases.get(district, district) if district else None)
        by_place, by_name = self.names()
        found = (by_place.get((nk, dk)) or by_place.get((nk, None)) or []) if dk is not None else by_name.get(nk, [])
        if (
            dk is None
            and len(found) == 1
            and isinstance(enterprise, str)
            and self._other_enterprise(found[0], enterprise)
        ):
            # no district to tell: the one project of that name belongs to another enterprise
            return Match(problem="name_other_enterprise", other=self.by_id[found[0]].enterprise, candidates=found)
        if len(found) > 1 and isinstance(enterprise, str):  # two projects of one name: the row's enterprise's?
            found = self._of_enterprise(found, enterprise) or found
        if code:  # a code the database does not know: only a code-less project of that name is the same
            free = [pid for pid in found if not self.by_id[pid].code]
            if len(free) > 1 and isinstance(enterprise, str):
                free = self._of_enterprise(free, enterprise) or free
            if len(free) == 1:
                return self._named(free[0], enterprise)
            if found and not free:
                # same name and district, another code: new, but offered (a code corrected, or two projects?)
                return Match(problem="code_conflict", other=self.by_id[found[0]].code, candidates=found[:5])
            # a near name under another code is another project: only one without a code is offered
            near = self.near(nk, dk) or self.renamed(nk, dk, enterprise)
            return Match(
                candidates=[pid for pid in near if not self.by_id[pid].code],
                coded=[pid for pid in near if self.by_id[pid].code],
            )
        if found:  # of several (folded alike), the one of the row's very name; else a question
            return one_of(self, found, name, enterprise)
        near = self.near(nk, dk)
        return Match(candidates=near or self.renamed(nk, dk, enterprise))

    def _named(self, pid: int, enterprise: object) -> Match:
        """The one stored project of a row's name, matched; told when its enterprise is another (the
        analysis keeps the row apart when the file lists that enterprise's project of the name too)."""
        if isinstance(enterprise, str) and self._other_enterprise(pid, enterprise):
            return Match(pid, other_enterprise=self.by_id[pid].enterprise)
        return Match(pid)

    def _named_alike(self, pid: int, name: str, nk: str | None) -> bool:
        """Whether a row under a stored project's code names it alike: the same name (folded), or a
        near one (a phase added, a place before it, a typo), or one sharing most of its characters —
        a project renamed keeps its code; a name nothing like it is another project (the common
        case, the very same name, costs one comparison)."""
        stored = self.by_id[pid].name
        if name == stored:
            return True
        a, b = name_key(name) if nk is None else nk, name_key(stored)
        return a == b or _near_keys(a, b) or SequenceMatcher(None, a, b).ratio() >= 0.5

    def _retold(self, pid: int, name: str, nk: str | None, enterprise: object) -> str | None:
        """Why a row under a stored project's code, named alike as _named_alike tells, is asked all the
        same: its enterprise is another and its name only shares the stock words ("code_other_enterprise"),
        or the stored codes are the numbers 1…n of a list and the name is another ("code_renumbered")."""
        stored = self.by_id[pid]
        a, b = name_key(name) if nk is None else nk, name_key(stored.name)
        if a == b:
            return None
        if stored.code in numbered(self):
            return "code_renumbered"
        other = isinstance(enterprise, str) and self._other_enterprise(pid, enterprise)
        return "code_other_enterprise" if other and not lightly_renamed(a, b) else None

    def stored_spelling(self, code: str, pid: int) -> str | None:
        """The stored project ``pid``'s code when ``code`` is it spelt another way (a row the user
        linked to it: the stored spelling stays), else None."""
        stored = self.by_id.get(pid)
        other = stored.code if stored is not None else None
        return other if other and other != code and _code_key(other) == _code_key(code) else None

    def _spelling_twin(self, code: str) -> Stored | None:
        """The one stored project whose code is ``code`` spelt another way: without the dashes,
        dots or spaces, in other case ("ZQ001", "zq-001" for "ZQ-001"), or an all-digit code without
        its leading zeros (a code typed as a number loses them in a spreadsheet program)."""
        if self._spellings is None:
            self._spellings = {}
            for c, pid in self.by_code.items():
                self._spellings.setdefault(_code_key(c), set()).add(pid)
        twins = self._spellings.get(_code_key(code))
        return self.by_id[next(iter(twins))] if twins is not None and len(twins) == 1 else None

    def _elsewhere(self, pid: int, district: str) -> bool:
        """Whether the row's district and the stored project's are both known and differ."""
        stored = self.by_id[pid].district
        if stored is None or district == stored:  # the common case: as stored, spelt alike
            return False
        here = district_key(self.aliases.get(district, district))
        return here is not None and here != district_key(stored)

    def _other_enterprise(self, pid: int, enterprise: str) -> bool:
        """Whether the row's enterprise and the stored project's are both given and are not one (compared
        without spaces, width and a trailing 有限公司 …; one inside the other, 甲公司 and 甲新能源有限公司, is one)."""
        stored = self.by_id[pid].enterprise
        if not stored or stored == enterprise:  # the common case: as stored
            return False
        a, b = company_key(stored), company_key(enterprise)
        return bool(enterprise.strip()) and a != b and a not in b and b not in a

    def renamed(self, nk: str, dk: str | None, enterprise: object, limit: int = 5) -> list[int]:
        """Stored projects of the row's enterprise, in its district, whose names share a run of four
        characters or more with the row's ("鸿达新材料项目" → "年产5万吨鸿达新材料项目", "肇庆市高要区鸿达
        新材料项目"): a project renamed without a code would be listed twice, its figures counted twice."""
        if not isinstance(enterprise, str) or not enterprise.strip() or self.near_budget <= 0:
            return []
        if self._enterprises is None:
            self.names()
            self._enterprises = {}
            for s in self.by_id.values():
                if s.enterprise:
                    self._enterprises.setdefault(company_key(s.enterprise), []).append(s.pid)
        out = []
        for pid in self._enterprises.get(company_key(enterprise), [])[:50]:
            if dk is not None and district_key(self.by_id[pid].district) != dk:
                continue
            other = self._key_of[pid]
            run = SequenceMatcher(None, nk, other, autojunk=False).find_longest_match(0, len(nk), 0, len(other)).size
            if run >= min(4, len(nk), len(other)):
                out.append(pid)
        return out[:limit]

    def _of_enterprise(self, pids: list[int], enterprise: str) -> list[int]:
        """Those of ``pids`` (stored projects of one name) whose enterprise is the row's."""
        key = company_key(enterprise) if enterprise.strip() else None
        return [pid for pid in pids if key and company_key(self.by_id[pid].enterprise or "") == key]

    def near(self, nk: str, dk: str | None, limit: int = 5) -> list[int]:
        """Stored projects whose names are near ``nk``'s: one a prefix of the other ("…扩产" and
        "…扩产一期"), one character apart ("德信陶磁…" and "德信陶瓷…"), or nearly the same characters
        — names that begin alike, in the same district when one is given; or one the other with a
        place before it ("肇庆金利五金…" and "金利五金…"). The same name in another district is
        offered too."""
        out: list[int] = []
        if dk is not None:
            out.extend(pid for pid in self.names()[1].get(nk, []))
        if len(nk) < 4 or self.near_budget <= 0:
            return out[:limit]
        self.near_budget -= 1
        if self._near is None:
            self._near = {}
            self.names()  # every stored name's key, folded at once
            for s in self.by_id.values():
                key = self._key_of[s.pid]
                self._near.setdefault((district_key(s.district), key[:2]), []).append((key, s.pid))
                self._near.setdefault((district_key(s.district), "…" + key[-3:]), []).append((key, s.pid))
        pool = [
            p
            for at in (nk[:2], "…" + nk[-3:])
            for p in (
                self._near.get((dk, at), [])
                if dk is not None
                else [p for (_d, head), ps in self._near.items() if head == at for p in ps]
            )
        ]
        base = _PHASE_RE.sub("", nk)
        for other, pid in pool[:5_000]:
            if other == nk or pid in out:
                continue
            if _near_keys(nk, other, base):
                out.append(pid)
                if len(out) >= limit:
                    break
        return out[:limit]


def _near_keys(nk: str, other: str, base: str | None = None) -> bool:
    """Two folded names near each other: a phase apart, one the other's start, a character apart, a
    place before one, or nearly the same characters (``base``: nk without its phase, when known)."""
    return (
        _PHASE_RE.sub("", other) == (_PHASE_RE.sub("", nk) if base is None else base)
        or other.startswith(nk)
        or (nk.startswith(other) and len(other) >= 6)
        or _one_apart(nk, other)
        or _place_before(nk, other)
        or (
            abs(len(other) - len(nk)) <= 3
            and SequenceMatcher(None, nk, other).quick_ratio() >= 0.9
            and SequenceMatcher(None, nk, other).ratio() >= 0.9
        )
    )


_CODE_SEPARATORS_RE = re.compile(r"[\s\-_./·—–]+")
_COMPANY_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团|公司)+$")  # "甲公司有限公司" = "甲公司" = "甲"


def _code_key(code: str) -> str:
    """A code as its spellings are compared: no separators, upper case, an all-digit code without
    its leading zeros."""
    key = _CODE_SEPARATORS_RE.sub("", code).upper()
    return (key.lstrip("0") or "0") if key.isdigit() else key


def company_key(name: str) -> str:
    """An enterprise as enterprises are compared: no spaces, width folded, no trailing 有限公司 and the like."""
    return _COMPANY_RE.sub("", _SPACE_RE.sub("", unicodedata.normalize("NFKC", simplified(name))))


def lightly_renamed(a: str, b: str) -> bool:
    """Two folded names of one project told by another enterprise: a phase written another way, a
    typo put right, a place before one, or nearly the same characters — not one the other with words
    added ("年产5万吨铝型材" and "年产5万吨铝型材深加工" are two projects of a stock name)."""
    return (
        _PHASE_RE.sub("", a) == _PHASE_RE.sub("", b)
        or _one_apart(a, b)
        or _place_before(a, b)
        or (abs(len(a) - len(b)) <= 3 and SequenceMatcher(None, a, b).ratio() >= 0.9)
    )


def _one_apart(a: str, b: str) -> bool:
    """Names of five characters or more, one Chinese character apart (a typo put right: 陶磁 →
    陶瓷; 1号 / 2号, A区 / B区 are other projects)."""
    if len(a) != len(b) or len(a) < 5:
        return False
    apart = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(apart) == 1 and all("\u4e00" <= ch <= "\u9fff" for ch in apart[0])


def _place_before(a: str, b: str) -> bool:
    """One name the other with up to four characters before it (肇庆, 高要区): six or more left."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 6 and long.endswith(short) and len(long) - len(short) <= 4
