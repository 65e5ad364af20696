"""Only the package list lives here; everything else is in pyproject.toml.

resources/ (icons, translations, templates) is at the top of the repository, as the project
layout asks, and is installed as the package ``zqtracker.resources``.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["zqtracker", "zqtracker.*"]), "zqtracker.resources"],
    package_dir={"zqtracker.resources": "resources"},
)
