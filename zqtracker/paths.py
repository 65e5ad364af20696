"""Where the package's resources are, in a checkout, an installed wheel or a bundle."""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The resources/ folder (icons, translations, templates).

    In a source checkout it is the folder beside the package (so that a git worktree uses its
    own files, not those of wherever the package was installed in editable mode from);
    otherwise the installed package ``zqtracker.resources``.
    """
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources" / "__init__.py").is_file():
        return checkout / "resources"
    return Path(str(importlib.resources.files("zqtracker.resources")))
