"""Amounts as a person reads them: the bureau's own tables in Chinese, "¥120.900 bn" in English.

One rule for every place an amount is shown — the table, the detail pane, the dashboard, charts,
reports, the exported workbooks and the command line:

============  =======================  ==========================  ============
 preference    Chinese                  English                     decimals
============  =======================  ==========================  ============
 亿元 (yi)     ``1,209.00亿元`` (10⁸)     ``¥120.900 bn`` (10⁹)         2 / 3
 万元 (wan)    ``12,090,000万元`` (10⁴)   ``¥120,900.00 mn`` (10⁶)      0 / 2
============  =======================  ==========================  ============

English readers count in billions and millions ("bn"/"mn", as the financial press writes them);
Chinese readers in 亿 and 万. Both languages show an amount to the same precision: a million yuan in
the 亿元 preference (0.01亿 = ¥0.001 bn), ten thousand in the 万元 one (1万 = ¥0.01 mn), so that a
project of 6,854万元 reads "0.69亿元" and "¥0.069 bn", never "¥0.07 bn". An amount is rounded
half-up to the shown decimals; the exact figure, to the yuan, is :meth:`MoneyFormat.exact_text`
(tooltips) — or every digit everywhere with ``exact=True`` (the "show every digit" preference).
A change is never hidden by rounding: :meth:`MoneyFormat.change` shows as many decimals as the
two amounts need to differ.

Every text here reads back with :func:`zqtracker.domain.money.parse_money` ("¥120.900 bn",
"1,209.00亿元"), and a workbook header "Planned investment (¥ bn)" gives its column's unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from zqtracker.domain.money import Unit
from zqtracker.domain.words import Catalogue, norm_lang


@dataclass(frozen=True, slots=True)
class _Scale:
    factor: int
    decimals: int  # shown by default


# How many yuan a shown unit is, and its usual decimals: a number format, not words (English
# counts in 10⁹ and 10⁶, Chinese in 亿 and 万). The words are WORDS'.
_SCALES: dict[tuple[Unit, str], _Scale] = {
    (Unit.YI, "zh"): _Scale(100_000_000, 2),
    (Unit.WAN, "zh"): _Scale(10_000, 0),
    (Unit.YUAN, "zh"): _Scale(1, 0),
    (Unit.YI, "en"): _Scale(1_000_000_000, 3),  # to the million, as 亿元 with two
    (Unit.WAN, "en"): _Scale(1_000_000, 2),
    (Unit.YUAN, "en"): _Scale(1, 0),
}

# Keys composed from the unit: f"unit.{unit}" names it in a header, f"amount.{unit}" writes a
# figure in it (the sign goes before both: "-¥0.50 mn", "-0.50万元").
WORDS = Catalogue(
    "money_format",
    {
        "unit.yi": ("¥ bn", "亿元"),
        "unit.wan": ("¥ mn", "万元"),
        "unit.yuan": ("¥", "元"),
        "amount.yi": ("¥{figure} bn", "{figure}亿元"),
        "amount.wan": ("¥{figure} mn", "{figure}万元"),
        "amount.yuan": ("¥{figure}", "{figure}元"),
        "header": ("{text} ({unit})", "{text}（{unit}）"),
        "sheet_figure": ("{shown} ({exact})", "{shown}（{exact}）"),
        # English names the Chinese unit too, which printouts and workbooks in Chinese use
        "choice": ("{unit} ({unit_zh})", "{unit}"),
    },
    composed=("unit.", "amount."),
)


@dataclass(frozen=True, slots=True)
class SheetAmount:
    """An amount in the unit the sheet writes it in (``factor`` yuan: 10,000 for 万元), every digit: "1,200万元",
    "¥12.00 mn". A problem's parameter: domain/messages.py's describe() says it in the message's language."""

    yuan: int
    factor: int = 1

    def label(self, lang: str = "en") -> str:
        unit = next((u for u in Unit if u.factor == self.factor), Unit.YUAN)
        return MoneyFormat(unit, lang, exact=True).text(self.yuan)


@dataclass(frozen=True, slots=True)
class SheetFigure:
    """An amount as the sheet shows it, in its Chinese unit whatever the message's language, and to the yuan:
    "5,100万元 (¥51,000,000)", "5,100万元（51,000,000元）" — for a message that sends the reader to a cell of a
    sheet in 万元 (probe40a: "¥51.00 mn" is in no cell). A sheet of 元: the yuan alone."""

    yuan: int
    factor: int = 1

    def label(self, lang: str = "en") -> str:
        exact = MoneyFormat(Unit.YUAN, lang).exact_text(self.yuan)
        if self.factor == 1:
            return exact
        return WORDS.say("sheet_figure", lang, shown=SheetAmount(self.yuan, self.factor).label("zh"), exact=exact)


