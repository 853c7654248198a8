-- wrk: GET <path prefix><random code from codes file>, with the bearer token from the environment,
-- or, when CHECK_API_KEY is set (through the gateway), with that department key instead.
local codes = {}
local prefix = os.getenv("CHECK_PATH") or "/api/v1/checks/"
local token = os.getenv("CHECK_TOKEN")
local apiKey = os.getenv("CHECK_API_KEY")
local headers = apiKey and {["X-Api-Key"] = apiKey} or {["Authorization"] = "Bearer " .. token}

function init(args)
  for line in io.lines(os.getenv("CHECK_CODES")) do
    codes[#codes + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local code = codes[math.random(#codes)]
  return wrk.format("GET", prefix .. code, headers)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
