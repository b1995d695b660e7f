-- The one wrk script of bench/run.sh. done() prints one machine-readable line of the run's figures.
-- BENCH_PATHS=file: each request takes the next path from that file (one a line), each thread from its own offset.
-- BENCH_WRITE=1: each request creates a new published article (unique slug) with the admin token BENCH_TOKEN, in
-- category BENCH_CATEGORY by author BENCH_AUTHOR. Otherwise every request asks for the URL given to wrk.
local threads = {}
failures = {} -- per thread: status code -> count, for codes wrk counts as errors (above 399)

function setup(thread)
  thread:set("number", #threads)
  threads[#threads + 1] = thread
end

function response(status, headers, body)
  if status > 399 then failures[status] = (failures[status] or 0) + 1 end
end

local file = os.getenv("BENCH_PATHS")
if file then
  local paths, index = {}, 0

  function init(args)
    for line in io.lines(file) do paths[#paths + 1] = line end
    index = math.floor(#paths * (number or 0) / 2)
  end

  function request()
    index = index % #paths + 1
    return wrk.format(nil, paths[index])
  end
end

if os.getenv("BENCH_WRITE") then
  local counter, run = 0, os.getenv("BENCH_RUN") or "0"
  local headers = {
    ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
    ["Content-Type"] = "application/json",
  }
  local paragraph = "Council officials said the harbour plan would go to a vote next week, after a signal from the "
    .. "regulator that the review of the port's expansion was complete. Read [the report](https://example.com/report)."
  local body = "## Summary\\n\\n" .. string.rep(paragraph .. "\\n\\n", 20)

  function request()
    counter = counter + 1
    local slug = string.format("bench-write-%s-%d-%d", run, number or 0, counter)
    return wrk.format("POST", "/api/v1/articles", headers, string.format(
      '{"slug":"%s","title":"Bench write %s","status":"published","category":"%s","authors":["%s"],'
      .. '"tags":["bench-write"],"body":"%s"}', slug, slug, os.getenv("BENCH_CATEGORY"), os.getenv("BENCH_AUTHOR"), body))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
  local codes = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("failures")) do codes[status] = (codes[status] or 0) + count end
  end
  for status, count in pairs(codes) do io.write(string.format("STATUS %d %d\n", status, count)) end
end
