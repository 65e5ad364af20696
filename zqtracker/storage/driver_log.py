"""psycopg's own words on stderr, kept off it (probe34c F1). A batch of statements psycopg sends in
pipeline mode (``executemany``: our ``many`` and ``insert_new_names``) that the server refuses — a
district account's row of another district, a row-level-security check — raises that refusal to us,
which we word in one sentence; ending the pipeline then fails too ("pipeline aborted"), and psycopg,
not to hide the first error, logs the second as a warning on its ``psycopg`` logger. With no handler
configured, Python prints it raw on stderr: ``error ignored terminating <psycopg.Pipeline [INERROR,
pipeline=ON] …>: pipeline aborted``, before our sentence, in some runs and not others (how far the
server had got). That echo says nothing the raised error does not, so it is dropped; every other
record of the driver passes."""

from __future__ import annotations

import logging

_ECHO = "error ignored terminating"


class _PipelineEcho(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_ECHO)


def quiet_pipeline_echo() -> None:
    """Once per process (a second call adds nothing)."""
    driver = logging.getLogger("psycopg")
    if not any(isinstance(f, _PipelineEcho) for f in driver.filters):
        driver.addFilter(_PipelineEcho())
