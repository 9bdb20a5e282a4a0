-- The orders API under wrk: POST /orders and GET of the order placed last (its Location), alternately.
local body = '{"item": "book", "quantity": 2, "region": "eu"}'
local headers = { ["Content-Type"] = "application/json" }
local placed = nil
local sent = 0

request = function()
    sent = sent + 1
    if sent % 2 == 0 and placed ~= nil then
        return wrk.format("GET", placed)
    end
    return wrk.format("POST", "/orders", headers, body)
end

response = function(status, headers, body)
    local location = headers["Location"]
    if location ~= nil then
        placed = location
    end
end
