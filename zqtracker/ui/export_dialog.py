"""File › Export… and File › Save import template….

The dialog only gathers choices (view or everything, columns, sheets, language, unit, file) and
hands them to services.exporting through ui.operations.Operation, which runs the export off the
GUI thread behind a cancellable progress dialog. When it is done the user is offered to open the
file (QDesktopServices, i.e. Excel, WPS or LibreOffice) or its folder.

Wiring (main window): ``ExportDialog(ctx, settings, self, table_filter, visible_fields).open()``
and ``save_import_template(ctx, settings, self)``. The language and unit start at the user's
preferences (Settings); the sheets chosen and the folder are remembered there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.money import Unit
from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.words import Catalogue
from zqtracker.io.summary_sheets import join_filters
from zqtracker.services.context import AppContext
from zqtracker.services.exporting import (
    ExportError,
    ExportOptions,
    ExportResult,
    ExportService,
    check_target,
    export_columns,
)
from zqtracker.ui.operations import Operation
from zqtracker.ui.settings import EXPORT_FOLDER, EXPORT_MONTHLY, EXPORT_SUMMARIES, EXPORT_VISIBLE_ONLY, Settings
from zqtracker.ui.translations import ui_lang

_UNOWNED: set[QMessageBox] = set()


# A suggested file's name, in the workbook's language (which need not be the interface's, so not tr()).
FILE_NAMES = Catalogue(
    "export_file_names",
    {
        "export": ("zqtracker-export-{stamp}.xlsx", "项目导出-{stamp}.xlsx"),
        "template": ("zqtracker-import-template.xlsx", "项目导入模板.xlsx"),
    },
)


class ExportDialog(QDialog):
    """Choices for one export; Export runs it in the background and offers to open the result."""

    exported = Signal(object)  # ExportResult

    def __init__(
        self,
        ctx: AppContext,
        settings: Settings,
        parent: QWidget | None = None,
        current_filter: ProjectFilter | None = None,
        visible_columns: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.service = ExportService(ctx.database)
        self.current_filter = None if current_filter is None or current_filter.is_empty() else current_filter
        self.visible_columns = list(visible_columns) if visible_columns else None
        self.operation: Operation | None = None
        self.export_result: ExportResult | None = None
        self.result_box: QMessageBox | None = None
        self._confirmed: Path | None = None  # a target whose replacement the user already agreed to
        self.progress_delay_ms = 400
        self._lang = ui_lang()
        self.setWindowTitle(self.tr("Export to Excel"))
        self.setMinimumWidth(560)
        self._build()
        self._load_settings()
        self._connect_signals()
        self._update_enabled()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        if self.ctx.statistics.is_demo():
            demo = QLabel(self.tr("This is the demo database: the workbook will be marked as demo data."))
            demo.setObjectName("demoNote")
            demo.setWordWrap(True)
            demo.setStyleSheet(f"color: {self._warning_color()}; font-weight: bold;")
            layout.addWidget(demo)

        scope = QGroupBox(self.tr("Projects"))
        scope_layout = QVBoxLayout(scope)
        total = self.ctx.projects.count()
        self.view_radio = QRadioButton()
        self.all_radio = QRadioButton(self.tr("All projects (%1)").replace("%1", f"{total:,}"))
        if self.current_filter is not None:
            shown = self.ctx.projects.count(self.current_filter)
            words = join_filters(self.current_filter.describe(self._lang), self._lang)
            self.view_radio.setText(
                self.tr("The current view (%1): %2").replace("%1", f"{shown:,}").replace("%2", words)
            )
            self.view_radio.setChecked(True)
        else:
            self.view_radio.setText(self.tr("The current view (no filter)"))
            self.view_radio.setEnabled(False)
            self.all_radio.setChecked(True)
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.view_radio)
        self.scope_group.addButton(self.all_radio)
        scope_layout.addWidget(self.view_radio)
        scope_layout.addWidget(self.all_radio)
        visible = len(export_columns(self.visible_columns)) if self.visible_columns else 0
        self.visible_only = QCheckBox(self.tr("Only the columns shown in the table (%1)").replace("%1", str(visible)))
        self.visible_only.setEnabled(self.visible_columns is not None)
        scope_layout.addWidget(self.visible_only)
        layout.addWidget(scope)

        sheets = QGroupBox(self.tr("Sheets"))
        sheets_layout = QVBoxLayout(sheets)
        fixed = QLabel(self.tr("Overview and Projects, always"))
        fixed.setEnabled(False)
        self.monthly_check = QCheckBox(self.tr("Monthly investment (one row per project and month)"))
        self.summaries_check = QCheckBox(
            self.tr("Summaries by status, sector and district, year on year, with a chart")
        )
        for w in (fixed, self.monthly_check, self.summaries_check):
            sheets_layout.addWidget(w)
        layout.addWidget(sheets)

        form = QFormLayout()
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("English", "en")
        self.lang_combo.addItem("简体中文", "zh")
        form.addRow(self.tr("&Language of the workbook:"), self.lang_combo)
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(MoneyFormat(Unit.YI, self._lang).choice(), Unit.YI.value)
        self.unit_combo.addItem(MoneyFormat(Unit.WAN, self._lang).choice(), Unit.WAN.value)
        form.addRow(self.tr("&Money in:"), self.unit_combo)
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setAutoDefault(False)  # Enter exports, whatever has focus
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.export_button.setDefault(True)
        self.export_button.setShortcut(QKeySequence("Ctrl+Return"))
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.path_edit.textChanged.connect(self._update_enabled)
        self.lang_combo.currentIndexChanged.connect(self._on_lang_changed)

    # -- settings ------------------------------------------------------------------------------
    def _load_settings(self) -> None:
        s = self.settings
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(s.output_lang())))
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(s.money_unit.value)))
        self.monthly_check.setChecked(s.get(EXPORT_MONTHLY))
        self.summaries_check.setChecked(s.get(EXPORT_SUMMARIES))
        self.visible_only.setChecked(self.visible_columns is not None and s.get(EXPORT_VISIBLE_ONLY))
        self.path_edit.setText(str(s.folder(EXPORT_FOLDER) / self._default_name()))

    def _save_settings(self) -> None:
        s = self.settings
        s.set(EXPORT_MONTHLY, self.monthly_check.isChecked())
        s.set(EXPORT_SUMMARIES, self.summaries_check.isChecked())
        if self.visible_columns is not None:
            s.set(EXPORT_VISIBLE_ONLY, self.visible_only.isChecked())
        s.set(EXPORT_FOLDER, str(self.target().parent))

    def _default_name(self) -> str:
        return FILE_NAMES.say("export", self.lang_combo.currentData(), stamp=date.today().strftime("%Y%m%d"))

    # -- choices -------------------------------------------------------------------------------
    def options(self) -> ExportOptions:
        return ExportOptions(
            lang=self.lang_combo.currentData(),
            unit=Unit(self.unit_combo.currentData()),
            filter=self.current_filter if self.view_radio.isChecked() else None,
            columns=self.visible_columns if self.visible_only.isChecked() else None,
            monthly=self.monthly_check.isChecked(),
            summaries=self.summaries_check.isChecked(),
        )

    def target(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser()
        if text and path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        return path

    def _update_enabled(self) -> None:
        running = self.operation is not None and not self.operation.done
        self.export_button.setEnabled(bool(self.path_edit.text().strip()) and not running)

    def _on_lang_changed(self) -> None:
        """Follow the language in the suggested file name, unless the user typed their own."""
        current = self.target()
        suggested = {FILE_NAMES.say("export", lang, stamp="").removesuffix(".xlsx") for lang in ("en", "zh")}
        if current.name.startswith(tuple(suggested)):
            self.path_edit.setText(str(current.parent / self._default_name()))

    def _on_browse_clicked(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), str(self.target()), self.tr("Excel workbook (*.xlsx)")
        )
        if chosen:
            self.path_edit.setText(chosen)
            self._confirmed = self.target()  # the file dialog asked about replacing it already

    # -- running -------------------------------------------------------------------------------
    def start_export(self) -> Operation | None:
        """Check the target, then export in the background; returns the running operation."""
        target = self.target()
        try:
            check_target(target)
        except ExportError as exc:
            self._show_message(exc.message(self._lang), error=True)
            return None
        if target.exists() and self._confirmed != target and not self._confirm_overwrite(target):
            return None
        self.path_edit.setText(str(target))
        options = self.options()
        self._show_message("")
        self.operation = Operation(
            self,
            lambda progress: self.service.export(target, options, progress, messages_lang=self._lang),
            title=lambda: self.tr("Exporting to Excel…"),
            minimum_duration_ms=self.progress_delay_ms,
        )
        self.operation.success(self._on_exported).failure(self._on_failed).cancelled(self._on_cancelled)
        self.operation.run_in_background()
        self._update_enabled()
        return self.operation

    def _confirm_overwrite(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            self.tr("%1 already exists. Replace it with the new export?").replace("%1", str(target)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_exported(self, result: ExportResult) -> None:
        self.export_result = result
        self._save_settings()
        self._update_enabled()
        self.exported.emit(result)
        text = (
            self.tr("Projects: %1; monthly investment records: %2. The workbook was saved to:")
            .replace("%1", f"{result.projects:,}")
            .replace("%2", f"{result.investment_records:,}")
        )
        self.result_box = offer_to_open(
            self.parentWidget() or self, self.tr("Export finished"), f"{text}\n{result.path}", result.path
        )
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._update_enabled()
        if isinstance(exc, ExportError):
            self._show_message(exc.message(self._lang), error=True)
        else:
            self._show_message(self.tr("The export failed: %1").replace("%1", f"{type(exc).__name__}: {exc}"), True)

    def _on_cancelled(self) -> None:
        self._update_enabled()
        self._show_message(self.tr("Export cancelled. Nothing was written."))

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {self._warning_color()};" if error else "")

    def _warning_color(self) -> str:
        """A red that reads on the light and the dark palette alike."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        return "#FF7070" if dark else "#C00000"


