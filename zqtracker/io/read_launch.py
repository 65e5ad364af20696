"""Starting a reading process (io/worker.py), the parent side: forked from a ready one, or spawned.

Spawning ``python -m zqtracker.io.worker`` costs a new interpreter and its imports — about a
quarter of a second before the first cell, on every preview and every import. Where it can (Linux
and macOS), the reading process is instead forked from a server (io/zygote.py)
started once, on first use, with io/worker.py already imported: a few milliseconds (a bundle starts
itself as the server: ``--zqtracker-read-server``, as it does ``--zqtracker-read-worker``). The server is
a fresh interpreter, not a fork of this (threaded, Qt) process; it ends when this process does,
and so do the reading processes it forked (PR_SET_PDEATHSIG, and their standard input, whose
other end only this process holds, closing). The forked process is the spawned one in every other
way: the same request on its standard input, frames on its output, its crash on its error.
Elsewhere, with ``ZQTRACKER_READ_SPAWN=1``, or if the server cannot be started, each read spawns
its own interpreter as before.

Either way a :class:`ReadingProcess` gives the same things: the frames as they arrive (None at the
end), a kill, the exit status (negative: the signal), and the tail of what the process wrote to
its standard error (a crash's last words).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO

_lock = threading.Lock()
_server: _Zygote | None = None


def forking() -> bool:
    """Reading processes are forked from a ready server here (not spawned)."""
    if os.environ.get("ZQTRACKER_READ_SPAWN") == "1":
        return False
    return hasattr(socket, "send_fds") and hasattr(os, "fork")


class _Zygote:
    """This program's end of io/zygote.py: asks it to fork, and learns how its forks ended."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.proc = subprocess.Popen(
                _server_command(theirs.fileno()),
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, env=_child_env(),
            )  # fmt: skip
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.control = ours
        self.alive = True
        self._send = threading.Lock()
        self._changed = threading.Condition()
        self._forked: list[int] = []
        self._ended: dict[int, int] = {}
        threading.Thread(target=self._listen, name="zqtracker-read-server", daemon=True).start()

    def _listen(self) -> None:
        buffer = b""
        try:
            while True:
                data = self.control.recv(4096)
                if not data:
                    break
                buffer += data
                while len(buffer) >= 9:
                    tag, pid, code = struct.unpack(">cii", buffer[:9])
                    buffer = buffer[9:]
                    with self._changed:
                        if tag == b"P":
                            self._forked.append(pid)
                        else:
                            self._ended[pid] = code
                        self._changed.notify_all()
        except OSError:
            pass
        with self._changed:
            self.alive = False
            self._changed.notify_all()

    def fork(self, fds: tuple[int, int, int]) -> int:
        """The pid of a reading process forked with ``fds`` as its standard streams. OSError if
        the server is gone."""
        with self._send:
            socket.send_fds(self.control, [struct.pack(">cii", b"F", 0, 0)], list(fds))
            with self._changed:
                while not self._forked and self.alive:
                    self._changed.wait()
                if not self._forked:
                    raise OSError("the reading server ended")
                return self._forked.pop(0)

    def wait(self, pid: int) -> int:
        """The exit status of a forked process (negative: the signal); -9 if the server ended first."""
        with self._changed:
            while pid not in self._ended and self.alive:
                self._changed.wait()
            return self._ended.pop(pid, -9)

    def ended(self, pid: int) -> bool:
        with self._changed:
            return pid in self._ended or not self.alive


def warm() -> None:
    """Start the reading server now, where reads are forked, so that its imports overlap the work
    before the first read (a dialog waiting for a file to be chosen, a database being opened)."""
    if forking():
        try:
            _zygote()
        except OSError:
            pass  # the first read will spawn its process instead


def _zygote() -> _Zygote:
    global _server
    with _lock:
        if _server is None or not _server.alive:
            _server = _Zygote()
        return _server


