#!/usr/bin/env python3
"""Measures flowc lsp latency: didOpen and didChange -> publishDiagnostics,
and a hover, on a project (default: examples/). Not a test: prints numbers.

Usage: python3 editors/tests/latency.py target/release/flowc examples
"""
import json, subprocess, sys, time, os, pathlib
flowc, root = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
p = subprocess.Popen([flowc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(m):
    b = json.dumps(m).encode(); p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
def recv():
    n = None
    while True:
        l = p.stdout.readline()
        if l in (b"\r\n", b"\n"): break
        if l.startswith(b"Content-Length:"): n = int(l.split(b":")[1])
    return json.loads(p.stdout.read(n))
def wait_diag(uri):
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri: return m["params"]["diagnostics"]
send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":None,"rootUri":None,"capabilities":{}}}); recv()
send({"jsonrpc":"2.0","method":"initialized","params":{}})
f = root / "expense-claim.flow"; uri = "file://" + str(f); text = f.read_text()
t = time.perf_counter()
send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":uri,"languageId":"flow","version":1,"text":text}}})
wait_diag(uri); print("open -> diagnostics: %.1f ms" % ((time.perf_counter()-t)*1000))
times = []
for i in range(40):
    new = text.replace("owner dept_head", "owner dept_haed" if i % 2 == 0 else "owner dept_head", 1)
    t = time.perf_counter()
    send({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":uri,"version":i+2},"contentChanges":[{"text":new}]}})
    d = wait_diag(uri); times.append((time.perf_counter()-t)*1000)
times.sort(); print("didChange -> diagnostics over 40 edits: median %.1f ms, max %.1f ms" % (times[len(times)//2], times[-1]))
t = time.perf_counter()
send({"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":uri},"position":{"line":20,"character":12}}})
while "id" not in (m := recv()) : pass
print("hover: %.1f ms" % ((time.perf_counter()-t)*1000))
send({"jsonrpc":"2.0","id":3,"method":"shutdown"}); recv(); send({"jsonrpc":"2.0","method":"exit"}); p.wait()
