#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the examples and the test fixtures.
set -euo pipefail
cd "$(dirname "$0")"
for target in parse check emit fmt; do
  mkdir -p "corpus/$target"
  for file in ../examples/*.flow ../tests/fixtures/*/*.flow; do
    [ -f "$file" ] || continue
    cp "$file" "corpus/$target/$(basename "$(dirname "$file")")-$(basename "$file")"
  done
done
# flowc watch's requests: method, target, header lines (fuzz_targets/watch.rs).
mkdir -p corpus/watch
printf 'GET\n/\nHost: 127.0.0.1:8040\n' > corpus/watch/index
printf 'GET\n/%%E5%%A0%%B1%%E9%%8A%%B7.html\nHost: localhost:8040\n' > corpus/watch/chinese
printf 'GET\n/events?v=1.2\nHost: [::1]:8040\nOrigin: http://localhost:8040\nLast-Event-ID: 1.3\n' > corpus/watch/events
printf 'POST\n/missing<b>.html\nHost: attacker.example\n' > corpus/watch/foreign
echo "seeded: $(ls corpus/parse | wc -l) files per target"
