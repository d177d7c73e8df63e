// Renaming finds every place the daemon reads the name, and refuses what cannot work.
import { describe, expect, it } from "vitest";
import { edit, findBlock, findHaproxyStatement, findSection, parseHaproxy, parseKeepalived } from "../../grammars/index.js";

const HAPROXY = `global
    log ring@logs local0

ring logs
    size 32764

userlist admins
    user root insecure-password x

resolvers dns
    nameserver ns1 10.0.0.53:53

peers mesh
    peer lb1 10.0.0.1:1024

frontend www
    bind :80
    acl auth_ok http_auth(admins)
    acl in_group http_auth_group(admins) ops
    acl down nbsrv(web) lt 1
    acl busy be_conn(web) gt 100
    acl rate be_sess_rate(web) gt 10
    acl queued queue(web) gt 0
    acl avgq avg_queue(web) gt 0
    acl slots connslots(web) lt 5
    acl up srv_is_up(web/web1)
    acl conns srv_conn(web/web1) gt 5
    acl abuse sc_http_req_rate(0,web) gt 10
    acl abuse2 sc0_conn_cur(web) gt 10
    acl abuse3 src_conn_rate(web) gt 10
    acl cnt table_cnt(web) gt 10
    http-request track-sc0 src table web
    http-request deny if { src,table_conn_cnt(web) gt 10 }
    http-request set-var(txn.n) nbsrv(web)
    stats scope web
    use_backend web if { path_beg /static } !down
    default_backend web

backend web
    stick-table type ip size 1m peers mesh
    stick on src table web
    use-server web1 if { path_beg /one }
    server web1 10.0.0.1:80 check resolvers dns
    server web2 10.0.0.2:80 track web1

backend api
    server api1 10.0.0.9:80 track web/web1
`;

function renamed(target: (doc: ReturnType<typeof parseHaproxy>) => Parameters<ReturnType<typeof edit>["rename"]>[0], name: string): string {
  const doc = parseHaproxy(HAPROXY);
  return edit(doc).rename(target(doc), name).toString();
}

describe("renaming haproxy names", () => {
  it("renames a backend everywhere haproxy reads its name", () => {
    const out = renamed((doc) => findSection(doc.ast, "backend", "web")!, "static");
    expect(out.match(/\bweb\b(?!\d)/g) ?? []).toEqual([]);
    for (const expected of [
      "nbsrv(static)",
      "be_conn(static)",
      "be_sess_rate(static)",
      "queue(static)",
      "avg_queue(static)",
      "connslots(static)",
      "srv_is_up(static/web1)",
      "srv_conn(static/web1)",
      "sc_http_req_rate(0,static)",
      "sc0_conn_cur(static)",
      "src_conn_rate(static)",
      "table_cnt(static)",
      "track-sc0 src table static",
      "table_conn_cnt(static)",
      "set-var(txn.n) nbsrv(static)",
      "stats scope static",
      "use_backend static if",
      "default_backend static",
      "stick on src table static",
      "backend static",
      "track static/web1",
    ]) {
      expect(out, expected).toContain(expected);
    }
  });

  it("renames a server in use-server, track and srv_* fetches, and nowhere else", () => {
    const out = renamed((doc) => findHaproxyStatement(findSection(doc.ast, "backend", "web")!, "server")!, "primary");
    expect(out).toContain("server primary 10.0.0.1:80");
    expect(out).toContain("use-server primary if");
    expect(out).toContain("track primary\n");
    expect(out).toContain("track web/primary\n");
    expect(out).toContain("srv_is_up(web/primary)");
    expect(out).toContain("srv_conn(web/primary)");
    expect(out).toContain("backend web\n");
  });

  it("renames userlists, resolvers, peers and rings with their references", () => {
    expect(renamed((doc) => findSection(doc.ast, "userlist")!, "staff")).toContain("http_auth(staff)\n    acl in_group http_auth_group(staff) ops");
    expect(renamed((doc) => findSection(doc.ast, "resolvers")!, "dns2")).toContain("resolvers dns2\n");
    expect(renamed((doc) => findSection(doc.ast, "resolvers")!, "dns2")).toContain("check resolvers dns2\n");
    expect(renamed((doc) => findSection(doc.ast, "peers")!, "cluster")).toContain("peers cluster\n");
    expect(renamed((doc) => findSection(doc.ast, "ring")!, "events")).toContain("log ring@events local0");
  });

  it("renames a backend and one of its servers with one editor", () => {
    const doc = parseHaproxy(HAPROXY);
    const web = findSection(doc.ast, "backend", "web")!;
    const out = edit(doc).rename(web, "static").rename(findHaproxyStatement(web, "server")!, "primary").toString();
    expect(out).toContain("track static/primary\n");
    expect(out).toContain("srv_is_up(static/primary)");
  });

  it("skips references that an earlier call removed", () => {
    const doc = parseHaproxy("frontend fe\n  bind :80\n  default_backend web\nbackend web\n  server s 10.0.0.1:80\n");
    const fe = findSection(doc.ast, "frontend")!;
    const out = edit(doc).remove(findHaproxyStatement(fe, "default_backend")!).rename(findSection(doc.ast, "backend")!, "pool").toString();
    expect(out).toBe("frontend fe\n  bind :80\nbackend pool\n  server s 10.0.0.1:80\n");
  });

  it("keeps a frontend and a backend of the same name apart", () => {
    const text = "frontend app\n  bind :80\n  acl c fe_conn(app) gt 1\n  default_backend app\nbackend app\n  server s 10.0.0.1:80\n";
    const doc = parseHaproxy(text);
    expect(edit(doc).rename(findSection(doc.ast, "frontend")!, "edge").toString()).toBe(text.replace("frontend app", "frontend edge").replace("fe_conn(app)", "fe_conn(edge)"));
    expect(edit(doc).rename(findSection(doc.ast, "backend")!, "pool").toString()).toBe(text.replace("\nbackend app", "\nbackend pool").replace("default_backend app", "default_backend pool"));
  });

  it("refuses names that are taken, empty or not one haproxy name", () => {
    const doc = parseHaproxy(HAPROXY);
    const web = findSection(doc.ast, "backend", "web")!;
    expect(() => edit(doc).rename(web, "api")).toThrow(/already taken by backend 'api'/);
    expect(() => edit(doc).rename(web, "")).toThrow(/empty/);
    expect(() => edit(doc).rename(web, "  ")).toThrow(/empty/);
    for (const bad of ["a b", 'a"b', "a#b", "a'b", "a$b"]) expect(() => edit(doc).rename(web, bad), bad).toThrow(/is not a name haproxy accepts/);
    expect(() => edit(doc).rename(findHaproxyStatement(web, "server")!, "web2")).toThrow(/already has a server named 'web2'/);
    expect(() => edit(doc).rename(findSection(doc.ast, "global")!, "x")).toThrow(/without a name/);
    const variable = parseHaproxy('backend "${BE}"\n  server s 10.0.0.1:80\n');
    expect(() => edit(variable).rename(variable.ast.sections[0]!, "x")).toThrow(/comes from a variable/);
  });

  it("renames a backend to the name of a frontend or a defaults section, which haproxy allows", () => {
    const doc = parseHaproxy("defaults d\n  mode http\nfrontend a\n  bind :80\nbackend b\n  server s 10.0.0.1:80\n");
    expect(edit(doc).rename(findSection(doc.ast, "backend")!, "a").toString()).toContain("backend a\n");
    expect(edit(doc).rename(findSection(doc.ast, "backend")!, "d").toString()).toContain("backend d\n");
    expect(() => edit(doc).rename(findSection(doc.ast, "frontend")!, "b")).not.toThrow();
  });
});

