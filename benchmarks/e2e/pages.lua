-- The catalogue page under wrk as a browser without a cache loads it: the page, then each resource it references.
local paths = { "/", "/css/site.css", "/css/print.css", "/js/app.js", "/img/logo.png" }
local next = 0

request = function()
    next = next % #paths + 1
    return wrk.format("GET", paths[next])
end