def _digits(factor: int) -> int:
    """Decimals that show any amount in this scale to the yuan (10⁸ → 8)."""
    return len(str(factor)) - 1


@dataclass(frozen=True, slots=True)
class MoneyFormat:
    """How amounts of one preference (``unit``) read in one language (``lang``: "en"/"zh")."""

    unit: Unit = Unit.YI
    lang: str = "en"
    exact: bool = False  # every digit (to the yuan) instead of the usual decimals

    @property
    def _scale(self) -> _Scale:
        return _SCALES[(self.unit, norm_lang(self.lang))]

    @property
    def factor(self) -> int:
        """Yuan per shown unit: a typed "12.5" in this format is 12.5 × factor yuan."""
        return self._scale.factor

    @property
    def label(self) -> str:
        """The unit as a column header or an axis names it: "亿元", "¥ bn"."""
        return WORDS.say(f"unit.{self.unit.value}", self.lang)

    @property
    def decimals(self) -> int:
        return self._scale.decimals

    @property
    def exact_decimals(self) -> int:
        return _digits(self.factor)

    def header(self, text: str) -> str:
        """ "计划总投资（亿元）" / "Planned investment (¥ bn)"."""
        return WORDS.say("header", self.lang, text=text, unit=self.label)

    def value(self, yuan: int) -> Decimal:
        """The exact amount in this scale (1 yuan is 0.000000001 in ¥ bn)."""
        return Decimal(yuan) / self.factor if self.factor != 1 else Decimal(yuan)

    def decimals_for(self, yuan: int) -> int:
        """Decimals shown for ``yuan``: the usual ones, or (exact) as many as it needs."""
        if not self.exact:
            return self.decimals
        needed = self.exact_decimals
        while needed > self.decimals and yuan % (10 ** (self.exact_decimals - needed + 1)) == 0:
            needed -= 1
        return needed

    def number(self, yuan: int | None, decimals: int | None = None, *, grouping: bool = True) -> str:
        """The figure alone, for a column whose header names the unit: "1,209.00"."""
        if yuan is None:
            return ""
        d = self.decimals_for(yuan) if decimals is None else decimals
        q = Decimal(1).scaleb(-d)
        rounded = self.value(yuan).quantize(q, rounding=ROUND_HALF_UP)
        if rounded == 0:
            rounded = abs(rounded)  # no "-0.00"
        return f"{rounded:,.{d}f}" if grouping else f"{rounded:.{d}f}"

    def text(self, yuan: int | None, decimals: int | None = None) -> str:
        """An amount with its unit: "1,209.00亿元", "¥120.900 bn", "-¥0.50 mn"."""
        if yuan is None:
            return ""
        figure = self.number(yuan, decimals)
        return self._signed(figure, self.unit)

    def _signed(self, figure: str, unit: Unit) -> str:
        sign = "-" if figure.startswith("-") else ""
        return sign + WORDS.say(f"amount.{unit.value}", self.lang, figure=figure.lstrip("-"))

    def exact_text(self, yuan: int | None) -> str:
        """To the yuan, for tooltips: "120,900,000,000元", "¥120,900,000,000"."""
        if yuan is None:
            return ""
        return self._signed(f"{yuan:,}", Unit.YUAN)

    def is_rounded(self, yuan: int) -> bool:
        """True when the shown figure is not the exact amount."""
        return yuan % (10 ** (self.exact_decimals - self.decimals_for(yuan))) != 0 if self.factor > 1 else False

    def change(self, before: int | None, after: int | None) -> tuple[str, str]:
        """Both sides of a change, with enough decimals to show that they differ.

        "12.00亿元 → 12.00亿元" would hide a change of 10万元; here it reads "12.000亿元 →
        12.001亿元". Equal amounts (or a side that is unknown) keep the usual decimals."""
        if before is None or after is None or before == after:
            return self.text(before), self.text(after)
        d = max(self.decimals_for(before), self.decimals_for(after))
        while d < self.exact_decimals and self.number(before, d) == self.number(after, d):
            d += 1
        return self.text(before, d), self.text(after, d)

    def excel_format(self) -> str:
        """The number format of a workbook cell holding an exact amount in this scale: two decimals,
        and every further digit the amount has down to the yuan ("#,##0.00######" in 亿元), so that a
        spreadsheet program saving a CSV "as shown" keeps the exact amount."""
        places = self.exact_decimals
        return "#,##0" if places == 0 else "#,##0.00" + "#" * max(0, places - 2)

    def choice(self) -> str:
        """The name of this unit in a unit chooser of the interface's language; English names the
        Chinese unit too, which printouts and workbooks in Chinese use: "¥ bn (亿元)"."""
        unit_zh = WORDS.say(f"unit.{self.unit.value}", "zh")
        return WORDS.say("choice", self.lang, unit=self.label, unit_zh=unit_zh)
