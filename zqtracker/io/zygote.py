"""The server reading processes are forked from: io/worker.py imported once, a fork per read.

Run as ``python -m zqtracker.io.zygote FD`` by io/read_launch.py (a bundle: ``zqtracker
--zqtracker-read-server FD``, which its launcher dispatches here), FD one end of a Unix socket
pair. It is single-threaded (a fork copies only the calling thread: nothing here holds a lock
another thread would). On the socket it receives, for each read, the reading process's standard
input, output and error (three descriptors passed with the message) and answers with the pid of
the process it forked; when a forked process ends, it sends its pid and wait status. It ends when
the socket does (the program closed it, or died) — on Linux also by PR_SET_PDEATHSIG.

Messages, each 9 bytes: program → here b"F" + 8 zero bytes (with three descriptors); here →
program b"P" + pid (forked), b"X" + pid + status (ended); pid and status as big-endian int32.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import struct
import sys

from zqtracker.io import worker
from zqtracker.io.child_process import die_with_parent

MESSAGE = 9


def main(fd: int | None = None) -> int:
    """Serve on the socket ``fd`` (by default the first argument: ``python -m zqtracker.io.zygote FD``;
    a bundle's launcher passes its --zqtracker-read-server FD)."""
    control = socket.socket(fileno=int(sys.argv[1]) if fd is None else fd)
    die_with_parent()
    _preload()
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w)
    while True:
        try:
            ready, _, _ = select.select([control.fileno(), wake_r], [], [])
        except InterruptedError:
            continue
        if wake_r in ready:
            os.read(wake_r, 4096)
        _reap(control)
        if control.fileno() not in ready:
            continue
        try:
            data, fds, _flags, _addr = socket.recv_fds(control, MESSAGE, 3)
        except OSError:
            return 0
        if not data:
            return 0  # the program closed its end, or died
        if len(fds) != 3:
            for fd in fds:
                os.close(fd)
            continue
        pid = os.fork()
        if pid == 0:
            _child(control, (wake_r, wake_w), fds)
        for fd in fds:
            os.close(fd)
        control.sendall(struct.pack(">cii", b"P", pid, 0))


def _preload() -> None:
    """What every read imports on first use, imported here once: each forked process would import it
    again (~12 ms of a small file's read). The parsers load no threads on import (a fork copies none)."""
    import encodings.cp437  # noqa: F401 - zipfile's names
    import xml.etree.ElementTree  # noqa: F401

    import defusedxml.ElementTree  # noqa: F401
    import python_calamine  # noqa: F401

    from zqtracker.io import csvread  # noqa: F401


def _child(control: socket.socket, wake: tuple[int, int], fds: list[int]) -> None:
    """The forked reading process: the descriptors as its standard streams, then io/worker.py."""
    code = 1
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        control.close()
        for fd in wake:
            os.close(fd)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        code = worker.main()
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001 - the parent reads the crash from standard error
        import traceback

        traceback.print_exc()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _reap(control: socket.socket) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        try:
            control.sendall(struct.pack(">cii", b"X", pid, os.waitstatus_to_exitcode(status)))
        except OSError:
            return


if __name__ == "__main__":
    sys.exit(main())
