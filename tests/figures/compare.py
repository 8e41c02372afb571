#!/usr/bin/env python3
"""Compares two folders written by run-round.sh: the snapshot (content, published view, suppression log,
per-council rows) and every report file, part by part for workbooks. Prints each difference and exits 1
if there is any. Timestamps that differ between any two runs (the snapshot's computation time, the
workbooks' creation time) are left out; everything else must be equal byte for byte."""
import json, re, sys, zipfile
from pathlib import Path

# Parts and values that carry the time of the run, not a figure.
TIMES = [re.compile(rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?"), re.compile(rb"\d{1,2} \w+ \d{4},? (at )?\d{1,2}[:.]\d{2}( UTC)?"),
         # The OpenXML SDK names relationships and the package's properties part at random.
         re.compile(rb"R[0-9a-f]{16}"), re.compile(rb"[0-9a-f]{32}")]

def unstamp(data: bytes) -> bytes:
    for pattern in TIMES:
        data = pattern.sub(b"<time>", data)
    return data

def parts(path: Path) -> dict:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return {name: unstamp(z.read(name)) for name in z.namelist() if name != "docProps/core.xml" and not name.startswith("package/services/metadata/")}
    return {"": unstamp(path.read_bytes())}

def main(a: Path, b: Path) -> int:
    problems = []
    sa, sb = json.loads((a / "snapshot.json").read_text()), json.loads((b / "snapshot.json").read_text())
    for key in sorted(set(sa) | set(sb)):
        if sa.get(key) != sb.get(key):
            problems.append(f"snapshot: {key} differs")
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file() and p.suffix in (".xlsx", ".csv")}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file() and p.suffix in (".xlsx", ".csv")}
    for missing in sorted(files_a ^ files_b):
        problems.append(f"only in one run: {missing}")
    compared = 0
    for name in sorted(files_a & files_b):
        pa, pb = parts(a / name), parts(b / name)
        compared += 1
        for part in sorted(set(pa) | set(pb)):
            if pa.get(part) != pb.get(part):
                problems.append(f"{name}: {part or 'content'} differs")
    for p in problems:
        print(p)
    print(f"compared the snapshot and {compared} report files: {len(problems)} difference(s)")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
