-- wrk script for the harness's mixed load: each request takes the next path of the shuffled list in
-- $URLS with the bearer token in $TOKEN. wrk counts answers other than 2xx/3xx as errors (non-2xx).
-- A line "path<TAB>token" carries its own token (bench/case_scenarios.py's requests, made as the
-- seeded responders, managers and approvers they are for).
local paths = {}
local own_tokens = {}
for line in io.lines(os.getenv("URLS")) do
  if #line > 0 then
    local path, own = line:match("^([^\t]+)\t(.+)$")
    paths[#paths + 1] = path or line
    own_tokens[#paths] = own or false
  end
end
local token = os.getenv("TOKEN")
local counter = 0

function setup(thread)
  thread:set("offset", math.random(#paths))
end

request = function()
  counter = counter + 1
  local i = ((offset + counter) % #paths) + 1
  return wrk.format("GET", paths[i], { ["Authorization"] = "Bearer " .. (own_tokens[i] or token) })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("errors %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n",
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
