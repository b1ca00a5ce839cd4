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
# lsp: a session per example (open it, then one request of each kind at a
# few positions), and the transport attacks of tests/lsp.rs as raw pieces
# (the first byte of a piece chooses its kind, 0xFF separates pieces; see
# fuzz_targets/lsp.rs).
mkdir -p corpus/lsp
for file in ../examples/*.flow; do
  {
    printf '\x00\x02'
    cat "$file"
    for kind in 05 06 07 08 09 0a 0b 0c 0d 03 04 0e 0f; do printf "\xff\x$kind\x0a\x0c\x0e\x10x"; done
  } > "corpus/lsp/$(basename "$file")"
done
printf '\x01\x00Content-Length: 18446744073709551615\r\n\r\n{}\xff\x0b' > corpus/lsp/huge-length
printf '\x00\x01{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":{"t":"\\ud800"}}\xff\x01{"id":' > corpus/lsp/surrogate-and-bad-json
# flowc watch's requests: method, target, header lines (fuzz_targets/watch.rs).
mkdir -p corpus/watch
printf 'GET\n/\nHost: 127.0.0.1:8040\n' > corpus/watch/index
printf 'GET\n/%%E5%%A0%%B1%%E9%%8A%%B7.html\nHost: localhost:8040\n' > corpus/watch/chinese
printf 'GET\n/events?v=1.2\nHost: [::1]:8040\nOrigin: http://localhost:8040\nLast-Event-ID: 1.3\n' > corpus/watch/events
printf 'POST\n/missing<b>.html\nHost: attacker.example\n' > corpus/watch/foreign
echo "seeded: $(ls corpus/parse | wc -l) files per target, $(ls corpus/lsp | wc -l) lsp sessions, $(ls corpus/watch | wc -l) watch requests"
