"""Qt translations: extract strings into .ts files, compile .ts into the .qm files the app loads.

    python3 tools/translations.py update    # pyside6-lupdate: each area's sources → <area>_zh_CN.ts
    python3 tools/translations.py release   # pyside6-lrelease: every .ts → .qm (commit both)
    python3 tools/translations.py check     # exit 1 if a .qm is stale, or an area's .ts misses strings

Each area of the app keeps its own .ts (resources/translations/<area>_<lang>.ts) so engineers
never edit the same file; add yours to AREAS. qtbase_extra_<lang>.ts is kept by hand: Qt's own
strings that Qt's qtbase_<lang>.qm lacks ("&Look in:" of its file dialog); release builds it too.
The app loads every *_<lang>.qm in that folder (zqtracker/ui/translations.py). Translate with
Qt Linguist, or by editing the .ts XML.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)

# Area → the source files whose strings it holds.
AREAS: dict[str, list[str]] = {
    "desktop": [
        "zqtracker/ui/app.py",
        "zqtracker/ui/commands.py",
        "zqtracker/ui/database_actions.py",
        "zqtracker/ui/detail_pane.py",
        "zqtracker/ui/date_field.py",
        "zqtracker/ui/editor_fields.py",
        "zqtracker/ui/editor_questions.py",
        "zqtracker/ui/filter_bar.py",
        "zqtracker/ui/investment_grid.py",
        "zqtracker/ui/main_actions.py",
        "zqtracker/ui/main_window.py",
        "zqtracker/ui/messages.py",
        "zqtracker/ui/operations.py",
        "zqtracker/ui/preferences.py",
        "zqtracker/ui/project_actions.py",
        "zqtracker/ui/project_columns.py",
        "zqtracker/ui/project_editor.py",
        "zqtracker/ui/project_form.py",
        "zqtracker/ui/project_cells.py",
        "zqtracker/ui/project_model.py",
        "zqtracker/ui/project_table.py",
        "zqtracker/ui/projects_page.py",
        "zqtracker/ui/reference_commands.py",
        "zqtracker/ui/reference_dialogs.py",
        "zqtracker/ui/reference_editor.py",
        "zqtracker/ui/status_dialog.py",
        "zqtracker/ui/tabs.py",
        "zqtracker/ui/help.py",
        "zqtracker/ui/start_page.py",
        "zqtracker/ui/empty_state.py",
        "zqtracker/ui/file_dialogs.py",
    ],
    "import": [
        "zqtracker/ui/import_dialog.py",
        "zqtracker/ui/import_body.py",
        "zqtracker/ui/import_file_bar.py",
        "zqtracker/ui/import_options_bar.py",
        "zqtracker/ui/import_problem_list.py",
        "zqtracker/ui/import_backup_line.py",
        "zqtracker/ui/import_sheet_preview.py",
        "zqtracker/ui/import_preview.py",
        "zqtracker/ui/import_questions.py",
        "zqtracker/ui/import_defaults.py",
        "zqtracker/ui/link_questions.py",
    ],
    "import_struck": ["zqtracker/ui/struck_question.py", "zqtracker/ui/struck_marks.py"],
    "export": ["zqtracker/ui/export_dialog.py"],
    "server": ["zqtracker/ui/change_log.py", "zqtracker/ui/connect_dialog.py"],
    "dashboard": [
        "zqtracker/ui/dashboard/widget.py",
        "zqtracker/ui/dashboard/tiles.py",
        "zqtracker/ui/dashboard/panel.py",
        "zqtracker/ui/dashboard/figures.py",
    ],
    "reports": [
        "zqtracker/ui/summaries.py",
        "zqtracker/ui/summaries_options.py",
        "zqtracker/ui/summaries_output.py",
        "zqtracker/ui/summaries_preview.py",
    ],
    "faults": [
        "zqtracker/ui/backups.py",
        "zqtracker/ui/daily_backup.py",
        "zqtracker/ui/import_command.py",
        "zqtracker/ui/read_only_banner.py",
    ],
    "round": [
        "zqtracker/ui/round_view.py",
        "zqtracker/ui/round_model.py",
        "zqtracker/ui/round_return.py",
        "zqtracker/ui/round_reminders.py",
    ],
    "figures": ["zqtracker/ui/figure_texts.py"],
}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease, from the PATH or beside this Python."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def ts_path(area: str, lang: str) -> Path:
    return FOLDER / f"{area}_{lang}.ts"


def lupdate(area: str, lang: str, target: Path) -> None:
    sources = [str(ROOT / f) for f in AREAS[area]]
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(target)],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation (None when unfinished or empty)."""
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = None
            if translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
                forms = [f.text or "" for f in translation.iter("numerusform")]
                text = (forms[0] if forms else translation.text) or None
            out[(name, message.findtext("source") or "")] = text
    return out


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for area in AREAS:
        for lang in LANGUAGES:
            lupdate(area, lang, ts_path(area, lang))
            missing = [k for k, v in messages(ts_path(area, lang)).items() if v is None]
            print(f"{ts_path(area, lang).name}: {len(missing)} untranslated")


def release() -> None:
    for ts in sorted(FOLDER.glob("*.ts")):
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"{ts.with_suffix('.qm').name} built")


def problems() -> list[str]:
    """What is out of date: stale .qm files, strings in the sources missing from a .ts."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(FOLDER.glob("*.ts")):
            qm = ts.with_suffix(".qm")
            fresh = Path(tmp) / qm.name
            lrelease(ts, fresh)
            if not qm.is_file() or qm.read_bytes() != fresh.read_bytes():
                found.append(f"{qm.name} is not built from {ts.name} (run: python3 tools/translations.py release)")
        for area in AREAS:
            for lang in LANGUAGES:
                committed = ts_path(area, lang)
                scratch = Path(tmp) / committed.name
                if committed.is_file():
                    shutil.copy(committed, scratch)
                lupdate(area, lang, scratch)
                now = messages(scratch)
                before = messages(committed) if committed.is_file() else {}
                new = sorted(k for k in now if k not in before)
                untranslated = sorted(k for k, v in now.items() if v is None)
                for context, source in new:
                    found.append(f"{committed.name}: new string in {context}: {source!r} (run update)")
                for context, source in untranslated:
                    if (context, source) not in new:
                        found.append(f"{committed.name}: untranslated in {context}: {source!r}")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
