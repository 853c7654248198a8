-- wrk: single checks of random codes; every answer is judged against the expected status.
-- Env: CHECK_TOKEN_FILE (a file holding a fresh bearer token, re-read every second), CHECK_EXPECTED
-- (lines "<code> <LISTED|CLEAR>"). Per second and thread it records: right answers by source,
-- wrong answers (a LISTED code answered CLEAR, or the reverse), 503s, other statuses.
local codes, expected = {}, {}
local token, token_read = nil, 0
local current, stats, timeline = nil, nil, ""

local function read_token()
  local f = io.open(os.getenv("CHECK_TOKEN_FILE"))
  if f then token = f:read("*l"); f:close() end
  token_read = os.time()
end

function init(args)
  for line in io.lines(os.getenv("CHECK_EXPECTED")) do
    local code, status = line:match("^(%S+) (%S+)$")
    codes[#codes + 1] = code
    expected[code] = status
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + math.random(1000))
  read_token()
end

function request()
  if os.time() ~= token_read then read_token() end
  local code = codes[math.random(#codes)]
  return wrk.format("GET", "/api/v1/checks/" .. code, {["Authorization"] = "Bearer " .. token})
end

local function flush()
  if current then
    timeline = timeline .. string.format("%d %d %d %d %d %d\n", current, stats.cache, stats.database,
      stats.wrong, stats.unavailable, stats.other)
  end
end

function response(status, headers, body)
  local now = os.time()
  if now ~= current then
    flush()
    current = now
    stats = {cache = 0, database = 0, wrong = 0, unavailable = 0, other = 0}
  end
  if status == 200 then
    -- answers can come back in another order than asked (16 connections per thread): read the code
    local code = body:match('"code":"([^"]+)"')
    local answered = body:match('"status":"(%u+)"')
    local want = expected[code]
    if want == nil or (want == "LISTED" and answered ~= "LISTED") or (want == "CLEAR" and answered == "LISTED") then
      stats.wrong = stats.wrong + 1
      wrong_total = (wrong_total or 0) + 1
    elseif body:find('"source":"cache"', 1, true) then
      stats.cache = stats.cache + 1
    else
      stats.database = stats.database + 1
    end
    answered_total = (answered_total or 0) + 1
  elseif status == 503 and headers["Retry-After"] then
    stats.unavailable = stats.unavailable + 1
    unavailable_total = (unavailable_total or 0) + 1
  else
    stats.other = stats.other + 1
    other_total = (other_total or 0) + 1
  end
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("CHECK_TIMELINE"), "w")
  local wrong, answered, unavailable, other = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    out:write(thread:get("timeline_final") or "")
    wrong = wrong + (thread:get("wrong_total") or 0)
    answered = answered + (thread:get("answered_total") or 0)
    unavailable = unavailable + (thread:get("unavailable_total") or 0)
    other = other + (thread:get("other_total") or 0)
  end
  out:close()
  io.write(string.format("TOTAL requests=%d socket_errors=%d answered=%d wrong=%d unavailable_503=%d other=%d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    answered, wrong, unavailable, other))
end

-- wrk calls no hook when a thread ends; keep the serialised timeline current as a global the main
-- state can read (at most once per second, when a new second starts).
local original_response = response
response = function(status, headers, body)
  local before = current
  original_response(status, headers, body)
  if current ~= before then
    timeline_final = timeline
  end
end
