-- Shared by the wrk scripts: trainees from the seed's .txt file ("session csrf attempt user" per line), split
-- between wrk's threads; done() prints one JSON line with the figures bench/run.py reads.
local common = {}

function common.load(path, id, threads)
  local trainees, n = {}, 0
  for line in io.lines(path) do
    local session, csrf, attempt, user = line:match("(%S+) (%S+) (%S+) (%S+)")
    if session then
      if n % threads == id then
        trainees[#trainees + 1] = { session = session, csrf = csrf, attempt = attempt, user = user }
      end
      n = n + 1
    end
  end
  return trainees
end

function common.headers(trainee)
  return {
    ["Cookie"] = "sessionid=" .. trainee.session .. "; csrftoken=" .. trainee.csrf,
    ["X-CSRFToken"] = trainee.csrf,
    ["Content-Type"] = "application/json",
  }
end

function common.done(summary, latency)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "non_2xx": %d, "p50_ms": %.3f, "p95_ms": %.3f, '
      .. '"p99_ms": %.3f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end

return common
