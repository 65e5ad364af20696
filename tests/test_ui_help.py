"""About dialog and user guide: what they show, and screenshots to look at."""

from __future__ import annotations

from zqtracker import __version__
from zqtracker.services.context import AppContext
from zqtracker.ui.help import AboutDialog, UserGuideDialog, app_icon, readme_text


def test_about_shows_version_licence_data_folder_and_database(qtbot, demo_ctx: AppContext, artifacts) -> None:
    dialog = AboutDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.database)))
    assert __version__ in texts and "MIT" in texts
    assert dialog.database.text() == demo_ctx.database.display_name
    assert "zqtracker" in dialog.data_folder.text()
    dialog.grab().save(str(artifacts / "about_dialog.png"))


def test_user_guide_renders_the_readme(qtbot, artifacts) -> None:
    text = readme_text()
    assert "Command line" in text
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert "zqtracker summary" in dialog.browser.toPlainText()
    dialog.grab().save(str(artifacts / "user_guide.png"))


def test_app_icon_has_sizes(qtbot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert icon.availableSizes() or icon.pixmap(64, 64).width() == 64
