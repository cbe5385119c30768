-- wrk: an anonymous GET of one public page (no cookie) with no think time. Argument after "--": the path.
package.path = package.path .. ";" .. (debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "?.lua"
local common = require("common")

local path

function init(args)
  path = args[1]
end

function request()
  return wrk.format("GET", path)
end

done = common.done
