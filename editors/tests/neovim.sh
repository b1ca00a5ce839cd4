#!/usr/bin/env bash
# A real editor client: headless Neovim attaches `flowc lsp` through its
# built-in LSP client (editors/tests/neovim.lua) on a copy of the examples
# plus a file with Chinese names; this script checks what Neovim received.
# Usage: editors/tests/neovim.sh PATH/TO/flowc
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
flowc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$repo"/examples/*.flow "$repo"/examples/flowc.toml "$work"/
cat > "$work/報銷.flow" <<'FLOW'
# 中文名稱的流程
role 出納主管 "出納主管" in finance reports to finance_manager

process 零用金 "零用金報銷" {
  category approval
  owner finance
  review every 12 months, last 2026-06-01
  sla 5 business days
  start 申請

  step 申請 "申請" {
    owner employee
    within 1 business day
    next 覆核
  }

  step 覆核 "出納覆核" {
    owner 出納主管
    within 2 business days
    on reject -> 申請
    next 完成
  }

  end 完成 "已完成"

  kpi 週期 "報銷週期" p90 under 5 business days
}
FLOW
export FLOWC="$flowc" ROOT="$work" OUT="$work/report.json" SCRIPT="$here/neovim.lua"
# Any error in the script quits Neovim with a failure instead of leaving it
# waiting for input.
timeout 300 nvim --headless -u NONE -i NONE -n \
  -c "lua local ok, err = pcall(dofile, os.getenv('SCRIPT')); if not ok then io.stderr:write(tostring(err) .. '\\n'); vim.cmd('cquit 1') end" \
  >/dev/null 2>"$work/nvim.log" || { echo "Neovim failed:" >&2; cat "$work/nvim.log" >&2; exit 1; }
test -s "$work/report.json" || { echo "Neovim wrote no report" >&2; cat "$work/nvim.log" >&2; exit 1; }
python3 - "$work" <<'PY'
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
r = json.loads((work / "report.json").read_text())
def check(ok, what):
    if not ok:
        print("neovim: FAILED:", what, "\nreport:", json.dumps(r, ensure_ascii=False, indent=1), file=sys.stderr)
        sys.exit(1)
    print("neovim: ok:", what)
check(r["clean_received"] and r["clean"] == [], "a clean example shows no diagnostics")
check(r["broken_received"] and len(r["broken"]) == 1, "a broken line shows one diagnostic")
d = r["broken"][0]
# The examples' flowc.toml says lang = "zh-Hant": the server writes in it.
check(d["code"] == "undefined-reference" and "dept_haed" in d["message"] and "是否想寫 `dept_head`？" in d["message"], "the right error, in the project's language")
check((d["lnum"], d["col"], d["end_col"]) == (r["broken_line"], 10, 19), "at the right place (line %d, bytes 10-19)" % r["broken_line"])
check(r["fixed_received"] and r["fixed"] == [], "the fix clears it")
check(r["chinese_clean_received"] and r["chinese_clean"] == [], "the Chinese file is clean")
c = r["chinese_broken"]
check(len(c) == 1 and "出納主任" in c[0]["message"], "a broken Chinese line shows its error")
# `    owner ` is 10 bytes; 出納主任 is 4 characters of 3 bytes: Neovim turned
# the server's UTF-16 columns into these bytes.
check((c[0]["lnum"], c[0]["col"], c[0]["end_col"]) == (r["chinese_broken_line"], 10, 22), "at the right byte columns")
check("**步驟** `覆核` 出納覆核" in (r["hover"] or "") and "`出納主管` 出納主管" in r["hover"], "hover on a Chinese step name, in the project's language")
# The definition is the `step 覆核` line, where the hover was asked.
check(len(r["definition"]) == 1 and r["definition"][0]["range"]["start"]["line"] == r["hover_range"]["start"]["line"], "definition of a Chinese step name")
check(r["renamed_files"] >= 3, "rename touches every file using the role (%d)" % r["renamed_files"])
left = [p.name for p in work.glob("*.flow") if "dept_head" in p.read_text()]
check(left == [], "no file still names `dept_head` after the rename: %s" % left)
PY
"$flowc" check "$work" >/dev/null || { echo "neovim: the renamed project does not check clean" >&2; exit 1; }
echo "neovim: ok: the renamed project checks clean"
