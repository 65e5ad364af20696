"""``zqtracker chart``: one of the dashboard's charts as a PNG or SVG file, without a display."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from zqtracker.charts import CHART_NAMES
from zqtracker.cli.arguments import h
from zqtracker.cli.common import add_filter_arguments, add_unit_argument, filter_from_args, open_context, unit_of
from zqtracker.cli.console import Console, ExitCode


def register(sub: argparse._SubParsersAction) -> None:
    names = h("chart.sep").join(f"{n}{h('chart.name_sep')}{h(f'chart.{n}')}" for n in CHART_NAMES)
    p = sub.add_parser(
        "chart",
        help=h("chart"),
        description=h("chart.about", names=names),
    )
    p.add_argument("name", choices=CHART_NAMES, metavar="NAME", help=h("chart.name", names=" ".join(CHART_NAMES)))
    p.add_argument("file", metavar="FILE", help=h("chart.file"))
    p.add_argument("--year", type=int, help=h("chart.year"))
    p.add_argument("--through", type=int, choices=range(1, 13), metavar="M", help=h("through"))
    p.add_argument("--width", type=int, default=960, metavar="PX", help=h("chart.width"))
    p.add_argument("--height", type=int, default=540, metavar="PX", help=h("chart.height"))
    p.add_argument("--dpi", type=int, default=200, help=h("chart.dpi"))
    p.add_argument("--theme", choices=("light", "dark"), default="light", help=h("chart.theme"))
    # as `report` takes it: after the command too (dest differs from the global --lang, whose value
    # a subparser's default would overwrite)
    p.add_argument("--lang", dest="chart_lang", choices=("en", "zh"), help=h("chart.lang"))
    add_unit_argument(p)
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, console: Console) -> int:
    from zqtracker.charts.render import render_figures
    from zqtracker.services.dashboard import DashboardService

    target = Path(args.file)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        console.error(f"{args.file}: the file name must end in .png or .svg")
        return ExitCode.INVALID_INPUT
    for label, value in (("--width", args.width), ("--height", args.height)):
        if not 240 <= value <= 8000:
            console.error(f"{label} {value}: give a size between 240 and 8000 pixels")
            return ExitCode.INVALID_INPUT
    if not 48 <= args.dpi <= 1200:
        console.error(f"--dpi {args.dpi}: give a resolution between 48 and 1200")
        return ExitCode.INVALID_INPUT
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        console.error(f"cannot write {target}: the folder {folder} does not exist")
        return ExitCode.REFUSED
    f = filter_from_args(args)
    ctx = open_context(args, f)
    try:
        figures = DashboardService(ctx.statistics).load(
            args.year, args.through, None if f.is_empty() else f, count_stale_projects=False
        )
    finally:
        ctx.close()
    data = render_figures(
        figures,
        args.name,
        lang=args.chart_lang or console.lang,
        unit=unit_of(args),
        width=args.width,
        height=args.height,
        fmt=fmt,
        dpi=args.dpi,
        theme=args.theme,
    )
    try:
        _write_atomically(target, data)
    except OSError as exc:
        console.error(f"cannot write {target}: {exc.strerror or exc}")
        return ExitCode.REFUSED
    period = f"{figures.year}-01..{figures.year}-{figures.through:02d}"
    if not figures.monthly and not figures.prior_monthly and args.name in ("monthly", "yoy", "sectors", "districts"):
        console.error(f"note: no investment records in {figures.year - 1}–{figures.year}; the chart is empty")
    size = f"{args.width}×{args.height} px" if fmt == "svg" else _png_size(args.width, args.height, args.dpi)
    console.print(f"{target}: {args.name} chart, {period}, {fmt.upper()} {size}")
    return ExitCode.OK


def _png_size(width: int, height: int, dpi: int) -> str:
    from zqtracker.charts.render import SCREEN_DPI, device_pixels

    ratio = dpi / SCREEN_DPI
    return f"{device_pixels(width, ratio)}×{device_pixels(height, ratio)} px at {dpi} dpi"


def _write_atomically(target: Path, data: bytes) -> None:
    """A failed write leaves any earlier file of that name as it was."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
