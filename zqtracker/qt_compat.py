"""A guard against PySide6 6.12's reference-count bug on Python 3.11.

PySide6 6.12.0 releases one reference to ``None`` too many each time C++ calls a Python override
that returns a QVariant: ``QGraphicsItem.itemChange`` (every pyqtgraph item overrides it — a chart
makes hundreds of such calls) and ``QAbstractItemModel.data`` returning None. After some ten
thousand calls ``None``'s count reaches zero and the interpreter aborts ("Fatal Python error:
none_dealloc"), mid-session or at exit. 6.11.3 does not do this; on Python 3.12 and later None is
immortal and the extra release is harmless. pyproject.toml excludes 6.12.0, but an installed copy
may still be it, so the program protects itself.

The protection gives None, once, the kind of reference count Python 3.12 gives every immortal
object (2^40: no session makes that many calls). It changes nothing else and is only applied
where both the Python and the PySide6 version are affected.
"""

from __future__ import annotations

import sys

_applied = False
IMMORTAL_MARGIN = 1 << 40


def affected(python: tuple[int, int], pyside: tuple[int, ...]) -> bool:
    """Whether this pair of versions can run None's reference count down to zero."""
    return python < (3, 12) and tuple(pyside[:2]) >= (6, 12)


def protect_none() -> bool:
    """Apply the guard if this process needs it (idempotent); True when it was applied."""
    global _applied
    if _applied:
        return True
    try:
        import PySide6
    except ImportError:
        return False
    if not affected(sys.version_info[:2], tuple(PySide6.__version_info__[:2])):
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += IMMORTAL_MARGIN
    _applied = True
    return True
