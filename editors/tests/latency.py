#!/usr/bin/env python3
"""Measures flowc lsp latency on a project (default: examples/). Not a
test: prints numbers.

- open: didOpen -> the document's diagnostics (the first, whole analysis);
- edit: didChange (the whole text, a step's owner misspelt and repaired in
  turn) -> the document's diagnostics, median and max over EDITS edits;
- burst: 12 keystrokes 80 ms apart (each one character typed into a step's
  owner, sent as a ranged change) -> the diagnostics of the last text, timed
  from the last key;
- hover and completion sent right after an edit: from the request to its
  answer (the edit's analysis included);
- memory: the server's resident set (now and peak) at the end.

Usage: python3 editors/tests/latency.py FLOWC DIR [FILE] [EDITS]
  e.g. python3 editors/tests/latency.py target/release/flowc examples
       cargo bench --bench generate -- 30 /tmp/repo-1000 1000
       python3 editors/tests/latency.py target/release/flowc /tmp/repo-1000
"""
import json, os, pathlib, re, subprocess, sys, time

flowc, root = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
name = sys.argv[3] if len(sys.argv) > 3 else None
EDITS = int(sys.argv[4]) if len(sys.argv) > 4 else 40
if name is None:
    name = next(n for n in ("expense-claim.flow", "process_0.flow") if (root / n).exists())
f = root / name
uri = "file://" + str(f)
text = f.read_text()

p = subprocess.Popen([flowc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)


def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()


def recv():
    n = None
    while True:
        line = p.stdout.readline()
        if line in (b"\r\n", b"\n"):
            break
        if line.startswith(b"Content-Length:"):
            n = int(line.split(b":")[1])
    return json.loads(p.stdout.read(n))


def wait_diag(accept=lambda diagnostics: True):
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            if accept(m["params"]["diagnostics"]):
                return m["params"]["diagnostics"]


def wait_answer(id):
    while (m := recv()).get("id") != id:
        pass
    return m


def ms(since):
    return (time.perf_counter() - since) * 1000


def summary(times):
    times = sorted(times)
    return "median %.1f ms, max %.1f ms" % (times[len(times) // 2], times[-1])


version = 1
def change(changes):
    global version
    version += 1
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}})


def position(text, offset):
    before = text[:offset]
    line = before.count("\n")
    column = len(before) - (before.rfind("\n") + 1)
    return {"line": line, "character": len(before[len(before) - column:].encode("utf-16-le")) // 2}


send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": None, "capabilities": {}}})
wait_answer(1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
files = sum(1 for _ in root.rglob("*.flow"))
print("%s: %d .flow files, editing %s" % (root, files, name))
t = time.perf_counter()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "flow", "version": 1, "text": text}}})
wait_diag()
print("open -> diagnostics: %.1f ms" % ms(t))

# A step's owner, misspelt and repaired in turn.
owner = re.search(r"\n\s+owner (\w+)\n", text[text.index("step "):])
start = text.index("step ") + owner.start(1)
role = owner.group(1)
misspelt = text[:start] + role + "q" + text[start + len(role):]
times = []
for i in range(EDITS):
    new = misspelt if i % 2 == 0 else text
    t = time.perf_counter()
    change([{"text": new}])
    wait_diag(lambda d, i=i: any(role + "q" in x["message"] for x in d) == (i % 2 == 0))
    times.append(ms(t))
print("didChange -> diagnostics over %d edits: %s" % (EDITS, summary(times)))

# Twelve keystrokes 80 ms apart, typed after the owner's name.
typed = "abcdefghijkl"
current = text
lasts = []
for burst in range(5):
    at = start + len(role)
    for i, key in enumerate(typed):
        pos = position(current, at + i)
        change([{"range": {"start": pos, "end": pos}, "text": key}])
        current = current[:at + i] + key + current[at + i:]
        last = time.perf_counter()
        if i + 1 < len(typed):
            time.sleep(0.08)
    final = role + typed
    wait_diag(lambda d: any(final in x["message"] for x in d))
    lasts.append(ms(last))
    change([{"text": text}])
    current = text
    wait_diag(lambda d: not any(role + "a" in x["message"] for x in d))
print("12 keystrokes 80 ms apart -> last diagnostics after the last key, 5 bursts: %s" % summary(lasts))

# Hover on the owner and completion after `owner `, each sent right after an edit.
hovers, completions = [], []
for i in range(EDITS // 2):
    new = misspelt if i % 2 == 0 else text
    change([{"text": new}])
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 100 + 2 * i, "method": "textDocument/hover",
          "params": {"textDocument": {"uri": uri}, "position": position(new, start + 1)}})
    wait_answer(100 + 2 * i)
    hovers.append(ms(t))
    change([{"text": text}])
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 101 + 2 * i, "method": "textDocument/completion",
          "params": {"textDocument": {"uri": uri}, "position": position(text, start)}})
    wait_answer(101 + 2 * i)
    completions.append(ms(t))
print("hover right after an edit, %d: %s" % (len(hovers), summary(hovers)))
print("completion right after an edit, %d: %s" % (len(completions), summary(completions)))

status = pathlib.Path("/proc/%d/status" % p.pid)
if status.exists():
    fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
    print("server memory: resident %s, peak %s" % (fields["VmRSS"].strip(), fields["VmHWM"].strip()))
send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
wait_answer(3)
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
