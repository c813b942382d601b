-- wrk script for the harness's mixed load: each request takes the next path of the shuffled list in
-- $URLS with the bearer token in $TOKEN. wrk counts answers other than 2xx/3xx as errors (non-2xx).
local paths = {}
for line in io.lines(os.getenv("URLS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local token = os.getenv("TOKEN")
local counter = 0

function setup(thread)
  thread:set("offset", math.random(#paths))
end

request = function()
  counter = counter + 1
  local path = paths[((offset + counter) % #paths) + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("errors %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n",
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
