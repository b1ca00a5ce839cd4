"""Checks that the swimlanes of diagrams Graphviz drew come in reporting-line
order: in each SVG, the clusters `cluster_lane_0`, `cluster_lane_1`, ...
(a `<g class="cluster">` with that `<title>` and a polygon) are numbered
from 0 and each lies wholly before the next: above it left to right
(`lr`), left of it top to bottom (`tb`). Each PNG beside an SVG must have
the SVG's size (Graphviz draws PNGs at 96 dpi, SVGs in points), so both
come from the same layout.

A diagram with no lane at all fails (every example has owners), and so
does a folder with fewer SVGs than the caller expects.

usage: lane_order.py lr|tb DIR [MIN_DIAGRAMS]
       (exit 1 when any diagram is out of order or has no lane)
"""
import pathlib
import re
import struct
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def lanes(path):
    """The lane boxes (index, x1, y1, x2, y2), in index order."""
    found = []
    for group in ET.parse(path).getroot().iter(SVG + "g"):
        if group.get("class") != "cluster":
            continue
        title = group.find(SVG + "title")
        match = re.fullmatch(r"cluster_lane_(\d+)", title.text or "") if title is not None else None
        if not match:
            continue
        polygon = group.find(SVG + "polygon")
        if polygon is None:
            raise SystemExit(f"{path}: lane {match.group(1)} has no polygon")
        points = [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        found.append((int(match.group(1)), min(xs), min(ys), max(xs), max(ys)))
    return sorted(found)


def in_order(found, direction):
    if [lane[0] for lane in found] != list(range(len(found))):
        return False
    for a, b in zip(found, found[1:]):
        if direction == "lr" and not a[4] <= b[2]:
            return False
        if direction == "tb" and not a[3] <= b[1]:
            return False
    return True


def svg_size(path):
    root = ET.parse(path).getroot()
    return tuple(float(root.get(key).removesuffix("pt")) for key in ("width", "height"))


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    return struct.unpack(">II", data[16:24])


def main():
    direction, directory = sys.argv[1], pathlib.Path(sys.argv[2])
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    assert direction in ("lr", "tb"), direction
    svgs = sorted(directory.glob("*.svg"))
    if len(svgs) < least:
        raise SystemExit(f"{len(svgs)} SVGs in {directory}, expected at least {least}")
    bad = 0
    for svg in svgs:
        found = lanes(svg)
        ok = bool(found) and in_order(found, direction)
        png = svg.with_suffix(".png")
        if png.exists():
            width, height = svg_size(svg)
            expected = (round(width * 96 / 72), round(height * 96 / 72))
            if max(abs(a - b) for a, b in zip(png_size(png), expected)) > 2:
                print(f"{png.name}: {png_size(png)} pixels, the SVG is {expected}: another layout")
                ok = False
        bad += not ok
        spans = [(lane[0], round(lane[2]), round(lane[4])) if direction == "lr"
                 else (lane[0], round(lane[1]), round(lane[3])) for lane in found]
        print(("ok  " if ok else "BAD ") + svg.name, spans)
    print(f"{len(svgs) - bad} of {len(svgs)} diagrams have their lanes in order ({direction})")
    sys.exit(1 if bad else 0)


main()
