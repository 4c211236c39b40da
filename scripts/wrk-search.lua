-- wrk script for Kith's person search: each request searches for the next query from the file named by
-- KITH_QUERIES (one query per line, already URL-encoded), signed in with the session cookie in KITH_COOKIE.
-- Latencies are per request, from send to answer; with no think time every user searches again at once.
local queries = {}
local file = io.open(os.getenv("KITH_QUERIES"), "r")
for line in file:lines() do queries[#queries + 1] = line end
file:close()
local cookie = os.getenv("KITH_COOKIE")
local think = tonumber(os.getenv("KITH_THINK_MS") or "0")
local counter = 0

-- Each connection is one user; with KITH_THINK_MS a user pauses that long (give or take half) between searches.
function delay()
  if think <= 0 then return 0 end
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end

function setup(thread)
  thread:set("offset", math.random(1, #queries))
end

function request()
  counter = counter + 1
  local query = queries[((offset or 0) + counter) % #queries + 1]
  return wrk.format("GET", "/persons?q=" .. query, { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeouts %d)\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%-5s %8.2f ms\n", tostring(p), latency:percentile(p) / 1000))
  end
  io.write(string.format("max    %8.2f ms\n", latency.max / 1000))
end
