"""The README's first section is what a new user types on a fresh machine: it has to stay true.

Its two commands (app on the demo database; tests) run in a virtual environment — Debian 12
refuses a bare ``pip install`` (externally-managed-environment) — and CI runs exactly the second;
its apt line is what CI installs for Qt and the fonts; one font is named, the reports' first.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def start_section() -> str:
    return README[README.index("## Start here") : README.index("\n## ", README.index("## Start here") + 1)]


def bash_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", text, re.DOTALL)]


def ci_apt_packages() -> set[str]:
    line = re.search(r"apt-get install -y -qq --no-install-recommends \\\n(.*?)>/dev/null", CI, re.DOTALL)
    assert line is not None
    return set(line.group(1).replace("\\", " ").split())


def test_the_two_commands_run_in_a_virtual_environment_and_ci_runs_the_second() -> None:
    apt, app, tests = bash_blocks(start_section())
    assert apt.startswith("sudo apt-get install ")
    for command in (app, tests):
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && python3 -m pip install ")
    assert app.endswith("&& zqtracker --demo")
    assert tests.endswith("&& python3 -m pytest")
    assert tests in CI.splitlines()  # verbatim, on a line of its own


def test_the_apt_line_is_complete_and_names_one_font() -> None:
    apt = bash_blocks(start_section())[0].split()[3:]
    assert {"python3-venv", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"} <= set(apt)  # venv; Qt ≥ 6.5 on X11
    assert set(apt) <= ci_apt_packages()  # CI installs what a user is told to
    fonts = [p for p in ci_apt_packages() | set(apt) if p.startswith("fonts-")]
    assert fonts == ["fonts-wqy-microhei"]
    section = start_section()
    assert "fonts-noto-cjk" not in section and "poppler-utils" in section
    # the reports' font list starts with the one installed
    pdf = README[README.index("## Summaries, printing and PDF") :]
    assert re.search(r"the first installed of WenQuanYi\s+Micro Hei", pdf)
    assert "*Summaries, printing and\nPDF*" in section or "*Summaries, printing and PDF*" in section
