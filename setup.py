"""Only the package list lives here; everything else is in pyproject.toml.

resources/ (icons, translations, templates) is at the top of the repository, as the project
layout asks, and is installed as the package ``zqtracker.resources``; its folders are listed as
(data-only) packages too, which setuptools wants to be told about explicitly. Its screenshots/ are
the README's, not the app's, and stay out.
"""

from pathlib import Path

from setuptools import find_packages, setup

RESOURCES = Path(__file__).resolve().parent / "resources"
resource_packages = [
    "zqtracker.resources",
    *sorted(
        "zqtracker.resources." + ".".join(p.relative_to(RESOURCES).parts)
        for p in RESOURCES.rglob("*")
        if p.is_dir() and "__pycache__" not in p.parts and "screenshots" not in p.relative_to(RESOURCES).parts
    ),
]

setup(
    packages=[*find_packages(include=["zqtracker", "zqtracker.*"]), *resource_packages],
    package_dir={"zqtracker.resources": "resources"},
    package_data={
        **{name: ["*"] for name in resource_packages},
        "zqtracker.storage.migrations": ["*.mako", "*.py", "versions/*.py"],
    },
    exclude_package_data={"zqtracker.resources": ["screenshots/*"]},
)
