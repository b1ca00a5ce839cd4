-- Drives `flowc lsp` from Neovim's built-in LSP client, headless.
--
-- Run by `editors/tests/neovim.sh`, which prepares a copy of the examples
-- (plus a file with Chinese names) and checks what this script records in
-- $OUT: the diagnostics Neovim received for a clean example, after an edit
-- that breaks a line, and on a Chinese line; a hover and a definition on
-- Chinese names; and the files after a rename applied by Neovim.

local flowc = assert(os.getenv("FLOWC"), "FLOWC")
local root = assert(os.getenv("ROOT"), "ROOT")
local out = assert(os.getenv("OUT"), "OUT")

local received = {}
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  received[result.uri] = (received[result.uri] or 0) + 1
  return publish(err, result, ctx, config)
end

local client = vim.lsp.start_client({ name = "flowc", cmd = { flowc, "lsp" }, root_dir = root })
assert(client, "the client starts")

local report = {}

local function open(name)
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/" .. name))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  return buf, vim.uri_from_bufnr(buf)
end

local function wait_publish(uri, count)
  return vim.wait(30000, function() return (received[uri] or 0) >= count end, 20)
end

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      message = d.message, code = d.code })
  end
  return list
end

-- Find `needle` (plain) in the buffer; returns a 0-based line and byte column.
local function find(buf, needle)
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = string.find(line, needle, 1, true)
    if at then return index - 1, at - 1 end
  end
  error("not found: " .. needle)
end

local function params_at(buf, needle)
  local line, byte = find(buf, needle)
  local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  local character = vim.str_utfindex(text, byte)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 30000)
  assert(responses and responses[client], method .. " got no answer")
  assert(not responses[client].err, method .. ": " .. vim.inspect(responses[client].err))
  return responses[client].result
end

-- 1. A clean example: the server publishes, and nothing is wrong.
local claim, claim_uri = open("expense-claim.flow")
report.clean_received = wait_publish(claim_uri, 1)
report.clean = diagnostics(claim)

-- 2. Break a line as a user would type: `dept_head` -> `dept_haed`.
local line, col = find(claim, "owner dept_head")
vim.api.nvim_buf_set_text(claim, line, col + 6, line, col + 15, { "dept_haed" })
report.broken_received = wait_publish(claim_uri, 2)
report.broken_line = line
report.broken = diagnostics(claim)

-- 3. Fix it again.
vim.api.nvim_buf_set_text(claim, line, col + 6, line, col + 15, { "dept_head" })
report.fixed_received = wait_publish(claim_uri, 3)
report.fixed = diagnostics(claim)

-- 4. A file with Chinese names: break a Chinese line.
local chinese, chinese_uri = open("報銷.flow")
report.chinese_clean_received = wait_publish(chinese_uri, 1)
report.chinese_clean = diagnostics(chinese)
local cline, ccol = find(chinese, "owner 出納主管")
vim.api.nvim_buf_set_text(chinese, cline, ccol + 6, cline, ccol + 18, { "出納主任" })
report.chinese_broken_received = wait_publish(chinese_uri, 2)
report.chinese_broken_line = cline
report.chinese_broken = diagnostics(chinese)
vim.api.nvim_buf_set_text(chinese, cline, ccol + 6, cline, ccol + 18, { "出納主管" })
wait_publish(chinese_uri, 3)

-- 5. Hover and definition on Chinese names.
local hover_at = params_at(chinese, "step 覆核")
hover_at.position.character = hover_at.position.character + 5
local hover = request(chinese, "textDocument/hover", hover_at)
report.hover = hover and hover.contents and hover.contents.value
report.hover_range = hover and hover.range
local at = params_at(chinese, "next 覆核")
at.position.character = at.position.character + 6
report.definition = request(chinese, "textDocument/definition", at)

-- 6. Rename a role used by several files, applied by Neovim, then saved.
local rename_at = params_at(claim, "owner dept_head")
rename_at.position.character = rename_at.position.character + 7
rename_at.newName = "部門主管"
local edit = request(claim, "textDocument/rename", rename_at)
vim.lsp.util.apply_workspace_edit(edit, "utf-16")
report.renamed_files = vim.tbl_count(edit.changes or {})
vim.cmd("silent! wall")

local file = io.open(out, "w")
file:write(vim.fn.json_encode(report))
file:close()
vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 20)
vim.cmd("qall!")
