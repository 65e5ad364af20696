"""The bundle recipe: quick checks always; the real build only with ZQ_PACKAGING=1 (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import manifest  # noqa: E402


def test_manifest_carries_every_resource_and_migration() -> None:
    files = {Path(src).resolve() for src, _dest in manifest.data_files()}
    migrations = ROOT / "zqtracker" / "storage" / "migrations"
    needed = [
        *(p for p in (ROOT / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts),
        *(p for p in migrations.rglob("*.py") if "__pycache__" not in p.parts),
        migrations / "script.py.mako",
    ]
    assert len(needed) > 10
    missing = [str(p.relative_to(ROOT)) for p in needed if p.resolve() not in files]
    assert missing == []
    assert all(Path(src).exists() for src, _ in manifest.data_files())
    # Alembic finds versions/ beside env.py inside the bundle: the destinations keep the layout.
    dests = {dest for src, dest in manifest.data_files() if src.endswith("0001_initial.py")}
    assert dests == {"zqtracker/storage/migrations/versions"}


def test_spec_uses_the_manifest_and_entry_point() -> None:
    spec = (ROOT / "packaging" / "zqtracker.spec").read_text(encoding="utf-8")
    assert "manifest.data_files()" in spec and "entry.py" in spec
    assert 'name="zqtracker"' in spec and 'name="zqtracker-gui"' in spec
    assert manifest.version() == __import__("zqtracker").__version__


def test_desktop_file_and_metainfo_name_the_same_application() -> None:
    desktop = (ROOT / "packaging" / "linux" / "io.github.zqtracker.ZQTracker.desktop").read_text(encoding="utf-8")
    meta = (ROOT / "packaging" / "linux" / "io.github.zqtracker.ZQTracker.metainfo.xml").read_text(encoding="utf-8")
    assert "Exec=zqtracker-gui %f" in desktop and "Icon=zqtracker" in desktop
    assert '<launchable type="desktop-id">io.github.zqtracker.ZQTracker.desktop</launchable>' in meta
    assert f'<release version="{manifest.version()}"' in meta
    for size in (16, 32, 48, 64, 128, 256):
        assert (ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "zqtracker.png").is_file()


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ZQ_PACKAGING") != "1", reason="builds the bundle: set ZQ_PACKAGING=1")
def test_bundle_builds_and_runs() -> None:
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")], capture_output=True, text=True, timeout=1800
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "smoke test passed" in result.stdout
    assert (ROOT / "dist" / "zqtracker" / "zqtracker").is_file()


def test_desktop_file_and_metainfo_validate() -> None:
    """The validators Linux distributions run (.ci/run installs them)."""
    import shutil

    linux = ROOT / "packaging" / "linux"
    checks = [
        ("desktop-file-validate", [str(linux / "io.github.zqtracker.ZQTracker.desktop")]),
        ("appstreamcli", ["validate", "--no-net", str(linux / "io.github.zqtracker.ZQTracker.metainfo.xml")]),
    ]
    ran = 0
    for tool, args in checks:
        if shutil.which(tool) is None:
            continue
        result = subprocess.run([tool, *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{tool}: {result.stdout}{result.stderr}"
        ran += 1
    if ran == 0:
        pytest.skip("neither desktop-file-validate nor appstreamcli is installed")


def test_the_installed_package_carries_every_resource_and_the_guide_pictures(tmp_path: Path) -> None:
    """What `pip install .` puts in site-packages, built by setuptools' build_py from a copy of the
    tree: every resource (icons, translations, templates, the user guide and each picture it shows)
    and the migrations — once a [tool.setuptools.package-data] table in pyproject.toml replaced
    setup.py's and the wheel carried none of them. The README's screenshots stay out."""
    import re
    import shutil

    pytest.importorskip("setuptools")
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, tree / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("zqtracker", "resources"):
        shutil.copytree(ROOT / folder, tree / folder, ignore=ignore)
    built = tmp_path / "lib"
    result = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(built)], cwd=tree,
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    package = built / "zqtracker" / "resources"
    shipped = {p.relative_to(package) for p in package.rglob("*") if p.is_file()}
    wanted = {
        p.relative_to(ROOT / "resources")
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.parts[len(ROOT.parts) + 1] != "screenshots"
    }
    assert wanted - shipped == set()
    assert not any(p.parts[0] == "screenshots" for p in shipped)
    for lang in ("en", "zh"):
        guide = (package / "guide" / f"guide_{lang}.md").read_text(encoding="utf-8")
        pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", guide)
        assert len(pictures) >= 6
        assert all((package / "guide" / p).is_file() for p in pictures), pictures
    assert (built / "zqtracker" / "storage" / "migrations" / "script.py.mako").is_file()
    assert (built / "zqtracker" / "storage" / "migrations" / "versions" / "0001_initial.py").is_file()
