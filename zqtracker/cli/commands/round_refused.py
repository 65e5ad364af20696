"""A return of a `round collect` of several refused at its analysis or its write (its month closed by
a colleague meanwhile, a colleague collecting it at the same moment …): named by its file and district
on its own, while the returns imported before it stay imported and are reported as usual (probe40d:
the whole collect ended with one sentence naming neither file, and no word of those imported)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.cli.words import WORDS
from zqtracker.domain.errors import DomainError

if TYPE_CHECKING:
    from zqtracker.services.round_collect import DistrictReturn


def refused_report(ret: DistrictReturn, exc: DomainError, lang: str) -> dict[str, object]:
    """The --json entry of the refused return; ``"refused"`` is the sentence said of it."""
    said = getattr(exc, "message", None)
    reason = said(lang) if callable(said) else str(exc)
    if ret.path.name not in reason:  # (the month closed, "just collected by …" name it themselves)
        reason = WORDS.say("round.return_refused", lang, file=ret.path.name, district=ret.district, reason=reason)
    return {"file": str(ret.path), "round": str(ret.period), "district": ret.district, "written": False,
            "refused": reason}  # fmt: skip