def offer_to_open(parent: QWidget | None, title: str, text: str, path: Path) -> QMessageBox:
    """A non-blocking "done" box with Open file / Show in folder / Close."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Close, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    open_file = box.addButton(
        QCoreApplication.translate("ExportDialog", "&Open the file"), QMessageBox.ButtonRole.ActionRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("ExportDialog", "Show in &folder"), QMessageBox.ButtonRole.ActionRole
    )
    open_file.setObjectName("openFile")
    open_folder.setObjectName("openFolder")
    open_file.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    box.setDefaultButton(open_file)
    if parent is None:  # nothing owns a parentless box: keep it alive until it is closed
        _UNOWNED.add(box)
        box.finished.connect(lambda _result: _UNOWNED.discard(box))
    box.open()
    return box


def save_import_template(
    ctx: AppContext,
    settings: Settings,
    parent: QWidget | None = None,
    *,
    path: str | Path | None = None,
) -> Path | None:
    """File › Save import template…: ask where (unless ``path`` is given), write the template with
    this database's sectors and districts, offer to open it. Returns the file, or None.

    In the language of printouts and workbooks and the money unit of the preferences."""
    lang, unit = settings.output_lang(), settings.money_unit
    if path is None:
        folder = settings.folder(EXPORT_FOLDER)
        name = FILE_NAMES.say("template", lang)
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ExportDialog", "Save import template"),
            str(Path(folder) / name),
            QCoreApplication.translate("ExportDialog", "Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return None
        path = chosen
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = ExportService(ctx.database).save_template(target, lang, unit)
    except ExportError as exc:
        QApplication.restoreOverrideCursor()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ExportDialog", "Save import template"),
            exc.message(ui_lang()),
            QMessageBox.StandardButton.Close,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None
    QApplication.restoreOverrideCursor()
    settings.set(EXPORT_FOLDER, str(written.parent))
    offer_to_open(
        parent,
        QCoreApplication.translate("ExportDialog", "Import template saved"),
        QCoreApplication.translate("ExportDialog", "The import template was saved to:") + f"\n{written}",
        written,
    )
    return written
