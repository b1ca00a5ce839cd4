#!/usr/bin/env bash
# Times `flowc check` against bpmnlint (`recommended`) on the same processes:
# flowc checks a generated `.flow` process of N steps, bpmnlint lints the
# BPMN flowc emits for it. Prints both times and the ratio, from hyperfine.
#
#   benches/compare.sh            # N = 2000
#   SIZES="500 2000 8000" benches/compare.sh
#
# Needs hyperfine (Debian package) and Node.js with npm; installs bpmnlint
# under target/compare/ from npm.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-2000}
work=target/compare
mkdir -p "$work"

if ! command -v hyperfine >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
fi
if [ ! -x "$work/node_modules/.bin/bpmnlint" ]; then
  npm install --prefix "$work" --no-audit --no-fund --silent bpmnlint@11.15.0
fi
printf '{ "extends": "bpmnlint:recommended" }\n' > "$work/.bpmnlintrc"
cargo build --release --quiet
flowc=$PWD/target/release/flowc

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for steps in $sizes; do
  project=$work/p$steps
  rm -rf "$project"
  cargo bench --quiet --bench generate -- "$steps" "$project"
  "$flowc" build "$project" --emit bpmn --out "$project/bpmn" --today 2026-11-28 2>/dev/null
  tasks=$(grep -c '<bpmn:userTask' "$project/bpmn/generated.bpmn")
  echo "== $steps steps ($tasks BPMN user tasks)"
  # Both must succeed on what they time: flowc finds no error in the
  # generated process, bpmnlint no problem in its BPMN (so neither run is a
  # failure cut short); hyperfine then fails on any failing run.
  "$flowc" check "$project" --today 2026-11-28 >/dev/null
  bpmn="$PWD/$project/bpmn/generated.bpmn"
  (cd "$work" && node_modules/.bin/bpmnlint "$bpmn")
  hyperfine --warmup 2 --runs 10 --export-json "$work/p$steps.json" \
    --command-name "flowc check" "$flowc check $project --today 2026-11-28" \
    --command-name "bpmnlint recommended" "cd $work && node_modules/.bin/bpmnlint $PWD/$project/bpmn/generated.bpmn" \
    >/dev/null
  python3 - "$work/p$steps.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
flowc = results["flowc check"]["mean"]
lint = results["bpmnlint recommended"]["mean"]
print(f"flowc check: {flowc * 1000:.1f} ms; bpmnlint recommended: {lint * 1000:.1f} ms; "
      f"flowc is {lint / flowc:.0f} times faster")
PY
done
