#!/usr/bin/env bash
# Times `flowc conform` on 1,000,000 events (152,000 generated cases of the
# expense claim, 30% with an injected deviation: 1,000,717 events) from CSV
# and from XES, with its peak memory, against PM4Py's token-based replay of
# the same XES log on the BPMN flowc emits for the process (reading the log
# included, as for flowc), side by side in one run.
#
#   benches/conform-compare.sh                       # 152,000 cases
#   CASES=100000 RUNS=10 PM4PY_RUNS=3 benches/conform-compare.sh
#
# Needs hyperfine (Debian package) and python3 with venv; installs PM4Py
# (pinned) in target/conform-compare/venv from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${CASES:-152000}
runs=${RUNS:-5}
pm4py_runs=${PM4PY_RUNS:-1}
work=target/conform-compare
pm4py=pm4py==2.7.23.11
mkdir -p "$work"

if ! command -v hyperfine >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
fi
[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$pm4py"
cargo build --release --quiet
flowc=$(realpath "${CARGO_TARGET_DIR:-target}")/release/flowc

"$flowc" build examples --emit bpmn --bpmn-dialect spiff --out "$work/bpmn" --today 2026-11-28 >/dev/null
for format in csv xes; do
  "$flowc" sim examples --process expense_claim --cases "$cases" --emit "$format" \
    --deviate 0.3 --seed 20 --out "$work/log.$format"
done
events=$(($(wc -l <"$work/log.csv") - 1))
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "log: $cases cases, $events events; CSV $(du -h "$work/log.csv" | cut -f1), XES $(du -h "$work/log.xes" | cut -f1)"

conform() {
  echo "$flowc conform examples --process expense_claim --log $work/log.$1 --format json"
}
# flowc exits 1 on this log (it has deviations): a run counts as failed
# only on exit 2 (could not run), so hyperfine stops on a broken run.
for format in csv xes; do
  /usr/bin/time -f "flowc conform ($format): %e s wall, %U s user, %M KB peak memory" \
    $(conform "$format") >"$work/report.$format.json" || [ $? -eq 1 ]
done
hyperfine --warmup 1 --runs "$runs" --export-json "$work/flowc.json" \
  --command-name "flowc conform (CSV)" "$(conform csv) >/dev/null; [ \$? -le 1 ]" \
  --command-name "flowc conform (XES)" "$(conform xes) >/dev/null; [ \$? -le 1 ]" \
  >/dev/null
hyperfine --runs "$pm4py_runs" --export-json "$work/pm4py.json" \
  --command-name "PM4Py token-based replay (XES)" \
  "$work/venv/bin/python .ci/conform/pm4py_replay.py $work/bpmn/expense_claim.bpmn $work/log.xes" \
  >/dev/null
python3 - "$work/flowc.json" "$work/pm4py.json" <<'PY'
import json, sys
results = {r["command"]: r for path in sys.argv[1:] for r in json.load(open(path))["results"]}
pm4py = results["PM4Py token-based replay (XES)"]["mean"]
for name, r in results.items():
    ratio = f"; {pm4py / r['mean']:.0f} times faster than PM4Py" if "flowc" in name else ""
    print(f"{name}: {r['mean']:.2f} s ± {r['stddev'] or 0:.2f} (user {r['user']:.2f} s){ratio}")
PY
