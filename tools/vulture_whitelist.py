"""Names the dead-code finder (vulture, in .ci/run) reports that are in use — called by a
framework or by name, never by a call it can see. Only such names belong here: code that nothing
calls is deleted instead.

    python3 -m vulture zqtracker tests tools/vulture_whitelist.py --min-confidence 60 \
        --exclude zqtracker/storage/migrations/versions
"""

# ruff: noqa
# fmt: off

# Qt calls these overrides (event handlers, proxy-model filter, pyqtgraph's layout hooks).
_.dragEnterEvent  # ui/main_window.py, ui/import_dialog.py: drag and drop
_.contextMenuEvent  # ui/dashboard/panel.py
_.filterAcceptsRow  # ui/import_preview.py (QSortFilterProxyModel)
_.source_parent  # its parameter
_.updateMin  # charts/plot.py: pyqtgraph's LabelItem calls it on resize
_.paintEvent  # ui/dashboard/tiles.py: the elided label
_.picture  # charts/plot_time.py: pyqtgraph's AxisItem redraws its ticks when it is None
_._sizeHint  # charts/plot.py: pyqtgraph's GraphicsWidget reads it
_.tb  # ui/app.py: sys.excepthook's third parameter
_.expandingDirections  # ui/flow_layout.py: QLayout's overrides the layout system calls
_.hasHeightForWidth
_.heightForWidth

# expat calls the handlers set on its parser.
_.StartElementHandler  # io/numfmt.py, io/ods_package.py
_.EndElementHandler
_.CharacterDataHandler

# SQLAlchemy calls these: event listeners, compiled constructs, a TypeDecorator.
_._password  # storage/credentials.py: @event.listens_for(engine, "do_connect")
_.conn_rec  # its parameters
_.cargs
_._fold_sqlite  # storage/filtering.py: @compiles
_._fold_other
_._position_sqlite
_._position_other
_.inherit_cache
_._pragmas  # storage/migrate.py: @event.listens_for(..., "connect")
_._begin  # storage/migrate.py: @event.listens_for(..., "begin")
_.process_result_value  # storage/tables.py: TypeDecorator
_.process_bind_param
_.impl
_.cache_ok
_.decided_at  # storage/tables.py: a mapped column (written by storage/rounds.py as a keyword)

# Read by name: the chart theme's colour roles (getattr(theme, series.role)).
_.accent  # charts/theme.py
_.accent_prior
_.prior_span

# The console script of pyproject.toml ([project.gui-scripts]).
_.gui_main  # launcher.py

# Keep-alive: a running Operation is held by the dialog that started it until it ends.
_._op  # ui/round_return.py, ui/round_view.py

# Named columns of a table model (style.md, 6): the tuple names every column, the code refers to
# some of them by name and to the others by position.
_.COL_DISTRICT  # ui/round_view.py
_.COL_FILE
_.CHANGES  # ui/import_preview.py: the third row filter of ALL, PROBLEMS, CHANGES

# html.parser.HTMLParser's callbacks, called by the parser's feed() (io/html_tables.py).
_.handle_starttag
_.handle_endtag
_.handle_data
