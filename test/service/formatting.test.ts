// Formatting: indentation per level, trailing blanks, one keepalived statement per line.
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { parseHaproxy } from "../../grammars/haproxy/parse.js";
import { parseKeepalived } from "../../grammars/keepalived/parse.js";
import { formatEdits } from "../../server/src/service/formatting.js";

const spaces = { tabSize: 4, insertSpaces: true };
const haproxy = (text: string, options = spaces) => applyEdits(text, formatEdits(parseHaproxy(text), options));
const keepalived = (text: string, options = spaces) => applyEdits(text, formatEdits(parseKeepalived(text), options));

describe("haproxy formatting", () => {
  it("indents section bodies one step and headers not at all, and drops trailing blanks", () => {
    const text = "  global\n\tdaemon   \n# about the frontend\nfrontend www\nbind :80\n        default_backend app   # why\n   \nbackend app\n  server a 10.0.0.1:80\n";
    expect(haproxy(text)).toBe("global\n    daemon\n# about the frontend\nfrontend www\n    bind :80\n    default_backend app   # why\n\nbackend app\n    server a 10.0.0.1:80\n");
  });

  it("uses tabs when asked and keeps escaped trailing spaces", () => {
    expect(haproxy("backend app\n  server a 10.0.0.1:80\n", { tabSize: 4, insertSpaces: false })).toBe("backend app\n\tserver a 10.0.0.1:80\n");
    const escaped = "frontend f\n    http-response set-header X a\\ \n";
    expect(haproxy(escaped)).toBe(escaped);
  });

  it("leaves a formatted file alone", () => {
    const text = "global\n    daemon\n\nfrontend www\n    bind :80\n";
    expect(formatEdits(parseHaproxy(text), spaces)).toEqual([]);
  });
});

describe("keepalived formatting", () => {
  it("indents blocks by depth and puts the brace on the header line", () => {
    const text = "vrrp_instance VI_1\n{\nstate MASTER\n      virtual_ipaddress {\n10.0.0.1/24\n}\n}\n";
    expect(keepalived(text)).toBe("vrrp_instance VI_1 {\n    state MASTER\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n");
  });

  it("puts each statement keepalived reads on its own line, so a one-line block shows what it holds", () => {
    const text = "vrrp_instance VI_1 {\n    authentication { auth_type PASS auth_pass secret }\n} priority 100\n";
    expect(keepalived(text)).toBe("vrrp_instance VI_1 {\n    authentication {\n        auth_type PASS auth_pass secret\n    }\n}\npriority 100\n");
  });

  it("indents another host's header of a block as the block's own header", () => {
    const text = "virtual_server 10.0.0.1 80 {\nprotocol TCP\n@high real_server 10.0.0.2 80 {\n        @low real_server 10.0.0.3 80   {\n weight 1\n }\n}\n";
    expect(keepalived(text)).toBe("virtual_server 10.0.0.1 80 {\n    protocol TCP\n    @high real_server 10.0.0.2 80 {\n    @low real_server 10.0.0.3 80 {\n        weight 1\n    }\n}\n");
  });

  it("keeps comments, with those after a statement on its line", () => {
    const text = "global_defs {\n  # who to tell\n  router_id lb1 ! the name\n}\n";
    expect(keepalived(text)).toBe("global_defs {\n    # who to tell\n    router_id lb1 ! the name\n}\n");
  });

  it("formats only the lines of a range", () => {
    const text = "global_defs {\nrouter_id a\nenable_script_security\n}\n";
    const edits = formatEdits(parseKeepalived(text), spaces, { startLine: 2, endLine: 2 });
    expect(applyEdits(text, edits)).toBe("global_defs {\nrouter_id a\n    enable_script_security\n}\n");
  });
});

describe("formatting templates", () => {
  it("haproxy: a template's own lines keep their indentation; the configuration lines around them are indented", () => {
    const text = "backend app\n{% for s in servers %}\n  server {{ s.name }} {{ s.addr }}:80 check   \n{% endfor %}\n<% if @tls %>\n      {# note #}\n  {{ extra_line }}\n";
    expect(haproxy(text)).toBe("backend app\n{% for s in servers %}\n    server {{ s.name }} {{ s.addr }}:80 check\n{% endfor %}\n<% if @tls %>\n      {# note #}\n    {{ extra_line }}\n");
  });

  it("keepalived: the same in blocks", () => {
    const text = "vrrp_instance VI_1 {\nvirtual_ipaddress {\n{% for ip in vips %}\n{{ ip }}/24\n{% endfor %}\n}\n}\n";
    expect(keepalived(text)).toBe("vrrp_instance VI_1 {\n    virtual_ipaddress {\n{% for ip in vips %}\n        {{ ip }}/24\n{% endfor %}\n    }\n}\n");
  });
});
