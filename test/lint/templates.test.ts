// Templates (Jinja2, Go templates, ERB): nothing is reported on a template expression or between two
// exclusive branches of a template conditional; everything else is checked as in any file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { templateSpans } from "../../grammars/common/templates.js";
import { lintText } from "../rules/harness.js";

const where = (format: "haproxy" | "keepalived", text: string, ...ids: string[]) =>
  lintText(format, text)
    .filter((p) => ids.includes(p.ruleId))
    .map((p) => `${p.range.start.line + 1}:${p.range.start.column + 1}:${p.ruleId}`);

const HAPROXY_HEAD = "defaults\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";

describe("templates: findings on template expressions", () => {
  it("haproxy: values, keywords and control lines that are template expressions are not judged; the rest is", () => {
    const text = `${HAPROXY_HEAD}frontend www
    bind *:{{ port }}
    {{ extra_line }}
    default_backend app
backend app
{% for s in servers %}
    server {{ s.name }} {{ s.addr }}:80 check inter 2sec
{% endfor %}
    balance {{ algorithm }}
    balance round-robin
`;
    // Without the template lines' findings: `inter 2sec` (line 11) and `round-robin` (line 14) stay.
    expect(where("haproxy", text, "HA001", "HA004")).toEqual(["11:53:HA004", "14:13:HA004"]);
    // The same lines with plain words are all judged.
    const rendered = text.replace("*:{{ port }}", "*:port").replace("{% for s in servers %}", "for").replace("{{ extra_line }}", "extra_line");
    expect(where("haproxy", rendered, "HA001", "HA004").length).toBeGreaterThan(2);
  });

  it("keepalived: template values and loop lines in a value block are not judged; a plain bad entry is", () => {
    const text = `vrrp_instance VI_1 {
    state {{ state }}
    interface eth0
    virtual_router_id {{ vrid }}
    priority {{ prio }}
    advert_int abc
    virtual_ipaddress {
{% for ip in vips %}
        {{ ip }}/24
{% endfor %}
        10.0.0.300
    }
}
`;
    expect(where("keepalived", text, "KA001", "KA003", "KA008")).toEqual(["6:16:KA003", "11:9:KA008"]);
  });

  it("ERB and Go template expressions count too", () => {
    const erb = `${HAPROXY_HEAD}frontend www\n    bind <%= @address %>:<%= @port %>\n<% if @tls %>\n    default_backend app\n<% end %>\nbackend app\n    server a 10.0.0.1:80\n`;
    expect(where("haproxy", erb, "HA001", "HA004")).toEqual([]);
    const go = `${HAPROXY_HEAD}frontend www\n    bind :80\n    default_backend app\nbackend app{{range .servers}}\n    server {{.Name}} {{.Address}}:{{.Port}} check{{end}}\n`;
    expect(where("haproxy", go, "HA001", "HA003", "HA004", "HA009")).toEqual([]);
  });
});

