"""What the user chose and corrected in the import dialog, as the options the import reads.

Kept apart from the dialog (and free of Qt) because it is the import's state, not its widgets:
each correction — a column re-mapped or given a unit, another header row, defaults for rows
without a district, what a status word means, a currency's rate, a near name linked, rows
hidden or struck through imported or left out —
lands in :class:`ImportOptions` here, and the sheets whose mapping was corrected are the ones
remembered for the next file with the same headers. A sheet that could not be read and would be
imported unnamed (services/import_unreadable.py) holds the import until the user unticks it: a list
of sheets made by another choice (a column re-mapped) never leaves it out unsaid.
"""

from __future__ import annotations

import copy
import dataclasses

from zqtracker.domain.currency import parse_rate
from zqtracker.io.errors import WorkbookRefused
from zqtracker.services.import_mappings import Mapping
from zqtracker.services.import_model import ImportAnalysis, SheetAnalysis
from zqtracker.services.import_options import ImportOptions
from zqtracker.services.import_status_words import status_words
from zqtracker.services.import_unreadable import unread_lists
from zqtracker.services.importing import ImportService
from zqtracker.services.round_guard import refuse_round_table
from zqtracker.services.settings_file import SettingsFileError

# A re-mapped column: ("field", its field or None for not imported) or ("unit", the factor to yuan).
ColumnChoice = tuple[str, str | int | None]


