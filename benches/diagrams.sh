#!/usr/bin/env bash
# Scaling of the diagram and handbook emitters: one process of N nodes
# (steps in 12 lanes, a decision every 10 nodes, a rejection every 7, an
# escalation on every step), for N = 1000, 4000, 16000. Prints the
# instructions counted by callgrind (repeatable whatever else the machine
# does) for `check`, `build --emit svg --engine builtin` and `doc`.
#   benches/diagrams.sh            (needs valgrind and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
flowc="$PWD/target/release/flowc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 1000 4000 16000; do
  dir="$work/n$n"
  mkdir -p "$dir"
  echo "[rules]" > "$dir/flowc.toml"
  python3 - "$n" "$dir/big.flow" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
lines = ['department ops "運營部"', 'role r0 "角色0" in ops']
lines += [f'role r{i} "角色{i}" in ops reports to r{i-1}' for i in range(1, 12)]
lines.append('process big "大流程" {\n  category business\n  owner ops\n'
             '  review every 12 months, last 2026-01-01\n  sla 400 business days\n'
             '  input amount: money CNY\n  start s0')
for i in range(n):
    following = f's{i+1}' if i + 1 < n else 'done'
    if i % 10 == 5:
        otherwise = f's{i+2}' if i + 2 < n else 'done'
        lines.append(f'  decide s{i} "判斷{i}" {{\n    when amount > {i} CNY -> {following}\n'
                     f'    otherwise -> {otherwise}\n  }}')
        continue
    reject = f'    on reject -> s{max(0, i - 7)}\n' if i % 7 == 3 else ''
    lines.append(f'  step s{i} "步驟{i}：處理並核對相關的單據與憑證" {{\n    owner r{i % 12}\n'
                 f'    within 2 business days\n    escalate after 3 business days to r0\n'
                 f'{reject}    next {following}\n  }}')
lines.append('  end done "完成"\n}')
open(path, 'w').write('\n'.join(lines) + '\n')
PY
  for args in "check $dir" "build $dir --out $dir/out --emit svg --engine builtin" \
              "doc $dir --out $dir/site --engine builtin --today 2026-11-28"; do
    # shellcheck disable=SC2086
    count=$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
      "$flowc" $args 2>&1 | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*')
    printf 'n=%-6s %-6s %14s instructions\n' "$n" "${args%% *}" "$count"
  done
done
