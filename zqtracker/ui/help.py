"""About zqtracker and the user guide (resources/guide, in the window's language, offline)."""

from __future__ import annotations

import platform
import re
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap, QTextCharFormat, QTextCursor, QTextDocument
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
from zqtracker.domain.words import norm_lang
from zqtracker.paths import resources_dir
from zqtracker.services.context import AppContext
from zqtracker.ui.translations import ui_lang

LICENSE_NAME = "MIT"


def app_icon() -> QIcon:
    icons = resources_dir() / "icons"
    icon = QIcon(str(icons / "zqtracker.svg"))
    for png in sorted((icons / "hicolor").glob("*/apps/zqtracker.png")):
        icon.addFile(str(png))
    return icon


def guide_path(lang: str) -> Path:
    """The user guide in ``lang`` ("en" or "zh"): resources/guide/guide_<lang>.md, shipped with the
    app (its pictures beside it in images/), so Help works without a network."""
    folder = resources_dir() / "guide"
    path = folder / f"guide_{norm_lang(lang)}.md"
    return path if path.is_file() else folder / "guide_en.md"


def heading_anchor(text: str) -> str:
    """The anchor a heading gets in the guide's own links, as GitHub names it ("The monthly round"
    → "the-monthly-round", "金额、语言和设置" → "金额语言和设置")."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


class UserGuideDialog(QDialog):
    """The user guide for users — tasks, not commands — in the language of the window."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # a reload would drop the headings' anchors: links are ours
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(860, 680)
        self.show_guide(lang or ui_lang())

    def show_guide(self, lang: str) -> None:
        self.lang = norm_lang(lang)
        self.setWindowTitle(self.tr("zqtracker user guide"))
        self.browser.setSource(
            QUrl.fromLocalFile(str(guide_path(self.lang))), QTextDocument.ResourceType.MarkdownResource
        )
        self._name_headings()

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        """A section of the guide scrolls into view; a web address opens in the web browser."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and ui_lang() != self.lang:
            self.show_guide(ui_lang())
        super().changeEvent(event)

    def _name_headings(self) -> None:
        """Qt's Markdown reader gives headings no anchors: name each as the guide's links do, so
        its table of contents scrolls to the section."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip():
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                anchor = QTextCharFormat()
                anchor.setAnchor(True)
                anchor.setAnchorNames([heading_anchor(block.text())])
                cursor.mergeCharFormat(anchor)
            block = block.next()
        self.browser.document().setModified(False)


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
        form.addRow(self.tr("Platform:"), QLabel(f"{platform.system()} {platform.machine()}", self))
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
