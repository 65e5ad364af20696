"""Make Qt's SVG of a chart render the same in every viewer.

Qt's SVG generator writes bars and lines in the plot's data coordinates inside a group whose
``transform`` maps data to pixels — a scale of, say, 300 across and −15 up — and marks the
strokes ``vector-effect="non-scaling-stroke"`` so they stay one pixel wide. Browsers honour
that; librsvg (GNOME, LibreOffice's import), older Inkscape and Word do not, and draw a 2-pixel
line 600 pixels wide. (pyqtgraph's own SVG exporter fixes this the same way, but fails on the
path syntax of Qt 6.5 and later: pyqtgraph issue #3485.)

So every such group that holds only shapes gets its transform applied to the coordinates and
dropped: the file then means the same thing to every reader. Text and images keep their
transforms, which are plain translations and uniform scales.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_SHAPES = {"path", "polyline", "polygon", "rect", "ellipse", "circle", "line"}
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")

Matrix = tuple[float, float, float, float, float, float]

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def flatten_transforms(svg: bytes) -> bytes:
    """The same drawing with data-space transforms applied to the shapes' coordinates."""
    root = ET.fromstring(svg)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        matrix = _matrix(group.get("transform"))
        if matrix is None or matrix == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
            continue
        children = list(group)
        if not children or not all(_local(c.tag) in _SHAPES and len(c) == 0 for c in children):
            continue
        if not all(_cosmetic(c, group) for c in children):
            continue
        if matrix[1] != 0.0 or matrix[2] != 0.0:  # rotation or shear: never drawn by our charts
            continue
        try:
            for child in children:
                _apply(child, matrix)
        except ValueError:
            continue
        del group.attrib["transform"]
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _matrix(value: str | None) -> Matrix | None:
    if not value:
        return None
    m = _MATRIX.match(value)
    if not m:
        return None
    parts = [float(p) for p in re.split(r"[\s,]+", m.group(1).strip()) if p]
    return tuple(parts) if len(parts) == 6 else None  # type: ignore[return-value]


def _cosmetic(element: ET.Element, group: ET.Element) -> bool:
    """Its stroke (if any) is meant in pixels, so baking the scale in leaves it right."""
    stroke = element.get("stroke", group.get("stroke", "none"))
    return stroke == "none" or element.get("vector-effect") == "non-scaling-stroke"


def _point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[4], m[3] * y + m[5])


def _fmt(v: float) -> str:
    text = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _apply(el: ET.Element, m: Matrix) -> None:
    tag = _local(el.tag)
    if tag in ("polyline", "polygon"):
        numbers = [float(v) for v in re.split(r"[\s,]+", el.get("points", "").strip()) if v]
        if len(numbers) % 2:
            raise ValueError("odd number of coordinates")
        pts = [_point(m, numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)]
        el.set("points", " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pts))
    elif tag == "path":
        el.set("d", _path(el.get("d", ""), m))
    elif tag == "rect":
        x, y = _point(m, float(el.get("x", 0)), float(el.get("y", 0)))
        w, h = float(el.get("width", 0)) * m[0], float(el.get("height", 0)) * m[3]
        if w < 0:
            x, w = x + w, -w
        if h < 0:
            y, h = y + h, -h
        for key, value in (("x", x), ("y", y), ("width", w), ("height", h)):
            el.set(key, _fmt(value))
    elif tag in ("ellipse", "circle"):
        cx, cy = _point(m, float(el.get("cx", 0)), float(el.get("cy", 0)))
        rx = float(el.get("rx", el.get("r", 0))) * abs(m[0])
        ry = float(el.get("ry", el.get("r", 0))) * abs(m[3])
        el.tag = f"{{{SVG_NS}}}ellipse"
        el.attrib.pop("r", None)
        for key, value in (("cx", cx), ("cy", cy), ("rx", rx), ("ry", ry)):
            el.set(key, _fmt(value))
    elif tag == "line":
        x1, y1 = _point(m, float(el.get("x1", 0)), float(el.get("y1", 0)))
        x2, y2 = _point(m, float(el.get("x2", 0)), float(el.get("y2", 0)))
        for key, value in (("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)):
            el.set(key, _fmt(value))


def _path(d: str, m: Matrix) -> str:
    """Absolute M/L/C/Q/Z paths, as Qt writes them; anything else is left to the caller."""
    out: list[str] = []
    pending: list[float] = []
    for token in _TOKEN.findall(d):
        if token.isalpha():
            if pending:
                raise ValueError("dangling coordinate")
            if token not in "MLCQZ":
                raise ValueError(f"path command {token} not handled")
            out.append(token)
            continue
        pending.append(float(token))
        if len(pending) == 2:
            x, y = _point(m, *pending)
            out.append(f"{_fmt(x)},{_fmt(y)}")
            pending.clear()
    if pending:
        raise ValueError("odd number of coordinates")
    return " ".join(out)
