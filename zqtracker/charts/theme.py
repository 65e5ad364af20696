"""Chart colours for light and dark backgrounds.

Growth is red and decline green in Chinese (红涨绿跌, as every Chinese market and statistics
display shows it) and the other way round in English, so each reader sees the colours they
already read without thinking.
"""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.words import is_zh


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    background: str
    foreground: str
    muted_text: str
    grid: str
    axis: str
    current: str  # this year's bars
    prior: str  # last year's bars
    span: str  # this year's figures covering several months, apart on their last month's bar
    prior_span: str  # last year's
    accent: str  # this year's year-to-date line
    accent_prior: str  # last year's year-to-date line
    muted: str  # side states of the pipeline, the "others" row
    red: str
    green: str
    hover: str  # the band behind the row or month under the pointer

    def growth(self, lang: str) -> tuple[str, str]:
        """(colour of growth, colour of decline) for readers of ``lang``."""
        return (self.red, self.green) if is_zh(lang) else (self.green, self.red)  # red is up in China

    def colour(self, role: str, lang: str) -> str:
        if role == "up":
            return self.growth(lang)[0]
        if role == "down":
            return self.growth(lang)[1]
        return getattr(self, role)


LIGHT = Theme(
    name="light",
    background="#ffffff",
    foreground="#1f2328",
    muted_text="#57606a",
    grid="#e3e7eb",
    axis="#8c959f",
    current="#2f6db5",
    prior="#a9bccf",
    span="#a8c8ec",
    prior_span="#dbe4ed",
    accent="#d9730d",
    accent_prior="#b59a7a",
    muted="#a0a7b0",
    red="#cf222e",
    green="#1a7f37",
    hover="#2f6db520",
)

DARK = Theme(
    name="dark",
    background="#202226",
    foreground="#e6e8eb",
    muted_text="#a4abb3",
    grid="#34383e",
    axis="#7d858f",
    current="#5ba3ec",
    prior="#5a6b7e",
    span="#2d5277",
    prior_span="#3a434e",
    accent="#f2a03d",
    accent_prior="#a08666",
    muted="#6b737c",
    red="#f2555a",
    green="#3fb961",
    hover="#5ba3ec30",
)

THEMES = {"light": LIGHT, "dark": DARK}


def theme_named(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; one of {', '.join(THEMES)}") from None
