#!/usr/bin/env bash
# Whole-process budgets of SPEC.md: `score`, `export` (today's six files; all nine with
# report.pdf and report.docx; the pdf alone), peak memory of an export, the stripped binary size, and the radar chart
# against the same chart drawn by matplotlib, measured in one run.
#
# usage: bash benches/whole_process.sh        (needs hyperfine and /usr/bin/time:
#        apt-get install -y hyperfine time; matplotlib optional: pip install matplotlib)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }

cargo build --release --locked --quiet
bin="$PWD/target/release/aims-readiness"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export AIMS_READINESS_HOME="$work/data"
export NO_COLOR=1

file="$("$bin" new --org "Acme Analytics" --assessor "Dana")"
# Answer most questions, as a finished self-assessment would be.
python3 - "$file" <<'PY'
import json, sys
path = sys.argv[1]
a = json.load(open(path))
q = json.loads(open("questionnaires/iso42001.json").read())
for i, question in enumerate(q["questions"]):
    if i % 13 == 12:
        continue
    na = question["allow_na"] and i % 11 == 0
    a["answers"][question["id"]] = {
        "level": None if na else (i * 7) % 5 + 1, "na": na,
        "note": "Checked in the review; see the evidence.", "evidence": ["Policy v2"],
        "flagged": i % 9 == 0,
    }
json.dump(a, open(path, "w"), indent=2)
PY
out="$work/out"
mkdir -p "$out"
six="png,md,html,csv,json,oscal"
"$bin" export "$file" --out "$out" --force > /dev/null
"$bin" export "$file" --out "$out" --format json --force > /dev/null

runs=30
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" \
  -n score "$bin score $file" \
  -n export-six "$bin export $file --out $out --format $six --force" \
  -n export-all "$bin export $file --out $out --force" \
  -n export-png "$bin export $file --out $out --format png --force" \
  -n export-pdf "$bin export $file --out $out --format pdf --force" \
  -n export-docx "$bin export $file --out $out --format docx --force" \
  > "$work/hyperfine.txt" 2>&1 || { cat "$work/hyperfine.txt"; exit 1; }

have_mpl=0
if python3 -c "import matplotlib" 2>/dev/null; then
  have_mpl=1
  hyperfine --warmup 2 --runs 10 --export-json "$work/m.json" \
    -n matplotlib "python3 benches/radar_matplotlib.py $out/results.json $work/mpl.png" \
    > "$work/hyperfine-mpl.txt" 2>&1
fi

/usr/bin/time -v "$bin" export "$file" --out "$out" --force > /dev/null 2> "$work/time.txt"
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
size=$(stat -c %s "$bin")

python3 - "$work/h.json" "$work/m.json" "$have_mpl" "$peak_kb" "$size" <<'PY'
import json, sys
h = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ms = lambda r: r["median"] * 1000
budgets = {"score": 10, "export-six": 100, "export-all": 250, "export-pdf": 150,
           "export-png": None, "export-docx": None}
print(f"{'case':<14} {'median':>10} {'min':>10} {'budget':>10}")
for name, r in h.items():
    b = budgets.get(name)
    verdict = "" if b is None else ("within" if ms(r) <= b else "OVER")
    print(f"{name:<14} {ms(r):>8.2f}ms {r['min']*1000:>8.2f}ms {('' if b is None else str(b)+' ms'):>10} {verdict}")
if sys.argv[3] == "1":
    m = json.load(open(sys.argv[2]))["results"][0]
    print(f"{'matplotlib':<14} {ms(m):>8.2f}ms {m['min']*1000:>8.2f}ms")
    print(f"radar: aims-readiness export --format png is {m['median']/h['export-png']['median']:.1f}x faster than matplotlib "
          f"(six files: {m['median']/h['export-six']['median']:.1f}x)")
else:
    print("matplotlib not installed: no comparison (pip install matplotlib)")
print(f"peak memory, export of all nine files: {int(sys.argv[4])/1024:.1f} MB (budget 30 MB)")
print(f"stripped release binary: {int(sys.argv[5])/1e6:.2f} MB (budget 15 MB with pdf and docx)")
PY
