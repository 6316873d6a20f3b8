-- The summary line every wrk script here ends with: throughput, the median and tail latency, and errors, in a
-- form the shell scripts read (RESULT key=value ...). Loaded with dofile() from each script.
function done(summary, latency, requests)
  local non2xx = (summary.errors.status or 0)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
