"""About dialog and user guide: what they show, and screenshots to look at."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from zqtracker import __version__
from zqtracker.services.context import AppContext
from zqtracker.ui.help import AboutDialog, UserGuideDialog, app_icon, guide_path, heading_anchor


def test_about_shows_version_licence_data_folder_and_database(qtbot, demo_ctx: AppContext, artifacts) -> None:
    dialog = AboutDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.database)))
    assert __version__ in texts and "MIT" in texts
    assert dialog.database.text() == demo_ctx.database.display_name
    assert "zqtracker" in dialog.data_folder.text()
    dialog.grab().save(str(artifacts / "about_dialog.png"))


GUIDE_TASKS = {
    "en": ["The first import of a district's list", "The monthly update", "Printing the monthly report",
           "The monthly round", "Finding stale projects", "Sharing with colleagues"],
    "zh": ["第一次导入区县报送的清单", "每月更新", "打印月度报表", "月度报表轮次", "查找长期无进展项目", "与同事共享"],
}  # fmt: skip


def open_guide(window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    window.actions_.user_guide.trigger()
    guides = [w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuideDialog) and w.isVisible()]
    assert len(guides) == 1
    return guides[0]


def blocks(dialog: UserGuideDialog) -> list:  # type: ignore[type-arg]
    found, block = [], dialog.browser.document().begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def guide_images(dialog: UserGuideDialog) -> list[str]:
    """The pictures the document shows (as Qt's Markdown reader found them)."""
    names = []
    for block in blocks(dialog):
        it = block.begin()
        while not it.atEnd():
            f = it.fragment().charFormat()
            if f.isImageFormat():
                names.append(f.toImageFormat().name())
            it += 1
    return names


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_help_opens_the_user_guide_in_the_window_language(make_window, ctx, translations, qtbot, artifacts, lang):
    """Help › User guide is the guide for users in the window's language, not the developer README."""
    translations.switch(lang)
    window = make_window(ctx)
    dialog = open_guide(window)
    assert dialog.browser.source().toLocalFile().endswith(f"guide/guide_{lang}.md")
    text = dialog.browser.toPlainText()
    assert text.startswith("zqtracker user guide" if lang == "en" else "zqtracker 用户指南")
    for task in GUIDE_TASKS[lang]:
        assert task in text, task
    assert "pip install" not in text and "pytest" not in text and "apt-get" not in text
    # every picture is there and shown: Qt loads it from the packaged folder, small enough to ship
    images = guide_images(dialog)
    assert len(images) >= 6 and all(f"-{lang}.png" in name for name in images), images
    for name in images:
        data = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert isinstance(data, QByteArray) and not QImage.fromData(data).isNull(), name
        assert (guide_path(lang).parent / name).stat().st_size < 60_000, name
    qtbot.wait(50)
    dialog.grab().save(str(artifacts / f"user_guide-{lang}.png"))
    dialog.close()


def test_the_guide_table_of_contents_scrolls_to_its_sections(qtbot) -> None:
    for lang in ("en", "zh"):
        dialog = UserGuideDialog(None, lang)
        qtbot.addWidget(dialog)
        dialog.show()
        text = guide_path(lang).read_text(encoding="utf-8")
        links = re.findall(r"^- \[[^\]]+\]\(#([^)]+)\)", text, re.MULTILINE)  # the table of contents
        assert len(links) >= 8
        headings = [heading_anchor(b.text()) for b in blocks(dialog) if b.blockFormat().headingLevel() == 2]
        assert links == headings, lang  # every entry has its section, in order
        assert set(re.findall(r"\]\(#([^)]+)\)", text)) <= set(headings)  # and every link in the text
        bar = dialog.browser.verticalScrollBar()
        bar.setValue(0)
        qtbot.wait(20)
        entry = dialog.browser.document().find(GUIDE_TASKS[lang][-1])  # a click on an entry near the end
        where = dialog.browser.cursorRect(entry).center() - QPoint(10, 0)
        QTest.mouseClick(dialog.browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        qtbot.waitUntil(lambda bar=bar: bar.value() > 0)
        heading = next(
            b for b in blocks(dialog) if b.blockFormat().headingLevel() == 2 and b.text() == GUIDE_TASKS[lang][-1]
        )
        assert 0 <= dialog.browser.cursorRect(QTextCursor(heading)).top() < dialog.browser.viewport().height() // 3
        assert dialog.browser.toPlainText().startswith("zqtracker")  # the same document, scrolled


def test_the_guide_follows_a_live_language_switch(make_window, ctx, translations, settings, qtbot) -> None:
    window = make_window(ctx)
    dialog = open_guide(window)
    assert dialog.browser.toPlainText().startswith("zqtracker user guide")
    settings.language = "zh_CN"  # Preferences' OK
    qtbot.waitUntil(lambda: dialog.browser.toPlainText().startswith("zqtracker 用户指南"))
    assert dialog.windowTitle() == "zqtracker 用户指南"
    dialog.close()


def test_app_icon_has_sizes(qtbot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert icon.availableSizes() or icon.pixmap(64, 64).width() == 64
