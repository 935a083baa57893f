-- Headless Neovim (0.7+, Debian bookworm) as an independent LSP client for the ISMS language server: opens the
-- file given on the command line, waits for the server's diagnostics for it, then asks for a hover and a
-- definition through Neovim's own LSP client (vim.lsp.buf_request_sync) and writes everything as JSON.
-- Adapted from the team's lsp-diagnostics.lua recipe.
--
-- usage: nvim --headless -u NONE -i NONE -n -c 'luafile lsp-probe.lua' path/to/file.md
-- env:   LSP_CMD     JSON array, the server command (e.g. ["node","dist/server.js","--stdio"])
--        LSP_ROOT    workspace folder
--        LSP_OUT     file to write the JSON result to
--        LSP_HOVER   "line,character" (0-based) to hover at
--        LSP_DEFINITION "line,character" (0-based) to go to definition from
--        LSP_TIMEOUT_MS (default 15000)
local cmd = vim.fn.json_decode(os.getenv('LSP_CMD'))
local root = os.getenv('LSP_ROOT')
local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '15000')
local bufnr = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(bufnr)
vim.bo[bufnr].filetype = 'markdown'
local t0 = vim.loop.hrtime()
local diagnostics, initialized, exited = nil, false, nil

local function position(name)
  local value = os.getenv(name)
  if not value then return nil end
  local line, character = value:match('^(%d+),(%d+)$')
  return { line = tonumber(line), character = tonumber(character) }
end

local client_id = vim.lsp.start_client({
  name = 'isms',
  cmd = cmd,
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'isms' } },
  on_init = function() initialized = true end,
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, res)
      if res and vim.uri_to_fname(res.uri) == fname and #res.diagnostics > 0 then diagnostics = res.diagnostics end
    end,
  },
})
if not client_id then io.stderr:write('start_client failed\n'); vim.cmd('cquit 2') end
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(timeout, function() return diagnostics ~= nil or exited ~= nil end, 20)

local function request(method, pos)
  if not pos then return nil end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos }
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not responses then return { error = tostring(err) } end
  local response = responses[client_id]
  if not response then return { error = 'no response' } end
  if response.err then return { error = response.err.message or vim.inspect(response.err) } end
  return { result = response.result }
end

local hover = ok and request('textDocument/hover', position('LSP_HOVER')) or nil
local definition = ok and request('textDocument/definition', position('LSP_DEFINITION')) or nil

local out = vim.fn.json_encode({
  ok = ok and diagnostics ~= nil,
  ms = math.floor((vim.loop.hrtime() - t0) / 1e6),
  nvim = vim.version(),
  initialized = initialized,
  exited = exited,
  diagnostics = diagnostics or {},
  hover = hover,
  definition = definition,
})
local f = io.open(os.getenv('LSP_OUT'), 'w')
f:write(out, '\n')
f:close()
local client = vim.lsp.get_client_by_id(client_id)
if client then client.stop() end
vim.wait(2000, function() return exited ~= nil end, 20)
vim.cmd(ok and 'qall!' or 'cquit 1')
