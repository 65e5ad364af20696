"""Loading the interface language: our ``*_{lang}.qm`` files and Qt's own, switchable live.

Every area of the app keeps its strings in ``resources/translations/<area>_zh_CN.ts``, compiled to
``.qm``; :class:`Translations` installs every ``*_{lang}.qm`` it finds there plus Qt's ``qtbase``
translation (standard buttons and dialogs). Switching installs the new set and sets the default
QLocale, so Qt sends ``QEvent.LanguageChange`` to every widget (widgets re-word themselves in
``changeEvent``) and numbers and dates follow the language.

Domain labels (status, field names) are worded by the domain in "en" or "zh"; :func:`ui_lang`
tells widgets which.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, Qt, QTranslator

ENGLISH = "en"
CHINESE = "zh_CN"


def translations_dir() -> Path:
    from zqtracker.paths import resources_dir  # importlib.resources: not before it is needed

    return resources_dir() / "translations"


def system_language() -> str:
    """``zh_CN`` for any Chinese system locale (zh, zh_CN, zh_SG, zh_Hans…), else English."""
    locale = QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def resolve_language(setting: str | None) -> str:
    """The language to use: an explicit setting, else the system's."""
    if setting:
        normal = setting.replace("-", "_")
        if normal.startswith("zh"):
            return CHINESE
        if normal.startswith("en"):
            return ENGLISH
    return system_language()


def ui_lang() -> str:
    """``"zh"`` or ``"en"``: the code the domain's label functions take, from the default locale."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def qm_files(lang: str, folder: Path | None = None) -> list[Path]:
    folder = folder or translations_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*_{lang}.qm"))


class Translations:
    """The translators installed on the application; :meth:`switch` replaces them."""

    def __init__(self, app: QCoreApplication | None = None) -> None:
        found = app or QCoreApplication.instance()
        if found is None:
            raise RuntimeError("Translations needs the application made first")
        self._app: QCoreApplication = found
        from zqtracker.ui.file_dialogs import FileDialogSizes

        FileDialogSizes.install(found)  # Qt's file dialog: sizes in the interface's words too
        self._installed: list[QTranslator] = []
        self.language = ENGLISH
        self.loaded: list[str] = []
        self._switched = False

    def switch(self, lang: str) -> str:
        """Install ``lang`` (``en`` or ``zh_CN``; anything else means the system's); returns it.

        The default locale changes first (widgets re-word themselves with ``ui_lang()``), and one
        LanguageChange is sent at the end: Qt sends its own only while the event loop runs.
        """
        lang = resolve_language(lang)
        if lang == self.language and self._switched and QLocale() == _locale_for(lang):
            return lang  # nothing changes: no LanguageChange for every widget
        self._switched = True
        QLocale.setDefault(_locale_for(lang))
        # A native file dialog speaks the system's language: Qt's own (translated below) where
        # the interface's is another.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, lang != system_language())
        self.language = lang
        for t in self._installed:
            self._app.removeTranslator(t)
        self._installed.clear()
        self.loaded = []
        if lang != ENGLISH:  # English is the source language: nothing to load
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for path in [Path(qt_dir) / f"qtbase_{lang}.qm", *qm_files(lang)]:
                translator = QTranslator(self._app)
                if path.is_file() and translator.load(str(path)):
                    self._app.installTranslator(translator)
                    self._installed.append(translator)
                    self.loaded.append(path.name)
        QCoreApplication.sendEvent(self._app, QEvent(QEvent.Type.LanguageChange))
        # The application posts LanguageChange to each window: deliver them now, so that every
        # widget speaks the new language when switch() returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return lang


def _locale_for(lang: str) -> QLocale:
    """Chinese: zh_CN. English: the system locale when it is English (en_GB dates stay British),
    else en_US."""
    if lang == CHINESE:
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    system = QLocale.system()
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
