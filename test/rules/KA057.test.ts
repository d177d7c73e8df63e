import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA057 comment-backslash", () => {
  it("accepts comments that end otherwise, a doubled backslash, blanks after it, and a definition continued on the next line", () => {
    expectKeepalived(
      "KA057",
      '$PEERS=10.1.1.2 \\\n  10.1.1.3\nglobal_defs {\n  router_id edge-a # not \\\\\n  # a path like C:\\temp\\ \n}\nvrrp_instance VI_7 {\n  interface ens4\n  virtual_router_id 17\n  priority 120 ! primary\n  virtual_ipaddress {\n    10.1.1.50/24\n  }\n}\n',
    );
  });

  it("reports the backslash keepalived glues to the last word before the comment, or reads alone", () => {
    // keepalived 2.2.7 -t: "(Line 7) invalid number '120\'", "(Line 9) Invalid address prefix len 24\ ...", "(Line 10) Unknown keyword '\'"; router_id edge-a\ silently
    const found = expectKeepalived(
      "KA057",
      'global_defs {\n  router_id edge-a # site A «\\»\n}\nvrrp_instance VI_7 {\n  interface ens4\n  virtual_router_id 17\n  priority 120 # see the table «\\»\n  virtual_ipaddress {\n    10.1.1.50/24 ! floating «\\»\n  } # end of VIPs «\\»\n}\n',
    );
    expect(found.map((p) => p.message)).toEqual([
      "keepalived adds this backslash to 'edge-a', the last word before the comment ('edge-a\\'), although it stands in the comment; end the comment with another character",
      "keepalived adds this backslash to '120', the last word before the comment ('120\\'), although it stands in the comment; end the comment with another character",
      "keepalived adds this backslash to '10.1.1.50/24', the last word before the comment ('10.1.1.50/24\\'), although it stands in the comment; end the comment with another character",
      "keepalived reads this backslash at the end of the line as a keyword of its own ('\\'), although it stands in a comment; end the comment with another character",
    ]);
  });

  it("reports it on a line that is only a comment, and in a file with CRLF line ends", () => {
    expectKeepalived("KA057", "vrrp_instance VI_7 {\r\n  # checked by ops «\\»\r\n  interface ens4\r\n  virtual_router_id 17\r\n  priority 120 # see the table «\\»\r\n}\r\n");
  });

  it("warns about a comment started by a backslash whose braces keepalived still counts", () => {
    const found = expectKeepalived(
      "KA057",
      "vrrp_instance VI_1 {\n    interface eth0\n«\\#    track_script {»\n    priority 100 «\\# was 150 }»\n    advert_int 1 \\# {balanced}\n    state BACKUP # a plain comment {\n}\n",
    );
    expect(found.map((problem) => [problem.severity, problem.message])).toEqual([
      ["warning", "keepalived reads this as a comment but still counts its '{', and reports a missing '}' (keepalived -t fails); remove the brace from the comment or start it with '#' alone"],
      ["warning", "keepalived reads this as a comment but still counts its '}', and reports an extra '}' (keepalived -t fails); remove the brace from the comment or start it with '#' alone"],
    ]);
  });
});
