"""Which stream of an .xls is its workbook, chosen so that zqtracker's own checks (io/sniff.py and
io/biff.py: FILEPASS, hidden rows, struck rows, error cells, % formats) read the very stream
python-calamine reads the cells from (probe36b F1).

Excel looks the workbook up as [MS-CFB] says, among the root storage's own entries and ignoring
case: 'Workbook' (BIFF8), else 'Book' (BIFF5). python-calamine walks the directory as a flat list,
whatever an entry's type or place in the tree, and takes the first entry named exactly 'Workbook',
else 'Book', else 'WORKBOOK', else 'BOOK' (0.9.1, tried on crafted files). A file holding 'WORKBOOK'
and then 'Workbook' showed our checks one stream and calamine the other, so a row hidden in the
stream calamine read was imported without a word. Excel and WPS write one workbook stream at the
root (Excel 97's dual format puts a BIFF5 'Book' beside 'Workbook'; a workbook embedded as an
object sits in a storage of its own, after the root's), and any file where the readers could pick
different streams is refused.
"""

from __future__ import annotations

from zqtracker.io.ole2 import CompoundFile, Entry, Ole2Error

_CANDIDATES = ("WORKBOOK", "BOOK")


class TwoWorkbooks(Ole2Error):
    """Two entries could be the workbook, and readers might not take the same one."""

    code = "ole2_two_workbooks"

    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"two workbook streams, {first!r} and {second!r}")
        self.first, self.second = first, second

    @property
    def params(self) -> dict[str, str]:
        return {"first": self.first, "second": self.second}


def _candidate(entry: Entry) -> bool:
    return any(
        name.upper() in _CANDIDATES or name.casefold() in ("workbook", "book") for name in (entry.name, entry.nul_name)
    )


def workbook_entry(cf: CompoundFile) -> Entry | None:
    """The workbook stream Excel reads, made sure to be the one python-calamine reads; None when the
    root holds no workbook stream. Raises TwoWorkbooks where they could differ, Ole2Error when the
    directory's tree is broken or the root holds two entries of one name (which [MS-CFB] forbids)."""
    directory = cf.directory
    root = cf.root_entries()
    named: dict[str, int] = {}
    for n in root:
        key = directory[n].name.upper()
        if key in named:
            earlier, later = directory[named[key]], directory[n]
            if _candidate(later):
                raise TwoWorkbooks(earlier.name, later.name)
            raise Ole2Error(f"two entries named {earlier.name!r} in the root storage")
        named[key] = n
    ours = next((named[want] for want in _CANDIDATES if want in named), None)
    if ours is None or directory[ours].kind != 2:
        return None
    entry = directory[ours]
    candidates = [n for n, e in enumerate(directory) if _candidate(e)]
    for n in candidates:
        if (by_length := directory[n].name) != directory[n].nul_name:
            raise Ole2Error(f"directory entry {n} is named {directory[n].nul_name!r}, its length says {by_length!r}")
    if candidates == [ours]:
        return entry  # calamine reads it too, or cannot find it at all (a case it does not try)
    exact = {want: [n for n in candidates if directory[n].name == want] for want in ("Workbook", "Book")}
    if entry.name == "Workbook" and exact["Workbook"][0] == ours:
        return entry  # calamine's first choice, and the first of that name in the directory
    if entry.name == "Book" and not exact["Workbook"] and exact["Book"][0] == ours:
        return entry
    theirs = next((ns[0] for ns in exact.values() if ns and ns[0] != ours), None)
    other = theirs if theirs is not None else next(n for n in candidates if n != ours)
    first, second = sorted((ours, other))
    raise TwoWorkbooks(directory[first].name, directory[second].name)
