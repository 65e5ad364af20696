"""Summary views for leadership: built as plain data from the services, then laid out and drawn.

    report = build_report(ctx, ReportOptions(view=View.OVERVIEW, lang="zh"))   # data, no Qt
    document = layout_report(report)                                          # pages of drawing ops
    write_pdf(document, "overview.pdf")                                       # or paint_document(doc, printer)

The Summaries tab and the ``report`` CLI command call the same three steps, so both make the same PDF.
Qt is used here only to measure and draw (QFontMetricsF, QPainter, QPdfWriter, QSvg*), never for
windows or dialogs.
"""
