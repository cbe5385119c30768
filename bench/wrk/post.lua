-- wrk: autosave or floor POSTs with no think time. Arguments after "--": seed .txt file, then "autosave" or
-- "floor". Each thread takes its share of the trainees and cycles through them and through 10 positions; the
-- sequence number starts from the clock (microseconds) and only grows, so every save is a newer answer.
package.path = package.path .. ";" .. (debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "?.lua"
local common = require("common")

local trainees, target, i, seq
function init(args)
  trainees = common.load(args[1], 0, 1) -- run with one wrk thread (-t1)
  target = args[2] or "autosave"
  i = 0
  seq = os.time() * 1000000
end

function request()
  i = i + 1
  seq = seq + 1
  local trainee = trainees[(i % #trainees) + 1]
  local position = (math.floor(i / #trainees) % 10) + 1
  local path, body
  if target == "floor" then
    path = "/bench/floor/"
    body = string.format('{"key": %d, "seq": %d, "value": "wrk %d"}', position, seq, seq)
  else
    path = "/ujian/percobaan/" .. trainee.attempt .. "/simpan/"
    body = string.format('{"position": %d, "seq": %d, "answer": {"text": "wrk %d"}}', position, seq, seq)
  end
  return wrk.format("POST", path, common.headers(trainee), body)
end

done = common.done
