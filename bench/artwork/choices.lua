-- wrk script: POST /internal/choices to artwork-service for 40 titles (bench-t-1..40), as the gateway asks for a
-- home page, for viewers drawn from 10,000 ids who granted artwork-personalization (so every request reads and
-- writes the viewer's Redis state and logs 40 impressions), on a tv in the evening. Their signed purposes are
-- minted beforehand (bench/target/purpose-tokens.txt, line k for bench-u-k: artwork-choice.sh makes it).
local titles = {}
for i = 1, 40 do titles[i] = '"bench-t-' .. i .. '"' end
local titleList = table.concat(titles, ",")
math.randomseed(42)
local tokens = {}
for line in io.lines("bench/target/purpose-tokens.txt") do tokens[#tokens + 1] = line end
-- Pacing: each connection waits DELAY_MS between requests (wrk2's fixed rate is not in Debian's wrk).
local delayMs = tonumber(os.getenv("DELAY_MS") or "0")

function delay()
  return delayMs
end

-- SERVICE_TOKEN: the gateway's service identity (client credentials), which internal routes require.
function request()
  local k = math.random(1, #tokens)
  local user = "bench-u-" .. k
  local body = '{"userId":"' .. user .. '","titleIds":[' .. titleList .. '],'
    .. '"context":{"device":"tv","locale":"en-GB","localTime":"21:00"}}'
  return wrk.format("POST", "/internal/choices",
    { ["Content-Type"] = "application/json", ["Serenade-Purposes"] = tokens[k],
      ["Authorization"] = "Bearer " .. os.getenv("SERVICE_TOKEN") }, body)
end

-- Served: the impression ids the answers carried (a choice without one is the global image, logged nowhere).
served = 0
function response(status, headers, body)
  if status == 200 then
    for _ in string.gmatch(body, '"impressionId":"') do served = served + 1 end
  end
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

-- done(): the latency summary every wrk script here prints (scripts run wrk from the repository root), then
-- what was served, for artwork-choice.sh to set beside what was logged.
dofile("bench/wrk-result.lua")
local summary = done
function done(s, latency, requests)
  summary(s, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("served") or 0) end
  io.write(string.format("SERVED impressions=%d\n", total))
end
