"""The questions an import preview asks besides the column map: what rows without a district,
sector or status should take, what each status word of the file means (an unknown one asked, a known
one re-mapped at will), which district a name the
database does not hold is, whether a new row with a near name is a stored project, whether rows
hidden in the sheet or struck through (ui/struck_question.py) are imported, and how slash dates that
read either way (03/04/2026) are read.

    questions = ImportQuestions(lang)
    questions.defaults_changed.connect(...)      # (district, sector, status) the user set
    questions.status_word_chosen.connect(...)    # (word, status value or "")
    questions.districts_said.connect(...)        # ({"马安": "肇庆高新区"}: names as written → districts)
    questions.link_chosen.connect(...)           # (sheet, row, project id or 0 to keep apart)
    questions.rows_answered.connect(...)         # ("hidden_rows" or "struck_rows", "import", "skip" or "")
    questions.date_order_chosen.connect(...)     # ("mdy" or "dmy")
    questions.period_chosen.connect(...)         # ((year, month) of the report, or None: as the file says)
    questions.show_analysis(analysis, sheet)

The district field starts with what the sheet itself says ("Rows without a district: 萝岗区 (from
the title)"), a suggestion sent only once the user gives one (ui/import_defaults.py); choosing changes
the import's options and the preview is checked again.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.status import Status
from zqtracker.io.cell_currency import cell_currencies
from zqtracker.io.dates import MDY_ASSUMED
from zqtracker.io.plan import DATE_FIELDS
from zqtracker.io.row_ranges import runs_text
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.services.import_options import parse_period
from zqtracker.services.import_status_words import status_words
from zqtracker.ui.import_defaults import DefaultFields
from zqtracker.ui.link_questions import LinkQuestions
from zqtracker.ui.palette import question_style
from zqtracker.ui.struck_question import StruckQuestion


class ImportQuestions(QWidget):
    defaults_changed = Signal(str, str, str)  # district, sector, status value ("" = none given)
    status_word_chosen = Signal(str, str)  # word, status value ("" = still unknown)
    districts_said = Signal(
        object
    )  # {name as written: the district it is (itself: a new one)}, the CLI's --district-map
    link_chosen = Signal(str, int, int)  # sheet, row, project id (0: keep apart)
    rate_given = Signal(str, str)  # currency, yuan per unit as typed ("" = no rate: the column stays out)
    rows_answered = Signal(str, str)  # "hidden_rows"/"struck_rows", "import"/"skip" ("": not answered, it waits)
    date_order_chosen = Signal(str)  # "mdy", "dmy": slash dates no date of their column decides
    period_chosen = Signal(object)  # the report's (year, month) as the user says it, or None: as the file says

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.defaults = DefaultFields(lang)  # rows without a district, sector or status (ui/import_defaults.py)
        self.lang = lang
        self._filling = False
        self._said: dict[str, str] = {}  # the districts the user said names are (_show_places)
        self.defaults.changed.connect(self.defaults_changed)
        self.words_box = QWidget()  # status words zqtracker does not know: asked
        self.words_form = QFormLayout(self.words_box)
        self.words_form.setContentsMargins(0, 0, 0, 0)
        self.read_words_box = QWidget()  # the known ones with their reading: after the questions and the notes
        self.read_words_form = QFormLayout(self.read_words_box)
        self.read_words_form.setContentsMargins(0, 0, 0, 0)
        self.places_box = QWidget()
        self.places_form = QFormLayout(self.places_box)
        self.places_form.setContentsMargins(0, 0, 0, 0)
        self.rates_box = QWidget()
        self.rates_form = QFormLayout(self.rates_box)
        self.rates_form.setContentsMargins(0, 0, 0, 0)
        self.links_box = LinkQuestions()
        self.links_form = self.links_box.form
        self.hidden_label = QLabel()
        self.hidden_combo = QComboBox()
        for answer in ("", "import", "skip"):
            self.hidden_combo.addItem("", answer)
        self.hidden_box = _line(self.hidden_label, self.hidden_combo)
        self.struck = StruckQuestion()  # rows struck through: off the list? (ui/struck_question.py)
        self.date_label = QLabel()
        self.date_combo = QComboBox()
        for order in ("mdy", "dmy"):
            self.date_combo.addItem("", order)
        self.date_box = _line(self.date_label, self.date_combo)
        self.period_label = QLabel()
        self.period_edit = QLineEdit()
        self.period_edit.setMaximumWidth(130)
        self.period_hint = QLabel()
        self.period_box = _line(self.period_label, self.period_edit, self.period_hint)
        for label in (self.hidden_label, self.period_label):  # a question the import waits on
            label.setStyleSheet(question_style(self.palette()))
        for combo in (self.hidden_combo, self.date_combo):  # sized again on a language switch
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hidden_box)
        layout.addWidget(self.struck)
        layout.addWidget(self.date_box)
        layout.addWidget(self.period_box)
        layout.addWidget(self.defaults)
        layout.addWidget(self.words_box)
        layout.addWidget(self.places_box)
        layout.addWidget(self.rates_box)
        layout.addWidget(self.links_box)
        layout.addWidget(self.read_words_box)  # last; the dialog moves it below the notes (ui/import_body.py)
        self._retranslate()
        self._connect_signals()
        self.show_analysis(None, None, (None, None, None))  # before a file: no question (probe40c)

    def _retranslate(self) -> None:
        """The fixed words in the interface's language (again on a live switch: what is chosen
        stays); the questions of a file are the dialog's to ask again (:meth:`show_analysis`)."""
        for i, text in enumerate((self.tr("choose…"), self.tr("import them"), self.tr("leave them out"))):
            self.hidden_combo.setItemText(i, text)
        self.date_combo.setItemText(0, self.tr("month/day (03/04/2026 is 4 March)"))
        self.date_combo.setItemText(1, self.tr("day/month (03/04/2026 is 3 April)"))
        self.period_label.setText(self.tr("Report month (year-month):"))
        self.period_edit.setPlaceholderText(self.tr("e.g. 2025-10"))  # an example, never taken for a value

    @property
    def lang(self) -> str:
        return self._lang

    @lang.setter
    def lang(self, lang: str) -> None:  # the dialog's language, the defaults' too
        self._lang = self.defaults.lang = lang

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self.hidden_combo.currentIndexChanged.connect(self._on_hidden_chosen)
        self.struck.chosen.connect(lambda answer: self.rows_answered.emit("struck_rows", answer))
        self.date_combo.currentIndexChanged.connect(self._on_date_order_chosen)
        self.period_edit.editingFinished.connect(self._on_period_edited)
        self.links_box.link_chosen.connect(self.link_chosen)

    # -- showing -----------------------------------------------------------------------------------
    def show_analysis(
        self,
        analysis: ImportAnalysis | None,
        sheet: SheetAnalysis | None,
        chosen: tuple[str | None, str | None, str | None],
        rates: dict[str, Decimal] | None = None,
        date_order: str | None = None,
        period: tuple[int, int] | None = None,
        places: dict[str, str] | None = None,
    ) -> None:
        """Fill the fields from what the user chose, else from what ``sheet`` says of itself."""
        self._filling = True
        try:
            self.defaults.show_defaults(analysis, sheet, chosen)
            self.defaults.setVisible(analysis is not None)
            self._show_words(analysis)
            self._show_places(analysis, places or {})
            self._show_hidden(analysis)
            self.struck.show_analysis(analysis)
            self._show_date_order(analysis, date_order)
            self._show_period(analysis, period)
            self._show_rates(analysis, rates or {})
            self.links_box.show_links(analysis)
        finally:
            self._filling = False

    def _show_words(self, analysis: ImportAnalysis | None) -> None:
        """ "Status word “已签协议” (3 rows): [read as Signed / Lead / …]" for each word of the status
        columns — an unknown one asked ("choose what it means…"), a known one with its reading, which
        the analyst may change (the district's word for the bureau's Lead); a choice stays shown. The unknown ones
        in ``words_form`` with the questions, the known ones in ``read_words_form`` after every question."""
        _clear(self.words_form)
        _clear(self.read_words_form)
        words = status_words(analysis)
        for w in words:
            combo = QComboBox()
            if w.known is None:
                combo.addItem(self.tr("choose what it means…"), "")
            else:
                combo.addItem(self.tr("read as %1").replace("%1", w.known.label(self.lang)), "")
            for status in Status:
                combo.addItem(status.label(self.lang), status.value)
            combo.setCurrentIndex(max(combo.findData(w.chosen.value if w.chosen else ""), 0))
            combo.currentIndexChanged.connect(
                lambda _i, word=w.word, c=combo: self._on_word_chosen(word, c.currentData())
            )
            label = self.tr("Status word “%1” (%2 rows):").replace("%1", w.word).replace("%2", str(w.rows))
            (self.words_form if w.known is None else self.read_words_form).addRow(label, combo)
        self.words_box.setVisible(any(w.known is None for w in words))
        self.read_words_box.setVisible(any(w.known is not None for w in words))

    def _show_places(self, analysis: ImportAnalysis | None, said: dict[str, str]) -> None:
        """ "District “马安” (2 rows): [choose which district it is… / 端州区 / … / a new district “马安”]" for
        each name the database does not hold and nothing reads (import_views.district_aliases); an
        answer stays shown while it is in force."""
        _clear(self.places_form)
        self._said = dict(said)
        counts: dict[str, int] = {}
        for p in analysis.problems if analysis else []:
            if p.problem.code in ("district_not_stored", "district_is_address"):
                counts[p.value] = counts.get(p.value, 0) + 1
        counts.update({w: 0 for w in said if w not in counts})
        stored = sorted(analysis.context.districts) if analysis and analysis.context else []
        for written, count in counts.items():
            combo = QComboBox()
            combo.addItem(self.tr("choose which district it is…"), "")
            for name in stored:
                combo.addItem(name, name)
            combo.addItem(self.tr("a new district “%1”").replace("%1", written), written)
            combo.setCurrentIndex(max(combo.findData(said.get(written, "")), 0))
            combo.currentIndexChanged.connect(lambda _i, w=written, c=combo: self._on_place_chosen(w, c.currentData()))
            label = self.tr("District “%1” (%2 rows):") if count else self.tr("District “%1”:")
            self.places_form.addRow(label.replace("%1", written).replace("%2", str(count)), combo)
        self.places_box.setVisible(bool(counts))

    def _show_hidden(self, analysis: ImportAnalysis | None) -> None:
        """ "N rows of sheet S are hidden in the sheet (rows 12–40, 55): import them / leave them
        out" — asked until answered (the Import button waits), then showing the answer."""
        sheets = [(sa.name, sa.plan) for sa in analysis.selected if sa.plan is not None] if analysis else []
        hidden = [(name, plan) for name, plan in sheets if plan.hidden]
        if len(hidden) == 1:
            name, plan = hidden[0]
            text = self.tr("%1 row(s) of sheet “%2” are hidden in the sheet (rows %3):")
            text = text.replace("%1", str(len(plan.hidden))).replace("%2", name)
            self.hidden_label.setText(text.replace("%3", runs_text(plan.hidden)))
        elif hidden:
            count = sum(len(plan.hidden) for _name, plan in hidden)
            where = "; ".join(f"“{name}” {runs_text(plan.hidden)}" for name, plan in hidden)
            text = self.tr("%1 row(s) are hidden in the sheets (sheet, rows: %2):")
            self.hidden_label.setText(text.replace("%1", str(count)).replace("%2", where))
        if hidden:
            answers = {plan.hidden_answer for _name, plan in hidden}
            answer = answers.pop() if len(answers) == 1 else None
            self.hidden_combo.setCurrentIndex(max(self.hidden_combo.findData(answer or ""), 0))
        self.hidden_box.setVisible(bool(hidden))

    def _show_date_order(self, analysis: ImportAnalysis | None, chosen: str | None) -> None:
        """ "Slash dates that read either way — column D “签约日期”: month/day / day/month", shown
        while a chosen sheet has a date column none of whose dates decides."""
        columns = [
            f"{c.letter} “{c.header}”"
            for sa in (analysis.selected if analysis else [])
            for c in sa.layout.mapped()
            if c.field in DATE_FIELDS and c.date_order == MDY_ASSUMED
        ]
        if columns:
            text = self.tr("Slash dates that read either way (%1):").replace("%1", "、".join(columns[:3]))
            self.date_label.setText(text)
            self.date_combo.setCurrentIndex(max(self.date_combo.findData(chosen or "mdy"), 0))
        self.date_box.setVisible(bool(columns))

    def _show_period(self, analysis: ImportAnalysis | None, chosen: tuple[int, int] | None) -> None:
        """ "Report month (year-month): [2025-10]", shown while a chosen sheet's period is in question
        (a title without a year, a sheet name and a title naming two months), or once the user said it."""
        why = ""
        for sa in analysis.selected if analysis and not chosen else []:
            codes = {p.problem.code for p in sa.plan.sheet_problems}  # type: ignore[union-attr]
            if "period_sheet_name" in codes:
                why = self.tr("sheet “%1”: its name and its title name two months").replace("%1", sa.name)
            elif "period_sheet_header" in codes:
                why = self.tr("sheet “%1”: its name and a header name two months").replace("%1", sa.name)
            elif "period_sheet_year" in codes:  # a 2024年 title over a sheet named 2025年10月
                why = self.tr("sheet “%1”: its title and its name name two years").replace("%1", sa.name)
            elif "period_year_conflict" in codes:
                why = self.tr("sheet “%1”: its title and a header name two years").replace("%1", sa.name)
            elif "month_without_year" in codes or any(
                c.field and c.field.endswith(("_no_period", "_no_year")) for c in sa.layout.columns
            ):
                why = self.tr("sheet “%1”: nothing names the year or month of its figures").replace("%1", sa.name)
        self.period_edit.setText(f"{chosen[0]}-{chosen[1]:02d}" if chosen else "")
        self.period_hint.setText(why or (self.tr("as you said") if chosen else ""))
        self.period_box.setVisible(bool(why or chosen))

    def _show_rates(self, analysis: ImportAnalysis | None, rates: dict[str, Decimal]) -> None:
        """A rate field for each currency the chosen sheets' amounts are in (never read as yuan
        without one)."""
        _clear(self.rates_form)
        currencies: dict[str, list[str]] = {}
        for sa in analysis.selected if analysis else []:
            for c in sa.layout.mapped():
                currency = c.currency or (sa.layout.unit_currency if c.unit is None else None)
                if c.is_money and currency and currency != "?":
                    code = "USD" if currency == "USD?" else currency
                    currencies.setdefault(code, []).append(f"{c.letter} “{c.header}”")
            for code, where in cell_currencies(sa.plan).items():  # 2000万美元 in a column of yuan
                currencies.setdefault(code, []).extend(where)
        for code, columns in currencies.items():
            edit = QLineEdit(str(rates[code]) if code in rates else "")
            edit.setPlaceholderText(self.tr("yuan per unit, e.g. 7.10"))
            edit.setMaximumWidth(160)
            edit.editingFinished.connect(lambda c=code, e=edit: self.rate_given.emit(c, e.text().strip()))
            label = self.tr("Rate for %1 (%2):").replace("%1", code).replace("%2", "、".join(columns[:3]))
            self.rates_form.addRow(label, edit)
        self.rates_box.setVisible(bool(currencies))

    # -- choosing -----------------------------------------------------------------------------------
    def _on_word_chosen(self, word: str, status: str) -> None:
        if not self._filling:
            self.status_word_chosen.emit(word, status)

    def _on_place_chosen(self, written: str, district: str) -> None:
        said = {w: d for w, d in self._said.items() if w != written}
        self.districts_said.emit({**said, written: district} if district else said)

    def _on_hidden_chosen(self, _index: int) -> None:
        if not self._filling:
            self.rows_answered.emit("hidden_rows", self.hidden_combo.currentData() or "")

    def _on_date_order_chosen(self, _index: int) -> None:
        if not self._filling:
            self.date_order_chosen.emit(self.date_combo.currentData())

    def _on_period_edited(self) -> None:
        """A year and month (2025-10, 2025年10月) is the report's; an empty field gives it back to the file."""
        if self._filling:
            return
        text = self.period_edit.text().strip()
        period = parse_period(text)
        if text and period is None:
            self.period_hint.setText(self.tr("“%1” is not a year and month (write it as 2025-10)").replace("%1", text))
            return
        self.period_chosen.emit(period)


# a row's link chosen before the import goes (services/import_model.code_question and near_name)


def _line(*widgets: QWidget) -> QWidget:
    """A question's row: its widgets side by side from the left, no margins."""
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(widget)
    line.addStretch(1)
    return box


def _clear(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)