class ImportCorrections:
    def __init__(self, service: ImportService, lang: str) -> None:
        self.service, self.lang = service, lang
        self.options = ImportOptions(lang=lang)
        self.corrected: set[str] = set()  # sheets whose mapping the user changed
        self.left_out: set[str] = set()  # sheets that could not be read, unticked by the user

    def reset(self, mode: str, skip_invalid: bool = False) -> None:
        """Another file: nothing chosen yet but the import's mode and whether invalid rows are skipped (as the
        dialog still shows them)."""
        self.options = ImportOptions(lang=self.lang, mode=mode, skip_invalid=skip_invalid)
        self.corrected.clear()
        self.left_out.clear()

    def set_lang(self, lang: str) -> None:
        """The interface's language changed: the analyses from now on word their notes in ``lang``."""
        self.lang = self.options.lang = lang

    def copy(self) -> ImportOptions:
        """The options as they are now, for background work (later changes do not reach it)."""
        o = self.options
        return dataclasses.replace(
            o,
            sheets=None if o.sheets is None else list(o.sheets),
            mappings={name: copy.deepcopy(m) for name, m in o.mappings.items()},
            status_map=dict(o.status_map),
            district_map=dict(o.district_map),
            links=dict(o.links),
            rates=dict(o.rates),
        )

    def mapping(self, sheet: str, analysis: ImportAnalysis | None) -> Mapping:
        """The sheet's corrected mapping (started from the remembered one), marked corrected."""
        mapping = self.options.mappings.get(sheet)
        if mapping is None:
            sa = next((s for s in analysis.sheets if s.name == sheet), None) if analysis else None
            mapping = Mapping(header_row=None)
            if sa is not None and sa.remembered:  # start from what was remembered
                layout_mapping = self.service.layout_of(sa.raw, ImportOptions(lang=self.lang))[2]
                if layout_mapping is not None:
                    mapping = dataclasses.replace(
                        layout_mapping,
                        fields=dict(layout_mapping.fields),
                        units=dict(layout_mapping.units),
                        statuses=dict(layout_mapping.statuses),
                        remembered_units=set(layout_mapping.remembered_units),
                    )
            self.options.mappings[sheet] = mapping
        self.corrected.add(sheet)
        return mapping

    def remap(self, sa: SheetAnalysis, column: int, choice: ColumnChoice, analysis: ImportAnalysis | None) -> None:
        """Re-map one column (("field", name or None)) or set its unit (("unit", factor)); the
        sheet is imported from now on."""
        mapping = self.mapping(sa.name, analysis)
        kind, value = choice
        if kind == "field":
            mapping.fields[column] = value if isinstance(value, str) else None
        elif isinstance(value, int):
            mapping.units[column] = value
            mapping.remembered_units.discard(column)  # said for this file: over what the file states
        if self.options.sheets is None:
            self.options.sheets = [s.name for s in analysis.sheets if s.selected] if analysis else None
        if self.options.sheets is not None and sa.name not in self.options.sheets:
            self.options.sheets.append(sa.name)

    def set_defaults(self, district: str, sector: str, status: str) -> bool:
        """District, sector and status for rows without one (the CLI's --district …); False when
        nothing changed."""
        chosen = (district or None, sector or None, status or None)
        if chosen == (self.options.district, self.options.sector, self.options.status):
            return False
        self.options.district, self.options.sector, self.options.status = chosen
        return True

    def set_status_word(self, word: str, status: str, analysis: ImportAnalysis | None) -> None:
        """What a status word means (the CLI's --status-map): an unknown one, or a known one the district
        uses otherwise (已签协议 for a lead); remembered with the column choices of the sheets that use it."""
        if status:
            self.options.status_map[word] = status
        else:
            self.options.status_map.pop(word, None)
        used = {name for w in status_words(analysis) if w.word == word for name in w.sheets}
        for sa in analysis.selected if analysis is not None else []:
            if sa.name in used or (sa.plan is not None and word in sa.plan.unknown_statuses):
                self.mapping(sa.name, analysis).statuses[word] = status

    def set_rate(self, currency: str, text: str) -> bool:
        """Yuan per unit of a currency (the CLI's --rate; empty: none); False when nothing changed.
        Raises ValidationError for a rate that is not one."""
        if not text:
            return self.options.rates.pop(currency, None) is not None
        _code, rate = parse_rate(f"{currency}={text}")
        changed = self.options.rates.get(currency) != rate
        self.options.rates[currency] = rate
        return changed

    def answer_rows(self, question: str, answer: str, analysis: ImportAnalysis | None) -> None:
        """Rows hidden in the sheet (``question`` "hidden_rows", the CLI's --hidden-rows) or struck through
        ("struck_rows", --struck-rows) are imported ("import") or left out ("skip"; "": not answered);
        remembered with the column choices of the sheets that have them."""
        setattr(self.options, question, answer or None)
        for sa in analysis.selected if analysis is not None else []:
            if sa.plan is not None and (sa.plan.hidden if question == "hidden_rows" else sa.plan.struck):
                setattr(self.mapping(sa.name, analysis), question, answer or None)

    def ready(self, analysis: ImportAnalysis) -> bool:
        """Whether the import can go as things stand: every question answered (the unit, the rows
        hidden in the sheet or struck through), no sheet that could not be read left out unsaid, no invalid
        row unless they are skipped, no round's table read as a list, and something to do."""
        a, o = analysis, self.options
        if (a.needs_unit and o.unit is None) or a.hidden_unanswered or a.struck_unanswered or self.unread_waiting(a):
            return False
        if a.problems and not o.skip_invalid:
            return False
        try:
            refuse_round_table(a)  # a monthly round's table: the round collects it (said above the preview)
        except WorkbookRefused:
            return False
        return a.has_work or o.mode == "replace"

    def link(self, sheet: str, row: int, pid: int) -> None:
        """A new row with a near name is that stored project (0: a new one, said; -1: not answered)."""
        if pid >= 0:
            self.options.links[(sheet, row)] = pid
        else:
            self.options.links.pop((sheet, row), None)

    def unread_waiting(self, analysis: ImportAnalysis) -> list[SheetAnalysis]:
        """The sheets that could not be read, that the import would take unnamed (the command line's refusal, the
        same decision), and that the user has not unticked: the import waits for them."""
        return [sa for sa in unread_lists(analysis) if sa.name not in self.left_out]

    def unread_ticked(self, sa: SheetAnalysis | None, analysis: ImportAnalysis | None) -> bool | None:
        """Whether ``sa``, one that could not be read and would be taken unnamed, is still ticked (the import
        waits); None for any other sheet."""
        if sa is None or analysis is None or sa.name not in {u.name for u in unread_lists(analysis)}:
            return None
        return sa.name not in self.left_out

    def import_sheet(self, sa: SheetAnalysis, checked: bool, analysis: ImportAnalysis) -> None:
        """``sa`` imported or not; one that could not be read is only unticked or ticked again (never named for
        the import: named, its refusal would be the analysis')."""
        if sa.reason == "unreadable":
            (self.left_out.discard if checked else self.left_out.add)(sa.name)
            return
        chosen = [s.name for s in analysis.sheets if s.selected]
        if checked and sa.name not in chosen:
            chosen.append(sa.name)
        if not checked and sa.name in chosen:
            chosen.remove(sa.name)
        self.options.sheets = chosen

    def remember(self, analysis: ImportAnalysis) -> str:
        """Keep the corrected mappings for the next file with the same headers; "" when kept, else why
        not (the file that keeps them cannot be read or written, and is left as it is)."""
        for sa in analysis.sheets:
            mapping = self.options.mappings.get(sa.name)
            if sa.name in self.corrected and mapping is not None:
                header_row = mapping.header_row if mapping.header_row is not None else sa.layout.header_row
                key = sa.fingerprint or self.service.key_for(sa.raw, header_row, sa.layout.header_rows)
                try:
                    self.service.remember(key, mapping)
                except SettingsFileError as exc:
                    return exc.message(self.lang)
        return ""