class ReadingProcess:
    """One reading process, started on ``request`` (a dict io/worker.py understands)."""

    def __init__(self, request: dict) -> None:
        self.frames: queue.Queue[bytes | None] = queue.Queue()
        self._errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close(); no name to clash with
        self._popen: subprocess.Popen[bytes] | None = None
        self._server: _Zygote | None = None
        self._pid = 0
        self._stdin: IO[bytes] | None = None
        try:
            if not (forking() and self._fork(request)):
                self._spawn(request)
        except BaseException:
            self._errors.close()
            raise

    # -- forked from the server ------------------------------------------------------------------
    def _fork(self, request: dict) -> bool:
        try:
            server = _zygote()
        except OSError:
            return False
        stdin_r, stdin_w = os.pipe()
        stdout_r, stdout_w = os.pipe()
        try:
            self._pid = server.fork((stdin_r, stdout_w, self._errors.fileno()))
        except OSError:
            for fd in (stdin_r, stdin_w, stdout_r, stdout_w):
                os.close(fd)
            return False
        finally:
            if self._pid:
                os.close(stdin_r)
                os.close(stdout_w)
        self._server = server
        self._stdin = os.fdopen(stdin_w, "wb")
        self._stdin.write(json.dumps({**request, "parent": server.proc.pid}).encode("utf-8") + b"\n")
        self._stdin.flush()
        self._pump(os.fdopen(stdout_r, "rb"))
        return True

    # -- spawned -----------------------------------------------------------------------------------
    def _spawn(self, request: dict) -> None:
        self._popen = proc = subprocess.Popen(
            _worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors, env=_child_env()
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps({**request, "parent": os.getpid()}).encode("utf-8") + b"\n")
        proc.stdin.flush()
        self._pump(proc.stdout)

    def _pump(self, stream: IO[bytes]) -> None:
        """Frames read off the pipe by a thread of their own, so that the reading process never waits
        on a full pipe while this one converts the rows it already has (the two overlap)."""

        def pump() -> None:
            try:
                while True:
                    head = stream.read(4)
                    if len(head) < 4:
                        break
                    (size,) = struct.unpack(">I", head)
                    data = stream.read(size)
                    if len(data) < size:
                        break
                    self.frames.put(data)
            except (OSError, ValueError):
                pass
            finally:
                if self._popen is None:
                    stream.close()
                self.frames.put(None)

        threading.Thread(target=pump, name="zqtracker-read-pipe", daemon=True).start()

    # -- either ------------------------------------------------------------------------------------
    def running(self) -> bool:
        if self._popen is not None:
            return self._popen.poll() is None
        assert self._server is not None
        return not self._server.ended(self._pid)

    def kill(self) -> None:
        if self._popen is not None:
            self._popen.kill()
        elif self._server is not None and not self._server.ended(self._pid):
            try:
                os.kill(self._pid, signal.SIGKILL)
            except OSError:
                pass

    def finish(self) -> int:
        """Close our ends (which tells a process still running that nobody listens), wait for its
        end, and give its exit status: negative for the signal that ended it."""
        if self._popen is not None:
            for pipe in (self._popen.stdin, self._popen.stdout):
                try:
                    if pipe is not None:
                        pipe.close()
                except OSError:
                    pass
            return self._popen.wait()
        assert self._server is not None and self._stdin is not None
        try:
            self._stdin.close()
        except OSError:
            pass
        return self._server.wait(self._pid)

    def error_tail(self) -> str:
        """The last 4,000 bytes the process wrote to its standard error."""
        errors = self._errors
        errors.seek(0, os.SEEK_END)
        errors.seek(max(0, errors.tell() - 4000))
        return errors.read().decode("utf-8", "replace")

    def close(self) -> None:
        self._errors.close()


def _server_command(fd: int) -> list[str]:
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the launcher dispatches this flag
        return [sys.executable, "--zqtracker-read-server", str(fd)]
    return [sys.executable, "-m", "zqtracker.io.zygote", str(fd)]


def _worker_command() -> list[str]:
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the launcher dispatches this flag
        return [sys.executable, "--zqtracker-read-worker"]
    return [sys.executable, "-m", "zqtracker.io.worker"]


def _child_env() -> dict[str, str]:
    """The child must import this very zqtracker (a worktree, an installed copy, a bundle)."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONSAFEPATH", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env
