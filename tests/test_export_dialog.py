"""File › Export… and File › Save import template… driven like a user: real widgets, real files,
the background operation with its progress dialog, cancel, and the offer to open the result."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QMessageBox, QProgressDialog, QPushButton
from xlsx_readback import records

from zqtracker.domain.filters import ProjectFilter
from zqtracker.domain.status import Status
from zqtracker.services.context import AppContext
from zqtracker.services.demo import write_demo
from zqtracker.storage.database import open_database
from zqtracker.ui.export_dialog import ExportDialog, save_import_template


class UrlRecorder(QObject):
    """Stands in for the desktop's file viewer: Qt hands it the URLs QDesktopServices opens."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def url_recorder():
    recorder = UrlRecorder()
    QDesktopServices.setUrlHandler("file", recorder, "open")
    yield recorder
    QDesktopServices.unsetUrlHandler("file")


def test_export_the_current_view_and_open_the_file(
    demo_ctx: AppContext, qtbot, tmp_path: Path, artifacts: Path, url_recorder: UrlRecorder, settings
) -> None:
    f = ProjectFilter(statuses=frozenset({Status.UNDER_CONSTRUCTION}))
    dialog = ExportDialog(
        demo_ctx, settings, None, f, ["code", "name", "status", "planned_investment", "last_activity_on"]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.view_radio.isChecked() and "(208)" in dialog.view_radio.text()
    assert "status: Under construction" in dialog.view_radio.text()
    assert dialog.findChild(QLabel, "demoNote").isVisible()
    assert dialog.path_edit.text().endswith(".xlsx") and dialog.export_button.isDefault()
    dialog.grab().save(str(artifacts / "export_dialog.png"))

    dialog.visible_only.setChecked(True)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("zh"))
    assert Path(dialog.path_edit.text()).name.startswith("项目导出-")  # the suggested name follows the language
    dialog.path_edit.setText(str(tmp_path / "在建项目"))  # the .xlsx suffix is added
    qtbot.mouseClick(dialog.export_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.export_result is not None, timeout=30_000)

    target = tmp_path / "在建项目.xlsx"
    assert dialog.export_result.path == target and target.exists()
    rows = records(target, "项目清单", "calamine")
    # (the view's columns alone: no annual plan column it does not show, U5)
    assert len(rows) == 208 and set(rows[0]) == {"code", "name", "status", "planned_investment"}
    assert not dialog.isVisible()  # done: the dialog closed, the result box took over

    box = dialog.result_box
    assert isinstance(box, QMessageBox) and box.isVisible() and str(target) in box.text()
    box.grab().save(str(artifacts / "export_done.png"))
    open_file = box.findChild(QPushButton, "openFile")
    assert open_file is not None and box.defaultButton() is open_file
    qtbot.mouseClick(open_file, qtbot_left())
    assert [u.toLocalFile() for u in url_recorder.urls] == [str(target)]
    # the choices are remembered for next time; the language is the preferences' (English here)
    from zqtracker.ui.settings import EXPORT_FOLDER

    assert settings.get(EXPORT_FOLDER) == str(tmp_path)
    again = ExportDialog(demo_ctx, settings, None, f, ["name"])
    qtbot.addWidget(again)
    assert again.lang_combo.currentData() == "en" and again.visible_only.isChecked()
    assert Path(again.path_edit.text()).parent == tmp_path
    settings.output_language = "zh"
    third = ExportDialog(demo_ctx, settings, None, f, ["name"])
    qtbot.addWidget(third)
    assert third.lang_combo.currentData() == "zh" and Path(third.path_edit.text()).name.startswith("项目导出-")


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def large_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.sqlite"
    db = open_database(path)
    write_demo(db, 4000)
    db.close()
    return path


def test_large_export_shows_progress_and_cancels_cleanly(
    large_db: Path, qtbot, tmp_path: Path, artifacts: Path, settings
) -> None:
    ctx = AppContext.open(large_db)
    try:
        dialog = ExportDialog(ctx, settings)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.all_radio.isChecked() and not dialog.view_radio.isEnabled()
        dialog.progress_delay_ms = 0
        target = tmp_path / "big.xlsx"
        dialog.path_edit.setText(str(target))
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled()  # one export at a time
        progress = dialog.findChild(QProgressDialog)
        assert progress is not None
        qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 0, timeout=20_000)
        assert progress.maximum() > 4000 and "project" in progress.labelText().lower()
        progress.grab().save(str(artifacts / "export_progress.png"))
        qtbot.mouseClick(progress.findChild(QPushButton), qtbot_left())  # its Cancel button
        qtbot.waitUntil(lambda: dialog.operation.done, timeout=20_000)
        assert dialog.operation.was_cancelled and dialog.export_result is None
        assert not target.exists() and list(tmp_path.iterdir()) == []
        assert "cancelled" in dialog.message.text().lower() and dialog.isVisible()
        assert dialog.export_button.isEnabled()
    finally:
        ctx.close()


def test_impossible_target_is_explained_in_the_dialog(demo_ctx: AppContext, qtbot, tmp_path: Path, settings) -> None:
    dialog = ExportDialog(demo_ctx, settings)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.xlsx"))
    assert dialog.start_export() is None
    assert "does not exist" in dialog.message.text() and dialog.operation is None


def test_browse_uses_the_file_dialog(demo_ctx: AppContext, qtbot, tmp_path: Path, settings) -> None:
    dialog = ExportDialog(demo_ctx, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    chosen = tmp_path / "chosen.xlsx"
    _answer_file_dialog(chosen)
    dialog.browse_button.click()
    assert dialog.path_edit.text() == str(chosen)


def _answer_file_dialog(path: Path) -> None:
    """Fill in and accept the next modal file dialog (Qt's own, as offscreen has no native one)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        box.findChild(QLineEdit, "fileNameEdit").setText(str(path))  # selectFile() does not stick offscreen
        box.accept()

    QTimer.singleShot(50, answer)


def test_save_import_template(
    demo_ctx: AppContext, qtbot, tmp_path: Path, artifacts: Path, url_recorder, settings
) -> None:
    target = tmp_path / "模板.xlsx"
    _answer_file_dialog(target)
    settings.output_language = "zh"
    written = save_import_template(demo_ctx, settings, None)
    assert written == target and target.exists()
    assert records(target, "项目清单", "openpyxl") == []  # headers only
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    box.grab().save(str(artifacts / "template_saved.png"))
    box.findChild(QPushButton, "openFolder").click()
    assert [u.toLocalFile() for u in url_recorder.urls] == [str(tmp_path)]
    box.close()
    assert save_import_template(demo_ctx, settings, None, path=tmp_path / "nowhere" / "t.xlsx") is None


def test_dialog_in_chinese(demo_ctx: AppContext, qtbot, artifacts: Path, settings) -> None:
    from PySide6.QtCore import QTranslator

    from zqtracker.paths import resources_dir

    translator = QTranslator()
    assert translator.load(str(resources_dir() / "translations" / "export_zh_CN.qm"))
    app = QApplication.instance()
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        f = ProjectFilter(districts=frozenset({"肇庆新区"}))
        dialog = ExportDialog(demo_ctx, settings, None, f, ["name", "status"])
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "导出到 Excel"
        assert "区域：肇庆新区" in dialog.view_radio.text() and "当前视图" in dialog.view_radio.text()
        assert dialog.lang_combo.currentData() == "zh"
        dialog.grab().save(str(artifacts / "export_dialog_zh.png"))
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.removeTranslator(translator)
