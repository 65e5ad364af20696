"""What a new user sees instead of an empty table: the ways to begin, each one click away.

Shown on the Projects tab while the open database has no projects (the first run opens a new,
empty one) or while no database is open. It only asks (signals); the main window does the work,
so a choice here is exactly the menu command of the same name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCommandLinkButton, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from zqtracker.ui.palette import muted_style


class StartPage(QWidget):
    demo_requested = Signal()
    import_requested = Signal()
    new_project_requested = Signal()
    connect_requested = Signal()
    open_requested = Signal()
    new_database_requested = Signal()
    guide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self._has_database = False
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.demo = QCommandLinkButton(self)
        self.demo.setObjectName("start_demo")
        self.import_ = QCommandLinkButton(self)
        self.import_.setObjectName("start_import")
        self.new_project = QCommandLinkButton(self)
        self.new_project.setObjectName("start_new_project")
        self.connect_ = QCommandLinkButton(self)
        self.connect_.setObjectName("start_connect")
        self.more = QLabel(self)
        self.more.setObjectName("start_more")
        self.more.setWordWrap(True)
        self.more.setTextFormat(Qt.TextFormat.RichText)
        self.more.linkActivated.connect(self._on_more_link_activated)

        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addSpacing(10)
        for button in (self.demo, self.import_, self.new_project, self.connect_):
            column.addWidget(button)
        column.addSpacing(10)
        column.addWidget(self.more)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(720)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.demo.clicked.connect(self.demo_requested)
        self.import_.clicked.connect(self.import_requested)
        self.new_project.clicked.connect(self.new_project_requested)
        self.connect_.clicked.connect(self.connect_requested)
        self._retranslate()

    def set_state(self, *, has_database: bool) -> None:
        """``has_database``: an (empty) database is open, so importing and adding make sense."""
        self._has_database = has_database
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Start with zqtracker"))
        self.intro.setText(
            self.tr("This database has no projects yet. Choose how to begin — everything here is also in the menus.")
            if self._has_database
            else self.tr("No database is open. Open the demo, or open or create a database file.")
        )
        self.demo.setText(self.tr("Open the demo database"))
        self.demo.setDescription(
            self.tr("Invented projects shaped like a city's year, to try every view without touching real data.")
        )
        self.import_.setText(self.tr("Import a spreadsheet…"))
        self.import_.setDescription(
            self.tr(
                "A district's or park's list as it is (.xlsx or .csv): title rows, 合计 lines and units "
                "are recognised, and you see every row before anything is written. Ctrl+I"
            )
        )
        self.new_project.setText(self.tr("Add a project…"))
        self.new_project.setDescription(self.tr("Type in one project; only its name is required. Ctrl+N"))
        self.connect_.setText(self.tr("Connect to a shared database…"))
        self.connect_.setDescription(self.tr("Work with colleagues on the bureau's PostgreSQL server."))
        for button in (self.import_, self.new_project):
            button.setEnabled(self._has_database)
        self.more.setText(
            self.tr(
                'Or <a href="open">open a database file…</a>, <a href="new">create a new database…</a>, '
                'or read the <a href="guide">user guide</a> (F1).'
            )
        )
        self.more.setStyleSheet(muted_style(self.palette()))

    def _on_more_link_activated(self, link: str) -> None:
        {"open": self.open_requested, "new": self.new_database_requested, "guide": self.guide_requested}[link].emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self._retranslate()
        super().changeEvent(event)
