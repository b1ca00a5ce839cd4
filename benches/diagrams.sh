#!/usr/bin/env bash
# Scaling of the diagram and handbook emitters: one process of N nodes
# (steps in 12 lanes, a decision every 10 nodes, a rejection every 7, an
# escalation on every step; `cargo bench --bench generate -- lanes N DIR`),
# for N = 1000, 4000, 16000. Prints the instructions counted by callgrind
# (repeatable whatever else the machine does) for `check`,
# `build --emit svg --engine builtin` and `doc`.
#   benches/diagrams.sh            (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
flowc="$PWD/target/release/flowc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 1000 4000 16000; do
  dir="$work/n$n"
  cargo bench --quiet --bench generate -- lanes "$n" "$dir"
  for args in "check $dir" "build $dir --out $dir/out --emit svg --engine builtin" \
              "doc $dir --out $dir/site --engine builtin --today 2026-11-28"; do
    # shellcheck disable=SC2086
    count=$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
      "$flowc" $args 2>&1 | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*')
    printf 'n=%-6s %-6s %14s instructions\n' "$n" "${args%% *}" "$count"
  done
done
