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

-- done(): the latency summary every wrk script here prints (scripts run wrk from the repository root).
dofile("bench/wrk-result.lua")
