-- wrk script for one kind of Kith page: each request asks for the next path from the file named by KITH_PATHS
-- (one path per line, already URL-encoded), signed in with the session cookie in KITH_COOKIE. Each connection is
-- one user; with KITH_THINK_MS a user pauses about that long (give or take half) between pages. Latencies are per
-- request, from send to answer.
local paths = {}
local file = io.open(os.getenv("KITH_PATHS"), "r")
for line in file:lines() do paths[#paths + 1] = line end
file:close()
local cookie = os.getenv("KITH_COOKIE")
local think = tonumber(os.getenv("KITH_THINK_MS") or "0")
local counter = 0

function delay()
  if think <= 0 then return 0 end
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end

function setup(thread)
  thread:set("offset", math.random(1, #paths))
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[((offset or 0) + counter) % #paths + 1], { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  io.write(string.format("requests %d (%.1f a second), errors %d (status %d, timeouts %d)\n", summary.requests,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
