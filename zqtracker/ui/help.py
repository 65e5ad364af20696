"""About zqtracker and the user guide (the README, rendered offline)."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zqtracker import __version__
from zqtracker.paths import resources_dir
from zqtracker.services.context import AppContext

LICENSE_NAME = "MIT"


def app_icon() -> QIcon:
    icons = resources_dir() / "icons"
    icon = QIcon(str(icons / "zqtracker.svg"))
    for png in sorted((icons / "hicolor").glob("*/apps/zqtracker.png")):
        icon.addFile(str(png))
    return icon


def readme_text() -> str:
    """The README: beside the package in a checkout or bundle, else the wheel's metadata."""
    for candidate in (
        Path(__file__).resolve().parents[2] / "README.md",
        resources_dir() / "README.md",
    ):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    try:
        from importlib.metadata import metadata

        body = metadata("zqtracker").get_payload()  # type: ignore[attr-defined]
        if body:
            return str(body)
    except Exception:  # noqa: BLE001 - no metadata: fall through to the short text
        pass
    return "# zqtracker\n\nThe user guide is the README at the project's home page."


class UserGuideDialog(QDialog):
    """The README rendered as a document: usage, CLI, figures — readable without a network."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("zqtracker user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(readme_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(860, 680)


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About zqtracker"))
        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resources_dir() / "icons" / "hicolor" / "128x128" / "apps" / "zqtracker.png")))
        title = QLabel(f"<h2>zqtracker {__version__}</h2>", self)
        blurb = QLabel(
            self.tr(
                "Tracks industrial investment projects: records, district spreadsheets, trend graphs, "
                "Excel exports and printed summaries."
            ),
            self,
        )
        blurb.setWordWrap(True)
        form = QFormLayout()
        from zqtracker.services.database import default_data_dir

        self.data_folder = QLabel(str(default_data_dir()), self)
        self.database = QLabel(ctx.database.display_name if ctx else self.tr("(none open)"), self)
        for label in (self.data_folder, self.database):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form.addRow(self.tr("Licence:"), QLabel(LICENSE_NAME, self))
        form.addRow(self.tr("Data folder:"), self.data_folder)
        form.addRow(self.tr("Database in use:"), self.database)
        form.addRow(
            self.tr("Built with:"),
            QLabel(f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}", self),
        )
        form.addRow(self.tr("Platform:"), QLabel(f"{platform.system()} {platform.machine()} ({sys.platform})", self))
        head = QHBoxLayout()
        head.addWidget(icon)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(blurb)
        head.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
