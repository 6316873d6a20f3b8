-- wrk script: GET /api/v1/me/home with the demo users' tokens in turn (one token per line in $TOKENS_FILE),
-- and a latency summary with the median and p99 in a form scripts can read.
local tokens = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  return wrk.format("GET", "/api/v1/me/home", { ["Authorization"] = "Bearer " .. token })
end

-- done(): the latency summary every wrk script here prints (scripts run wrk from the repository root).
dofile("bench/wrk-result.lua")
