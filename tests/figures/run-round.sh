#!/usr/bin/env bash
# Builds a seeded round with a given build of the CLI and writes its snapshot and reports to a folder,
# so two builds can be compared with compare.py (the refactor check of issue 17).
# Usage: run-round.sh <folder with readiness.dll> <output folder>
set -euo pipefail
cli="$1"; out="$2"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
rm -rf "$out"; mkdir -p "$out"
export ConnectionStrings__Readiness="Data Source=$out/round.db"
# Every other folder in the output folder too, and the repository's survey definitions (builds before issue 17's storage settings ignore these).
export Storage__DataFolder="$out/data" Storage__SurveysFolder="$repo/surveys" Reports__Folder="$out/reports"
run() { dotnet "$cli/readiness.dll" "$@"; }
run survey import "$repo/surveys/ai-readiness-2024-25.json" >/dev/null
run round open --name "Figures" --survey ai-readiness-2024-25 --opens 2024-01-01 --closes 2030-12-31 >/dev/null
run demo seed --round 1 --seed 7 >/dev/null
for kind in sector published councils export; do run report "$kind" --round 1 --out "$out/$kind" >/dev/null; done
python3 - "$out" <<'PY'
import json, sqlite3, sys
out = sys.argv[1]
db = sqlite3.connect(f"{out}/round.db")
snap = db.execute('SELECT "Id","ContentJson","PublishedJson","SuppressionLogJson","ReturnCount" FROM "AggregateSnapshots" WHERE "IsCurrent"=1').fetchone()
councils = db.execute('SELECT "Code","Name","TypeCode","RegionCode","Tier","OverallScore","MaturityLevel","Scores" FROM "SnapshotCouncils" WHERE "SnapshotId"=? ORDER BY "Code"', (snap[0],)).fetchall()
rows = [dict(zip(["code","name","type","region","tier","overall","maturity"], c[:7]), scores=json.loads(c[7])) for c in councils]
json.dump({"content": json.loads(snap[1]), "published": json.loads(snap[2]), "log": json.loads(snap[3]),
           "returns": snap[4], "councils": rows}, open(f"{out}/snapshot.json", "w"), indent=1, sort_keys=True)
PY
