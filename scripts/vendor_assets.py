"""Vendor the dashboard's world outline into the package: world-atlas (npm, pinned) → land rings JSON.

Run at build time when the pinned version changes (the output is committed, so installing dyad
needs neither npm nor a network):

    python scripts/vendor_assets.py

It fetches the pinned tarball with `npm pack`, checks its SHA-256, converts the TopoJSON land
outline (Natural Earth 1:110m, public domain) into plain [lon, lat] rings the dashboard draws as
SVG, and copies the package's licence beside it.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE, VERSION = "world-atlas", "2.0.2"
SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"  # of the npm tarball
OUT = Path(__file__).resolve().parent.parent / "src" / "dyad" / "serve" / "static" / "vendor"


def decode_rings(topology: dict, name: str) -> list[list[list[float]]]:
    """The rings of one TopoJSON object, in degrees (delta-decoded, quantisation undone)."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + translate[0], 2), round(y * scale[1] + translate[1], 2)])
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        points: list[list[float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    rings = []
    for geometry in topology["objects"][name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings.extend(ring(r) for r in polygon)
    return rings


def main(argv: list[str]) -> int:
    update = "--update" in argv
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=folder, check=True,
                       stdout=subprocess.DEVNULL)
        tarball = Path(folder) / f"{PACKAGE}-{VERSION}.tgz"
        digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
        if digest != SHA256 and not update:
            sys.stderr.write(f"error: {tarball.name}: SHA-256 {digest}, expected {SHA256}; check the package, "
                             "then run with --update to accept it\n")
            return 1
        with tarfile.open(tarball) as tar:
            topology = json.load(tar.extractfile("package/land-110m.json"))
            licence = tar.extractfile("package/LICENSE").read().decode()
    rings = decode_rings(topology, "land")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "land-110m.json").write_text(json.dumps(
        {"source": f"{PACKAGE} {VERSION} land-110m.json (Natural Earth 1:110m land, public domain)",
         "sha256_of_package": digest, "rings": rings}, separators=(",", ":")) + "\n")
    (OUT / "LICENSE-world-atlas.txt").write_text(
        f"{PACKAGE} {VERSION} (npm), from which land-110m.json is derived.\n"
        "Map data: Natural Earth (naturalearthdata.com), public domain.\n\n" + licence)
    if update:
        sys.stderr.write(f"SHA-256 of {tarball.name}: {digest} (put it in SHA256)\n")
    sys.stderr.write(f"{len(rings)} rings → {OUT / 'land-110m.json'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
