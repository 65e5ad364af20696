"""OLE2 compound files (legacy .xls, encrypted OOXML) opened with every count and chain checked.

A compound file is a little file system: a header, a FAT of sector chains, a directory of
streams. A hostile one can point a chain at itself, claim more FAT sectors than the file holds or
declare a stream of exabytes, and a parser that trusts it loops or allocates without bound. This
reader trusts nothing (the checks of [MS-CFB] 2.2–2.6 that matter for safety): the header's
fields must have their only legal values, every sector number must lie inside the file, every
chain is walked at most once per sector (a loop is damage), and a stream may not be longer than
its chain. It is used by io/sniff.py before any parser sees the file, and by io/biff.py in the
reading process.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END, _FAT, _DIFAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
_MAX_REGULAR = 0xFFFFFFFA
MAX_DIRECTORY_ENTRIES = 10_000
NOSTREAM = 0xFFFFFFFF  # no sibling, no child


class Ole2Error(Exception):
    """The compound file is damaged (or crafted): ``str()`` says which check failed; ``code`` and
    ``params`` word the refusal (io/errors.WorkbookRefused)."""

    code = "damaged_detail"

    @property
    def params(self) -> dict[str, str]:
        return {"detail": str(self)}


@dataclass(frozen=True, slots=True)
class Entry:
    name: str  # as [MS-CFB] says: the entry's name length of UTF-16 bytes
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int
    left: int = NOSTREAM  # the directory's red-black tree: siblings, and a storage's first child
    right: int = NOSTREAM
    child: int = NOSTREAM
    nul_name: str = ""  # as python-calamine reads it: all 64 bytes up to the first NUL, the length ignored


class CompoundFile:
    """The streams of one compound file. ``data`` is the whole file: bytes, or an mmap so that
    only the sectors read are paged in (the caller bounds the file's size)."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        if len(data) < 512 or data[:8] != MAGIC:
            raise Ole2Error("no compound file header")
        self.data = data
        (_minor, major, order, shift, mini_shift) = struct.unpack_from("<HHHHH", data, 24)
        if order != 0xFFFE or (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise Ole2Error(f"impossible header (version {major}, sector shift {shift}, mini shift {mini_shift})")
        self.sector_size = 1 << shift
        (n_fat, first_dir, _sig, cutoff, first_minifat, n_minifat, first_difat, n_difat) = struct.unpack_from(
            "<IIIIIIII", data, 44
        )
        if cutoff != 4096:
            raise Ole2Error(f"impossible mini stream cutoff {cutoff}")
        self.n_sectors = (len(data) - self.sector_size + self.sector_size - 1) // self.sector_size
        if n_fat == 0 or n_fat > self.n_sectors or n_difat > self.n_sectors or n_minifat > self.n_sectors:
            raise Ole2Error(f"sector counts larger than the file ({n_fat} FAT, {n_difat} DIFAT sectors)")
        self.fat = self._read_fat(data, n_fat, first_difat, n_difat)
        self.directory = self._read_directory(first_dir)
        root = self.directory[0] if self.directory else None
        if root is None or root.kind != 5:
            raise Ole2Error("no root directory entry")
        self.minifat: list[int] = []
        self.ministream = b""
        if first_minifat not in (_END, _FREE) and n_minifat:
            raw = self._chain_bytes(first_minifat, None)
            self.minifat = list(struct.unpack(f"<{len(raw) // 4}I", raw[: len(raw) // 4 * 4]))
            self.ministream = self._chain_bytes(root.start, root.size) if root.size else b""

    # -- FAT and chains ---------------------------------------------------------------------------
    def _sector(self, n: int) -> bytes:
        if n > _MAX_REGULAR or n >= self.n_sectors:
            raise Ole2Error(f"sector {n} lies outside the file")
        start = (n + 1) * self.sector_size
        return self.data[start : start + self.sector_size]

    def _read_fat(self, data: bytes | mmap.mmap, n_fat: int, first_difat: int, n_difat: int) -> list[int]:
        ids = [i for i in struct.unpack_from("<109I", data, 76) if i != _FREE][:n_fat]
        per = self.sector_size // 4 - 1
        sector, seen = first_difat, set[int]()
        while len(ids) < n_fat and sector not in (_END, _FREE):
            if sector in seen or len(seen) > n_difat:
                raise Ole2Error("the DIFAT chain loops")
            seen.add(sector)
            block = struct.unpack(f"<{per + 1}I", self._sector(sector))
            ids.extend(i for i in block[:per] if i != _FREE)
            sector = block[per]
        if len(ids) < n_fat:
            raise Ole2Error(f"{n_fat} FAT sectors declared, {len(ids)} found")
        entries = self.sector_size // 4
        fat: list[int] = []
        for i in ids[:n_fat]:
            fat.extend(struct.unpack(f"<{entries}I", self._sector(i)))
        return fat

    def _chain(self, start: int, table: list[int], limit: int) -> list[int]:
        """Sector numbers of a chain; a loop, a free sector or a number past ``limit`` is damage."""
        out: list[int] = []
        seen: set[int] = set()
        n = start
        while n != _END:
            if n >= limit or n >= len(table) or n in seen:
                raise Ole2Error(f"a sector chain is broken or loops (sector {n})")
            seen.add(n)
            out.append(n)
            n = table[n]
        return out

    def _chain_bytes(self, start: int, size: int | None) -> bytes:
        sectors = self._chain(start, self.fat, self.n_sectors)
        if size is not None and size > len(sectors) * self.sector_size:
            raise Ole2Error(f"a stream of {size} bytes on a chain of {len(sectors)} sectors")
        data = b"".join(self._sector(n) for n in sectors)
        return data if size is None else data[:size]

    def _read_directory(self, first: int) -> list[Entry]:
        raw = self._chain_bytes(first, None)
        entries: list[Entry] = []
        for off in range(0, len(raw) - 127, 128):
            if len(entries) >= MAX_DIRECTORY_ENTRIES:
                raise Ole2Error("too many directory entries")
            name_len, kind = struct.unpack_from("<HB", raw, off + 64)
            left, right, child = struct.unpack_from("<III", raw, off + 68)
            start, size = struct.unpack_from("<IQ", raw, off + 116)
            if self.sector_size == 512:
                size &= 0xFFFFFFFF  # version 3 files may leave garbage in the high half
            name = raw[off : off + min(max(name_len - 2, 0), 62)].decode("utf-16-le", "replace")
            nul_name = raw[off : off + 64].decode("utf-16-le", "replace").split("\0", 1)[0]
            entries.append(Entry(name, kind, start, size, left, right, child, nul_name))
        return entries

    def root_entries(self) -> list[int]:
        """The directory indexes of the root storage's own entries (not those inside a storage under
        it): the root's child and its siblings' tree. A pointer outside the directory, or a tree that
        loops, is damage."""
        out: list[int] = []
        todo = [self.directory[0].child]
        seen: set[int] = set()
        while todo:
            n = todo.pop()
            if n == NOSTREAM:
                continue
            if n == 0 or n >= len(self.directory) or n in seen:
                raise Ole2Error(f"the directory's tree is broken or loops (entry {n})")
            seen.add(n)
            out.append(n)
            todo += (self.directory[n].left, self.directory[n].right)
        return sorted(out)

    # -- streams ------------------------------------------------------------------------------------
    def find(self, *names: str) -> Entry | None:
        """The first stream with one of these names (case-insensitive, as [MS-CFB] compares)."""
        wanted = [n.upper() for n in names]
        for name in wanted:
            for entry in self.directory:
                if entry.kind == 2 and entry.name.upper() == name:
                    return entry
        return None

    def read(self, entry: Entry) -> bytes:
        if entry.size > len(self.data) * 2:
            raise Ole2Error(f"stream {entry.name} claims {entry.size} bytes")
        if entry.size < 4096:
            sectors = self._chain(entry.start, self.minifat, len(self.ministream) // 64) if entry.size else []
            data = b"".join(self.ministream[n * 64 : n * 64 + 64] for n in sectors)
            if len(data) < entry.size:
                raise Ole2Error(f"stream {entry.name} is cut short")
            return data[: entry.size]
        return self._chain_bytes(entry.start, entry.size)
