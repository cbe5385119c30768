-- wrk: a signed-in GET of one page (the lesson page) with no think time. Arguments after "--": seed .txt file,
-- the path, and how many trainees to use (the first N of the file).
package.path = package.path .. ";" .. (debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "?.lua"
local common = require("common")

local trainees, path, i
function init(args)
  trainees = common.load(args[1], 0, 1)
  local limit = tonumber(args[3] or "0")
  if limit > 0 then
    while #trainees > limit do
      table.remove(trainees)
    end
  end
  path = args[2]
  i = 0
end

function request()
  i = i + 1
  local trainee = trainees[(i % #trainees) + 1]
  return wrk.format("GET", path, common.headers(trainee))
end

done = common.done