describe("templates: exclusive branches", () => {
  const modes = (open: string, otherwise: string, close: string) =>
    `${HAPROXY_HEAD}frontend www\n    bind :80\n${open}\n    mode http\n${otherwise}\n    mode tcp\n${close}\n    default_backend app\nbackend app\n    server a 10.0.0.1:80\n`;

  it("a setting in each branch of an if/else is set once in any rendering (Jinja2, Go, ERB)", () => {
    expect(where("haproxy", modes("{% if tls %}", "{% else %}", "{% endif %}"), "HA022")).toEqual([]);
    expect(where("haproxy", modes("{%- if tls -%}", "{%- elif plain -%}", "{%- endif -%}"), "HA022")).toEqual([]);
    expect(where("haproxy", modes("{{ if .TLS }}", "{{ else }}", "{{ end }}"), "HA022")).toEqual([]);
    expect(where("haproxy", modes("<% if @tls -%>", "<% else -%>", "<% end -%>"), "HA022")).toEqual([]);
  });

  it("two separate conditionals, or a conditional and the lines after it, can both render: still reported", () => {
    expect(where("haproxy", modes("{% if tls %}", "{% endif %}{% if plain %}", "{% endif %}"), "HA022")).toEqual(["10:5:HA022"]);
    expect(where("haproxy", modes("{% if tls %}", "{% endif %}", ""), "HA022")).toEqual(["10:5:HA022"]);
    // A loop holds no branches: what it repeats can all render.
    expect(where("haproxy", modes("<% @modes.each do |m| %>", "", "<% end %>"), "HA022")).toEqual(["10:5:HA022"]);
  });

  it("a conditional on a value and one on its negation are exclusive (Jinja2 `not`, `is not defined`, Go `not`, ERB `unless`)", () => {
    expect(where("haproxy", modes("{% if tls %}", "{% endif %}\n{% if not tls %}", "{% endif %}"), "HA022")).toEqual([]);
    expect(where("haproxy", modes("{% if cfg.tls is defined %}", "{% endif %}\n{% if cfg.tls is not defined %}", "{% endif %}"), "HA022")).toEqual([]);
    expect(where("haproxy", modes("{{- if .TLS }}", "{{- end }}\n{{- if not .TLS }}", "{{- end }}"), "HA022")).toEqual([]);
    expect(where("haproxy", modes("<% if @tls -%>", "<% end -%>\n<% unless @tls -%>", "<% end -%>"), "HA022")).toEqual([]);
  });

  it("keepalived: a setting twice in a block that holds template tags is reported, unless the two are exclusive", () => {
    const instance = (body: string) => `vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 5\n${body}    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n`;
    expect(where("keepalived", instance("{{- if .Master }}\n    priority 150\n    priority 100\n{{- end }}\n"), "KA013")).toEqual(["6:5:KA013"]);
    expect(where("keepalived", instance("{% if master %}\n    priority 150\n{% else %}\n    priority 100\n{% endif %}\n"), "KA013")).toEqual([]);
    // A `$VAR` line may write anything: such a block is still not judged.
    expect(where("keepalived", `$EXTRA=advert_int 1\n${instance("    $EXTRA\n    priority 150\n    priority 100\n")}`, "KA013")).toEqual([]);
  });

  it("a truth test and a comparison, or tests of two values, can both hold: still reported", () => {
    expect(where("haproxy", modes("{% if tls %}", "{% endif %}\n{% if tls == 'strict' %}", "{% endif %}"), "HA022")).toEqual(["11:5:HA022"]);
    expect(where("haproxy", modes("{% if tls %}", "{% endif %}\n{% if not plain %}", "{% endif %}"), "HA022")).toEqual(["11:5:HA022"]);
    expect(where("haproxy", modes("{% if tls %}", "{% endif %}\n{% if tls %}", "{% endif %}"), "HA022")).toEqual(["11:5:HA022"]);
  });
});

describe("templates: templateSpans", () => {
  it("finds each kind of expression; a tag over several lines ends at its closer unless an opener of its kind comes first", () => {
    const text = "a {{ x }} b {% if y %} <%= z %> {# one\ntwo #} {{ open\n}} <% also\n%> {% if (a ==\n b) %} {{ lost\n{{ kept }} <% x\n<%= y %>";
    const spans = templateSpans(text);
    const found: string[] = [];
    for (let i = 0; i < spans.length; i += 2) found.push(text.slice(spans[i], spans[i + 1]));
    expect(found).toEqual(["{{ x }}", "{% if y %}", "<%= z %>", "{# one\ntwo #}", "{{ open\n}}", "<% also\n%>", "{% if (a ==\n b) %}", "{{ kept }}", "<%= y %>"]);
  });

  it("long runs of openers without closers find nothing and end (linear scan)", () => {
    for (const run of ["{#", "{{", "{%", "<%", "{"]) expect(templateSpans(run.repeat(200_000))).toEqual([]);
    expect(templateSpans(`${"{{".repeat(100_000)} }}`).length).toBe(2);
  });
});

describe("templates: templateSpans against the rule it stands for", () => {
  // The rule written plainly, with plain searches from each position in turn (quadratic, fine for
  // short texts), against the one forward pass of templateSpans: a tag ends at the first closer of its
  // kind; over a line break only if no opener of its kind starts before that closer; a `{# … #}`
  // comment at its first `#}`.
  const KINDS: Readonly<Record<string, string>> = { "{{": "}}", "{%": "%}", "<%": "%>" };
  function endAt(text: string, at: number): number {
    const opener = text.slice(at, at + 2);
    if (opener === "{#") {
      const close = text.indexOf("#}", at + 2);
      return close < 0 ? -1 : close + 2;
    }
    const closer = KINDS[opener];
    if (closer === undefined) return -1;
    const close = text.indexOf(closer, at + 2);
    if (close < 0) return -1;
    // An opener that starts before the closer does, even one sharing its `%` (`<%\n<%>`), comes first.
    const next = text.indexOf(opener, at + 2);
    return /[\r\n]/.test(text.slice(at + 2, close)) && next >= 0 && next < close ? -1 : close + 2;
  }
  function reference(text: string): number[] {
    const spans: number[] = [];
    for (let i = 0; i < text.length; ) {
      const end = endAt(text, i);
      if (end >= 0) {
        spans.push(i, end);
        i = end;
      } else i++;
    }
    return spans;
  }

  it("finds the same spans on arbitrary texts of template characters", () => {
    const alphabet = fc.constantFrom("{{", "}}", "{%", "%}", "{#", "#}", "<%", "%>", "<%=", "{", "}", "%", "#", "<", ">", " ", "a", "\n", "\r");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (characters) => {
        const text = characters.join("");
        expect(templateSpans(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
