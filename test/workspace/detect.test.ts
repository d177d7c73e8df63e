import { describe, expect, it } from "vitest";
import { formatFromContent, formatFromPath } from "../../server/src/workspace/detect.js";

describe("recognising configuration files", () => {
  it.each([
    ["/etc/haproxy/haproxy.cfg", "haproxy"],
    ["deploy/lb1.haproxy.cfg", "haproxy"],
    ["roles/lb/templates/haproxy.cfg.j2", "haproxy"],
    ["/etc/haproxy/conf.d/10-frontends.cfg", "haproxy"],
    ["/etc/keepalived/keepalived.conf", "keepalived"],
    ["site/lb1/etc/keepalived/conf.d/vrrp.conf", "keepalived"],
    ["keepalived-master.conf", "keepalived"],
    ["/etc/nginx/nginx.conf", undefined],
    ["settings.cfg", undefined],
  ])("names %s as %s", (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });

  it("recognises keepalived by its blocks and haproxy by its sections", () => {
    expect(formatFromContent("! Configuration File\nvrrp_instance VI_1 {\n  state MASTER\n}\n")).toBe("keepalived");
    expect(formatFromContent("global\n    daemon\nfrontend fe\n    bind :80\n    default_backend be\n")).toBe("haproxy");
    expect(formatFromContent("server {\n  listen 80;\n}\n")).toBeUndefined();
    expect(formatFromContent("\0\0binary")).toBeUndefined();
  });

  it("recognises keepalived whose block names are all misspelt by its keywords, and not an nginx file", () => {
    expect(formatFromContent("global_def {\n  router_id LB1\n}\nvrrp_instanse VI_1 {\n  state MASTER\n  virtual_router_id 51\n  priority 100\n}\n")).toBe("keepalived");
    expect(formatFromContent("http {\n  server {\n    listen 80;\n    location / {\n      root /srv;\n    }\n  }\n}\n")).toBeUndefined();
  });

  it("recognises haproxy files made of the other section kinds (a ring, a cache, mailers)", () => {
    expect(formatFromContent("ring logs\n    format rfc5424\n    size 32768\n    server s 127.0.0.1:514\n")).toBe("haproxy");
    expect(formatFromContent("cache assets\n    total-max-size 64\n    max-age 60\nmailers m\n    mailer smtp 127.0.0.1:25\n")).toBe("haproxy");
  });

  it("recognises a file of one small haproxy section: a userlist, resolvers, peers, mailers, http-errors, cache, global", () => {
    for (const text of [
      "userlist admins\n    user admin password $5$abc$def\n",
      "resolvers dns\n    nameserver ns1 10.0.0.53:53\n",
      "peers lbs\n    peer lb1 10.0.0.1:10000\n",
      "mailers alerts\n    mailer smtp 127.0.0.1:25\n",
      "http-errors site\n    errorfile 503 /etc/haproxy/errors/503.http\n",
      "cache assets\n    total-max-size 64\n",
      "ring logs\n    size 32768\n",
      "global\n    daemon\n",
      "global\n    log stdout format raw local0\n",
    ]) {
      expect(formatFromContent(text), text).toBe("haproxy");
    }
    expect(formatFromContent("[user]\n    name = someone\n")).toBeUndefined();
  });
});
