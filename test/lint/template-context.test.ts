// Templates whose structure hides what the rendered file holds: tags over several lines, macros,
// expressions that write several words or whole lines, names built from expressions. The findings they
// cause are dropped; the same findings on plain lines next to them stay, at their exact places.
import { describe, expect, it } from "vitest";
import { expectFindings, lintText } from "../rules/harness.js";

const where = (format: "haproxy" | "keepalived", text: string, ...ids: string[]) =>
  lintText(format, text)
    .filter((p) => ids.includes(p.ruleId) && p.code !== "template-syntax")
    .map((p) => `${p.range.start.line + 1}:${p.range.start.column + 1}:${p.ruleId}`);

const HEAD = "global\n    chroot /var/empty\n    user haproxy\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";

describe("templates: tags over several lines", () => {
  it("Jinja: the lines of a long `{% if %}` or `{{ }}` are not directives, and its branches stay exclusive", () => {
    const text = `${HEAD}frontend www
    bind :80
    {% if (listener.protocol ==
           'tcp') %}
    mode tcp
    {% else %}
    mode http
    {% endif %}
    default_backend {{ "app_%s"|format(
        name) }}
    reqadd X-Forwarded-Proto:\\ https
`;
    expect(where("haproxy", text, "HA001", "HA022", "HA005")).toEqual(["19:5:HA005"]);
  });

  it("ERB: a block of Ruby over several lines, with `end` and `if` in one tag, is not directives and keeps its branches", () => {
    const text = `${HEAD}frontend www
    bind :80
<%
  node['sites'].each do |site|
-%>
    default_backend app
<%
  end
  if @tls
-%>
    mode tcp
<% else -%>
    mode http
<% end -%>
    mode tcp
backend app
    server a 10.0.0.1:80
`;
    // Lines 11-13 and 15-18 are Ruby; the last `mode tcp` (23) repeats the one in the `if` branch (19).
    expect(where("haproxy", text, "HA001", "HA022", "syntax")).toEqual(["23:5:HA022"]);
  });
});

describe("templates: conditionals on one value", () => {
  const checks = (first: string, second: string) => `${HEAD}frontend www
    bind :80
    default_backend app
backend app
{% if ${first} %}
    option httpchk
{% endif %}
{% if ${second} %}
    option ssl-hello-chk
{% endif %}
    server a 10.0.0.1:80 check
`;

  it("two conditionals testing one subject against different values never both render", () => {
    expect(where("haproxy", checks("hm.type == 'HTTP'", "hm.type == 'TLS'"), "HA033")).toEqual([]);
    expect(where("haproxy", checks("(hm.type ==\n     constants.HTTP or hm.type == constants.HTTPS)", "hm.type == constants.TLS_HELLO"), "HA033")).toEqual([]);
    const go = `${HEAD}frontend www\n    bind :80\n{{ if eq .Mode "tcp" }}\n    mode tcp\n{{ end }}\n{{ if eq .Mode "http" "h2" }}\n    mode http\n{{ end }}\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n`;
    expect(where("haproxy", go, "HA022")).toEqual([]);
  });

  it("the same value, another subject, or a test that is not an equality: both may render, still reported", () => {
    expect(where("haproxy", checks("hm.type == 'HTTP'", "hm.type == 'HTTP' or hm.type == 'TLS'"), "HA033")).toEqual(["17:5:HA033"]);
    expect(where("haproxy", checks("hm.type == 'HTTP'", "other == 'TLS'"), "HA033")).toEqual(["17:5:HA033"]);
    expect(where("haproxy", checks("hm.type != 'HTTP'", "hm.type == 'TLS'"), "HA033")).toEqual(["17:5:HA033"]);
  });
});

describe("templates: deep nesting", () => {
  it("20,000 nested conditionals around a setting given twice: it is still compared, without building 20,000 paths of 20,000 levels", () => {
    const text = `${HEAD}${"{% if a %}\n".repeat(20_000)}frontend www\n    bind :80\n    mode tcp\n    mode http\n`;
    const line = 8 + 20_000 + 4;
    expect(where("haproxy", text, "HA033", "HA022")).toEqual([`${line}:5:HA022`]);
  });
});

describe("templates: macros", () => {
  it("a macro's lines land where it is called: findings about their section go, what a line says by itself stays", () => {
    expectFindings(
      "haproxy",
      "HA005",
      `${HEAD}{% macro peers_macro(listener) %}
peers {{ listener.id }}
    peer a 10.0.0.1:1024
{% endmacro %}
{% macro rules_macro(policy) %}
    acl {{ policy.id }} path /x
    http-request deny if {{ policy.id }}
    «reqadd» X-Forwarded-Proto:\\ https
{% endmacro %}
frontend www
    bind :80
    {{ rules_macro(policy) }}
    default_backend app
backend app
    server a 10.0.0.1:80
`,
    );
    const text = lintText("haproxy", `${HEAD}{% macro peers_macro() %}\npeers p\n    peer a 10.0.0.1:1024\n{% endmacro %}\n{% macro rules_macro() %}\n    acl x path /x\n{% endmacro %}\n`);
    expect(text.filter((p) => p.code === "wrong-section")).toEqual([]);
  });

  it("Go `define`: lines before any section are not reported outside a section; a plain one still is", () => {
    const text = `{{ define "server" }}\n    server {{ .Name }} {{ .IP }}:80\n{{ end }}\n    maxconn 10\n${HEAD}`;
    expect(where("haproxy", text, "syntax")).toEqual(["4:5:syntax"]);
  });
});

