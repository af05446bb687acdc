-- wrk script for scripts/bench.sh: replays the requests listed in a file, one per line:
--   THREAD <TAB> METHOD <TAB> PATH <TAB> AUTHORIZATION <TAB> BODY
-- THREAD is a wrk thread number (1-based), or * for "any thread, round robin". Each thread cycles
-- through its own lines, so a case can give every counselor (thread) their own sessions.
-- Usage: wrk -s requests.lua <url> -- <file> <case-name>
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(fields, field)
  end
  return fields
end

function init(args)
  local file = args[1]
  local count = tonumber(args[3] or "1")
  local lines = {}
  local shared = 0
  for line in io.lines(file) do
    local f = split(line)
    table.insert(lines, f)
    if f[1] == "*" then shared = shared + 1 end
  end
  requests = {}
  local n = 0
  for _, f in ipairs(lines) do
    local mine
    if f[1] == "*" then
      n = n + 1
      -- fewer shared lines than threads: every thread replays all of them
      mine = shared < count or (n - 1) % count + 1 == id
    else
      mine = tonumber(f[1]) == id
    end
    if mine then
      local headers = { ["Authorization"] = f[4], ["Accept"] = "application/json" }
      local body = nil
      if f[5] ~= nil and f[5] ~= "" then
        body = f[5]
        headers["Content-Type"] = "application/json"
      end
      table.insert(requests, wrk.format(f[2], f[3], headers, body))
    end
  end
  if #requests == 0 then
    error("thread " .. id .. " has no requests in " .. file)
  end
  next_request = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format(
      'RESULT {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "errors": %d, "non2xx": %d}\n',
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
