"""Only the package list lives here; everything else is in pyproject.toml.

resources/ (icons, translations, templates) is at the top of the repository, as the project
layout asks, and is installed as the package ``zqtracker.resources``; its folders are listed as
(data-only) packages too, which setuptools wants to be told about explicitly.
"""

from pathlib import Path

from setuptools import find_packages, setup

RESOURCES = Path(__file__).resolve().parent / "resources"
resource_packages = [
    "zqtracker.resources",
    *sorted(
        "zqtracker.resources." + ".".join(p.relative_to(RESOURCES).parts)
        for p in RESOURCES.rglob("*")
        if p.is_dir() and "__pycache__" not in p.parts
    ),
]

setup(
    packages=[*find_packages(include=["zqtracker", "zqtracker.*"]), *resource_packages],
    package_dir={"zqtracker.resources": "resources"},
    package_data={name: ["*"] for name in resource_packages},
)
