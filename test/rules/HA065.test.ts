import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";

describe("HA065 proto-mode-mismatch", () => {
  it("accepts protocols that fit the proxy's mode and side", () => {
    expectHaproxy(
      "HA065",
      "frontend f\n    mode http\n    bind :443 proto h2\n    default_backend b\n\nbackend b\n    mode http\n    use-fcgi-app php\n    server s1 10.0.0.1:9000 proto fcgi\n    server s2 10.0.0.2:80 proto h2\n\nlisten l\n    mode tcp\n    bind :25 proto none\n    server s 10.0.0.3:25 proto none\n\nfcgi-app php\n    docroot /var/www\n",
    );
  });

  it("reports HTTP protocols in mode tcp, tcp in mode http, and fcgi on a bind", () => {
    const found = expectHaproxy(
      "HA065",
      "frontend f\n    bind :443 proto «h2»\n    default_backend b\n\nfrontend g\n    mode http\n    bind :80 proto «fcgi»\n    bind :81 proto «none»\n    default_backend b2\n\nbackend b\n    server s1 10.0.0.1:80 proto «h1»\n\nbackend b2\n    mode http\n    server s2 10.0.0.2:80\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'h2' is an HTTP protocol and frontend 'f' is in mode tcp (haproxy's default): haproxy refuses 'proto h2' for 'bind :443'",
      "'fcgi' speaks to servers only; a bind cannot use it: haproxy refuses 'proto fcgi' for 'bind :80'",
      "'none' is a TCP protocol and frontend 'g' is in mode http: haproxy refuses 'proto none' for 'bind :81'",
      "'h1' is an HTTP protocol and backend 'b' is in mode tcp (haproxy's default): haproxy refuses 'proto h1' for server 's1'",
    ]);
  });

  it("follows a proto given by default-server, in the section or its defaults", () => {
    const found = expectHaproxy(
      "HA065",
      "defaults\n    mode tcp\n    default-server proto h2\n\nbackend b\n    server «s1» 10.0.0.1:80\n\nbackend c\n    default-server proto none\n    server s2 10.0.0.2:80\n",
    );
    expect(found[0]!.message).toBe("'h2' is an HTTP protocol and backend 'b' is in mode tcp (from defaults): haproxy refuses 'proto h2' for server 's1' (it comes from the default-server on line 3)");
    expect(found[0]!.related?.[0]?.range.start.line).toBe(2);
  });
});

describe("HA065 proto-mode-mismatch: QUIC protocols on a server", () => {
  const text = "frontend f\n    mode http\n    bind :443 proto h3\n    default_backend b\n\nbackend b\n    mode http\n    server s1 10.0.0.1:443 proto «h3»\n    server s2 10.0.0.2:443 proto «quic»\n";
  it("reports h3 and quic on a server before 3.3, which haproxy 2.6.12 refuses (tenth mutation round)", () => {
    const found = expectHaproxy("HA065", text, { haproxyVersion: "2.6" });
    expect(found[0]!.message).toBe("'h3' speaks to clients only (on bind lines) before haproxy 3.3; a server cannot use it: haproxy refuses 'proto h3' for server 's1'");
  });
  it("leaves them to 3.4, whose servers may speak QUIC", () => {
    expect(lintText("haproxy", text.replace(/[«»]/g, ""), { haproxyVersion: "3.4" }).filter((p) => p.ruleId === "HA065")).toEqual([]);
  });
});
