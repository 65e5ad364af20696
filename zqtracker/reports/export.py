"""One call from options to a PDF file: what the CLI runs and the Summaries tab runs in the background."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from zqtracker.reports.build import build_report
from zqtracker.reports.layout import layout_report
from zqtracker.reports.options import ReportOptions
from zqtracker.reports.page import Document
from zqtracker.reports.paint import write_pdf
from zqtracker.services.context import AppContext
from zqtracker.services.progress import Progress


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    pages: int
    document: Document


def export_pdf(
    ctx: AppContext, options: ReportOptions, path: str | os.PathLike[str], progress: Progress | None = None
) -> Written:
    """Build, lay out and write the view; a cancel or failure leaves ``path`` as it was."""
    report = build_report(ctx, options, progress)
    document = layout_report(report, progress=progress)
    written = write_pdf(document, path, progress)
    return Written(written, len(document.pages), document)