const KEEPALIVED = `vrrp_script chk {
    script "/bin/true"
}
vrrp_track_process proc {
    process haproxy
}
vrrp_track_file flag {
    file /tmp/flag
}
vrrp_sync_group VG {
    group {
        VI_1
    }
    track_script {
        chk
    }
}
vrrp_instance VI_1 {
    track_script {
        chk weight 10
    }
    track_process {
        proc
    }
    track_file {
        flag
    }
}
virtual_server_group G {
    10.0.0.1 80
}
virtual_server group G {
    lb_algo rr
}
`;

describe("renaming keepalived names", () => {
  it("renames scripts, tracked processes and files, instances and server groups with their references", () => {
    const doc = parseKeepalived(KEEPALIVED);
    const out = edit(doc)
      .rename(findBlock(doc.ast, "vrrp_script")!, "chk2")
      .rename(findBlock(doc.ast, "vrrp_track_process")!, "proc2")
      .rename(findBlock(doc.ast, "vrrp_track_file")!, "flag2")
      .rename(findBlock(doc.ast, "vrrp_instance")!, "VI_9")
      .rename(findBlock(doc.ast, "virtual_server_group")!, "G2")
      .toString();
    expect(out).toBe(
      KEEPALIVED.replace(/\bchk\b/g, "chk2").replace(/\bproc\b/g, "proc2").replace(/(?<!\/)\bflag\b/g, "flag2").replace(/\bVI_1\b/g, "VI_9").replace(/\bG\b/g, "G2"),
    );
  });

  it("refuses names that are taken, empty or not one keepalived word", () => {
    const doc = parseKeepalived(KEEPALIVED + "vrrp_script other {\n    script /bin/false\n}\n");
    const chk = findBlock(doc.ast, "vrrp_script", "chk")!;
    expect(() => edit(doc).rename(chk, "other")).toThrow(/already taken/);
    for (const bad of ["", " ", "a b", 'a"b', "a#b", "a!b", "a{", "$X"]) expect(() => edit(doc).rename(chk, bad), bad).toThrow(RangeError);
    expect(() => edit(doc).rename(findBlock(doc.ast, "vrrp_instance")!.items[0] as never, "x")).toThrow();
  });
});
