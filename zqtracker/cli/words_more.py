"""What ``db`` and ``import`` print, in English and 简体中文 (cli/words.py takes them in)."""

from __future__ import annotations

MORE: dict[str, tuple[str, str]] = {}
