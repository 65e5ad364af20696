"""The one mechanism by which every layer below ui/ words a message in English or 简体中文.

A :class:`Catalogue` holds each sentence as an English–Chinese pair side by side in the module
that owns it (``"required": ("{field_label} is required", "{field_label}不能为空")``), so a reader
and a translator see both languages at once, a missing one or a placeholder that differs is
caught by a test (tests/test_words.py walks every catalogue registered here), and there is no
build step. Python's gettext with .po files was the alternative: it keys a sentence by its English
text, keeps the Chinese in another file a reader of the code never sees, and needs .mo files
compiled and packaged; here a mistyped key fails at once instead of printing the English.

The desktop's widgets use Qt's ``tr()`` and .ts files (ui/translations.py); everything below
them — domain, storage, io, services, charts, reports, cli — words its messages here. A language
is normalised in one place (:func:`is_zh`): "zh", "zh_CN", "zh-Hans", "ZH" are Chinese, anything
else English.

A sentence that tells the user what to do about it says it where it is read: the desktop app's
user never types a flag, the command line's has no preview. Such an entry gives its remedy as
``{how}`` and, beside its two languages, a :class:`Ways` with the remedy for each surface —
``(en, zh, Ways(app=(…, …), cli=(…, …)))`` — so the sentence stays one entry, read in one place.
The command line's form is the default (its ``--json`` too: scripts use the command line); the
desktop's widgets ask for the app's (``problem.message(lang, APP)``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal, NamedTuple

Surface = Literal["app", "cli"]
APP: Surface = "app"  # the desktop app: what to choose in its dialog
CLI: Surface = "cli"  # the command line, text and --json: the flag to give


def is_zh(lang: str | None) -> bool:
    """Whether ``lang`` (a code as a user, an environment or a locale gives it) asks for Chinese."""
    return bool(lang) and str(lang).strip().lower().startswith("zh")


def norm_lang(lang: str | None) -> str:
    """ "zh" or "en": the two languages a catalogue holds."""
    return "zh" if is_zh(lang) else "en"


class Text(NamedTuple):
    """One sentence in both languages; ``{name}`` placeholders are filled by :meth:`say`. (A pair,
    so a test can unpack it.)"""

    en: str
    zh: str

    def pick(self, lang: str | None) -> str:
        return self.zh if is_zh(lang) else self.en

    def say(self, lang: str | None, **params: object) -> str:
        text = self.pick(lang)
        return text.format(**params) if params else text


class Ways(NamedTuple):
    """An entry's remedy (its ``{how}``) for each surface, each in both languages; filled with the
    entry's own parameters."""

    app: tuple[str, str]
    cli: tuple[str, str]

    def text(self, surface: Surface) -> Text:
        return Text(*(self.app if surface == APP else self.cli))


_REGISTRY: dict[str, Catalogue] = {}


class Catalogue(Mapping[str, Text]):
    """A module's sentences, registered by ``name`` so that the test can walk them all.

    ``composed`` lists key prefixes a caller builds at run time (``f"tip.{kind}"``): keys under
    them count as used although no source line spells them out. ``from_data``: the keys are
    codes read from the user's data (ISO currency codes), none of them spelled out in the code.
    """

    def __init__(
        self,
        name: str,
        entries: Mapping[str, tuple[str, str] | tuple[str, str, Ways] | Text],
        *,
        composed: tuple[str, ...] = (),
        from_data: bool = False,
    ) -> None:
        if name in _REGISTRY:
            raise ValueError(f"catalogue {name!r} is registered twice")
        self.name = name
        self.composed = composed
        self.from_data = from_data
        self._texts: dict[str, Text] = {key: Text(*value[:2]) for key, value in entries.items()}
        self._ways: dict[str, Ways] = {
            key: v[2] for key, v in entries.items() if len(v) == 3 and isinstance(v[2], Ways)
        }
        _REGISTRY[name] = self

    def __getitem__(self, key: str) -> Text:
        return self._texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def say(self, key: str, lang: str | None = "en", **params: object) -> str:
        """The sentence ``key`` in ``lang``, its placeholders filled (a missing key raises); its
        remedy, if it has one, as the command line gives it (:meth:`with_how` for another surface)."""
        return self._texts[key].say(lang, **self.with_how(key, lang, CLI, params))

    def with_how(self, key: str, lang: str | None, surface: Surface, params: dict[str, object]) -> dict[str, object]:
        """``params`` with the entry's ``{how}`` filled for ``surface`` (unchanged for an entry without one)."""
        ways = self._ways.get(key)
        return params if ways is None else {**params, "how": ways.text(surface).say(lang, **params)}

    def ways(self) -> dict[str, Ways]:
        """The entries that word their remedy per surface (for the test that walks them)."""
        return dict(self._ways)

    __call__ = say

    def merge(self, other: Catalogue) -> None:
        """Take ``other``'s keys that this catalogue lacks (never rewords one of its own)."""
        for key, text in other.items():
            if key not in self._texts:
                self._texts[key] = text
                if key in other._ways:
                    self._ways[key] = other._ways[key]

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r}, {len(self)} keys)"


def catalogues() -> list[Catalogue]:
    """Every catalogue registered so far (import the modules first to have them all)."""
    return list(_REGISTRY.values())


class WordedError(Exception):
    """An error that words itself in either language: a catalogue's sentence and its parameters
    (``str()`` is the English, for logs)."""

    def __init__(self, catalogue: Catalogue, key: str, **params: object) -> None:
        self.catalogue, self.key, self.params = catalogue, key, params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = "en") -> str:
        return self.catalogue.say(self.key, lang, **self.params)
