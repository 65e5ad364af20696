"""The reading process: parses one workbook under hard limits and streams its cells back.

A hostile workbook can make a parser allocate without bound (python-calamine builds a dense
range from the two farthest cells: two cells at A1 and XFD1048576 ask for 500 GB and abort the
process) or spin. So parsing runs here, in a child process with an address-space and CPU limit,
killed by the parent on a wall-clock timeout; the worst a file can do is end this process.

Every format goes through here: .xlsx/.xlsm, .xls, .xlsb and .ods by python-calamine (with the
facts it does not give read by io/xlsx_package, io/biff, io/xlsb_package and io/ods_package),
CSV by io/csvread, a web page's tables by io/html_tables, Excel 2003 XML by io/spreadsheetml. The
process dies with its parent: PR_SET_PDEATHSIG on Linux, and everywhere a
thread that exits when the parent's end of stdin closes.

Protocol: a JSON request on one line of stdin (which the parent keeps open until it is done);
frames on stdout, each a 4-byte big-endian length and a ``marshal`` payload (primitives only: str,
float, int, bool, tuples, lists, None). Cells are sent as python-calamine gives an .xlsx ('' for
empty, floats for numbers, whatever the format) except dates, which travel as tuples (ordinal,)
or (ordinal, seconds), and numbers an .xlsx or .ods shows as a percentage, which travel as the text
they show ("50%": io/percent_format.py). Frames:

    ("book", engine, date1904, [(name, visible, is_worksheet), ...])
    ("sheet", name, row_offset, col_offset, merged, hidden_cols, n_rows, n_cols, hidden_rows)
                                          # hidden_cols, hidden_rows: (first, last) ranges, 0-based
    ("rows", [row, ...], [(i, j, "#REF!"), ...])  # after their "sheet" frame; Excel errors by
                                                  # index into these rows and their cells, and
                                                  # formulas without a value: (i, j, "=D3+E3")
    ("simplified", name, cells, [(text, as_read), ...])  # before its sheet's "end": cells in traditional
                                                        # characters read as simplified (io/traditional.py)
    ("struck", name, [(row, col), ...])  # before its sheet's "end": cells struck through, 0-based
                                          # sheet positions (.xlsx, .xls, .ods: io/strike_styles.py)
    ("end", name, row_offset)
    ("sheet_error", name, code, params)
    ("error", code, params)               # fatal
    ("done",)

Run as ``python -m zqtracker.io.worker`` (spawned), or forked from io/zygote.py, which has this
module imported already (io/read_launch.py chooses). Imports little of zqtracker, so that it
starts fast.
"""

from __future__ import annotations

import errno
import json
import marshal
import os
import struct
import sys
from collections.abc import Callable

from zqtracker.io.child_process import die_with_parent
from zqtracker.io.traditional import Simplifier
from zqtracker.io.workbook_read import damage, read_workbook


def main() -> int:
    """Spawned (``python -m zqtracker.io.worker``): the request on stdin, frames on stdout."""
    die_with_parent()
    request = json.loads(sys.stdin.buffer.readline().decode("utf-8"))
    _watch_parent(request.get("parent"))
    # Frames go to a private copy of stdout; anything else printing to fd 1 lands on stderr.
    out = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)

    def send(data: bytes) -> None:
        out.write(struct.pack(">I", len(data)))
        out.write(data)

    serve(request, send)
    out.flush()
    return 0


def serve(request: dict, send: Callable[[bytes], None]) -> None:
    """Parse the file under the request's limits, handing each frame (marshalled) to ``send``."""
    _limit_resources(request.get("memory_bytes"), request.get("cpu_seconds"))
    simplifier = Simplifier()

    def emit(frame: tuple) -> None:
        if frame[0] == "rows":
            simplifier.rows(frame[1])
        elif frame[0] == "end" and (said := simplifier.said(frame[1])) is not None:
            send(marshal.dumps(said))
        send(marshal.dumps(frame))

    try:
        if request.get("op") == "column_text":
            from zqtracker.io.numfmt import column_text

            emit(("text", column_text(request["path"], request["sheet"], request["column"], request["rows"])))
        elif request.get("kind") == "csv":
            from zqtracker.io.csvread import stream_csv

            stream_csv(request["path"], int(request.get("max_cells", 20_000_000)), emit)
        elif request.get("kind") == "html":
            from zqtracker.io.html_tables import stream_html

            stream_html(request["path"], int(request.get("max_cells", 20_000_000)), emit)
        elif request.get("kind") == "xml2003":
            from zqtracker.io.spreadsheetml import stream_spreadsheetml

            stream_spreadsheetml(
                request["path"], request.get("sheets"), int(request.get("max_cells", 20_000_000)), emit
            )
        else:
            read_workbook(
                request["path"],
                request.get("kind", "xlsx"),
                request.get("sheets"),
                int(request.get("max_cells", 20_000_000)),
                emit,
            )
    except MemoryError:
        emit(("error", "out_of_memory", {}))
    except BaseException as exc:  # noqa: BLE001 - python-calamine panics derive from BaseException
        emit(("error", "out_of_memory", {}) if _no_memory(exc) else ("error", *damage(exc)))
    emit(("done",))


def _no_memory(exc: BaseException) -> bool:
    """An exception that is the memory limit, not the file: a module's shared library that cannot be
    mapped under it ("failed to map segment from shared object", an ImportError: the csv reader's
    _csv when a spawned process meets the limit before it is loaded), or an allocation refused."""
    text = str(exc)
    mapped = "failed to map segment" in text or "Cannot allocate memory" in text
    return isinstance(exc, (ImportError, OSError)) and (mapped or getattr(exc, "errno", None) == errno.ENOMEM)


def _watch_parent(parent: int | None) -> None:
    """Everywhere: the parent holds our stdin open until it is done with us, so end of file (or
    a parent that died before the prctl above took effect) means nobody is listening."""
    import threading

    if parent and hasattr(os, "getppid") and os.getppid() != parent:
        os._exit(1)

    fd = sys.stdin.fileno()

    def watch() -> None:
        # os.read on the descriptor, not sys.stdin.buffer: a daemon thread blocked inside the buffered
        # reader holds its lock, and the interpreter's shutdown then waits a full second for it —
        # every read of a file took a second longer than its work.
        try:
            while os.read(fd, 1 << 12):
                pass
        except (OSError, ValueError):
            pass
        os._exit(1)

    threading.Thread(target=watch, name="zqtracker-parent-watch", daemon=True).start()


def _limit_resources(memory_bytes: int | None, cpu_seconds: int | None) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout is the bound
        return
    for limit, value in ((getattr(resource, "RLIMIT_AS", None), memory_bytes), (resource.RLIMIT_CPU, cpu_seconds)):
        if limit is None or not value:
            continue
        _soft, hard = resource.getrlimit(limit)
        value = int(value) if hard == resource.RLIM_INFINITY else min(int(value), hard)
        try:
            resource.setrlimit(limit, (value, hard))
        except (ValueError, OSError):
            pass


if __name__ == "__main__":
    sys.exit(main())
