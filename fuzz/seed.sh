#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the examples and the test fixtures.
set -euo pipefail
cd "$(dirname "$0")"
for target in parse check emit; do
  mkdir -p "corpus/$target"
  for file in ../examples/*.flow ../tests/fixtures/*/*.flow; do
    [ -f "$file" ] || continue
    cp "$file" "corpus/$target/$(basename "$(dirname "$file")")-$(basename "$file")"
  done
done
echo "seeded: $(ls corpus/parse | wc -l) files per target"
