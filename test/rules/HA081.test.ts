import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

const DEFAULTS = "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";
const USES = `frontend www
    bind :80
    acl geo_ok «lua.geo» -m found
    http-request «lua.check_token» if geo_ok
    tcp-request content «lua.inspect»
    http-request use-service «lua.api» if { path_beg /api }
    http-request set-header X-Country %[src,«lua.country»]
    default_backend app
backend app
    server a 10.0.0.1:80
`;

describe("HA081 lua-not-loaded", () => {
  it("says nothing when a script is loaded, or when no lua. name is used", () => {
    expectHaproxy("HA081", `global\n    lua-load /etc/haproxy/a.lua\n${DEFAULTS}${USES.replace(/[«»]/g, "")}`);
    expectHaproxy("HA081", `global\n    lua-load-per-thread /etc/haproxy/a.lua\n${DEFAULTS}${USES.replace(/[«»]/g, "")}`);
    expectHaproxy("HA081", `${DEFAULTS}frontend www\n    bind :80\n    # lua.geo is for later\n    http-request set-header X-Lua lua.not-a-sample\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n`);
  });

  it("reports each Lua action, service, fetch and converter when no script is loaded", () => {
    const found = expectHaproxy("HA081", `global\n    log stdout format raw local0\n${DEFAULTS}${USES}`);
    expect(found.map((problem) => problem.message)).toEqual([
      "'lua.geo' is a Lua sample fetch, but the global section loads no Lua script ('lua-load') to register it: haproxy refuses the line",
      "'lua.check_token' is a Lua action, but the global section loads no Lua script ('lua-load') to register it: haproxy refuses the line",
      "'lua.inspect' is a Lua action, but the global section loads no Lua script ('lua-load') to register it: haproxy refuses the line",
      "'lua.api' is a Lua service, but the global section loads no Lua script ('lua-load') to register it: haproxy refuses the line",
      "'lua.country' is a Lua converter, but the global section loads no Lua script ('lua-load') to register it: haproxy refuses the line",
    ]);
  });
});