describe("templates: expressions that write several words", () => {
  it("a word count or a missing word is not judged on a line whose arguments are partly an expression", () => {
    const text = `${HEAD}frontend www
    bind :80
    log {{ log_target }}
    redirect {{ redirect }}
    acl {{ acl }}
    log
    redirect code 301
    default_backend app
backend app
    server a 10.0.0.1:80
`;
    expect(where("haproxy", text, "HA003", "HA004")).toEqual(["14:5:HA003", "15:5:HA004"]);
  });
});

describe("templates: lines an expression may write", () => {
  it("a line of template output (or an include) may hold the missing line of its section; other sections are still checked", () => {
    const text = `${HEAD}{{ frontends }}
backend app
<%= "server a 10.0.0.1:80" %>
backend empty
    balance roundrobin
`;
    expect(where("haproxy", text, "HA023", "HA024")).toEqual(["12:9:HA024"]);
    const include = `${HEAD}frontend www\n    {% include "binds.cfg" %}\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n`;
    expect(where("haproxy", include, "HA023")).toEqual([]);
  });

  it("global settings written by an expression in the global section only", () => {
    const bare = "global\n    daemon\n{% for line in global_lines %}\n    {{ line }}\n{% endfor %}\ndefaults\n    timeout connect 5s\n";
    expect(where("haproxy", bare, "HA043")).toEqual([]);
    const elsewhere = "global\n    daemon\ndefaults\n    timeout connect 5s\n    {{ defaults_line }}\n";
    expect(where("haproxy", elsewhere, "HA043")).toEqual(["1:1:HA043"]);
  });

  it("a server's last word written by an expression may be `check`; an `option` written by one may be `option httpchk`", () => {
    const text = `${HEAD}frontend www
    bind :80
    default_backend app
backend app
    option {{ check_option }}
    http-check expect status 200
    server a 10.0.0.1:80 {{ server_options }}
backend glued
    option httpchk
    server {{ name }} {{ address }}:{{ port }}
`;
    expect(where("haproxy", text, "HA035", "HA036")).toEqual(["17:5:HA036"]);
  });

  it("Ansible's trim_blocks joins a line ended by a block tag to the next: a word there counts for the line before", () => {
    const text = `${HEAD}frontend www
    bind :80
    default_backend app
backend app
    option httpchk
{% for s in servers %}
    server {{ s.name }} {{ s.address }}:80{% if s.tls %} ssl{% endif %}
{% if s.check %} check{% endif %}
{% endfor %}
`;
    expect(where("haproxy", text, "HA036")).toEqual([]);
  });

  it("keepalived: a line of output in a value block is one more value, not a missing block", () => {
    const text = "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    unicast_peer {\n        {{ peer_ip }}\n    }\n}\n";
    expect(where("keepalived", text, "KA046")).toEqual(["1:15:KA046"]);
    expect(where("keepalived", text.replace("    unicast_peer {\n        {{ peer_ip }}\n    }\n", "    {{ vip_block }}\n"), "KA046")).toEqual([]);
  });

  it("keepalived: script security set by a line of output in global_defs", () => {
    const text = "global_defs {\n{% for d in defs %}\n    {{ d }}\n{% endfor %}\n}\nvrrp_script chk {\n    script /bin/true\n    interval 2\n    timeout 1\n    weight 2\n}\n";
    expect(where("keepalived", text, "KA018")).toEqual([]);
    expect(where("keepalived", text.replace("    {{ d }}\n", "    router_id {{ d }}\n"), "KA018")).toEqual(["7:5:KA018"]);
  });
});

describe("templates: names built from expressions", () => {
  it("a reference to a name that a definition's expression may write is not reported; unused names neither", () => {
    const text = `${HEAD}frontend www
    bind :80
    use_backend app1 if { path_beg /a }
    default_backend app2
{% for n in [1, 2] %}
backend app{{ n }}
    server s1 10.0.0.1:80
{% endfor %}
`;
    expect(where("haproxy", text, "HA010", "HA015")).toEqual([]);
    const plain = text.replace("backend app{{ n }}", "backend app0");
    expect(where("haproxy", plain, "HA010")).toEqual(["11:17:HA010", "12:21:HA010"]);
    // A server named by an expression says nothing of backends.
    const servers = plain.replace("server s1 10.0.0.1:80", "server s{{ n }} 10.0.0.1:80");
    expect(where("haproxy", servers, "HA010")).toEqual(["11:17:HA010", "12:21:HA010"]);
  });
});
