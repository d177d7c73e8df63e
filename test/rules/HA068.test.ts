import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectHaproxy, lintText } from "./harness.js";
import { haproxyCheck } from "../../scripts/oracle/haproxy-check.mjs";

const config = (expression: string) =>
  `frontend f\n    mode http\n    bind :8000\n    http-request set-header x "%[${expression}]"\n    default_backend be\n\nbackend be\n    mode http\n    server www 127.0.0.1:80\n`;
const V26 = { haproxyVersion: "2.6" };
const GOOD = ["url_param(a,b)", "req.hdr(host),field(1,:)", "var(txn.input),add_item(',',txn.var,_suff_)", "src,ipmask(24)", "path", "req.hdr(host),lower", "src,lower,ipmask(24)", "req.body,hex,lower", "var(txn.x),div(2)", "always_true,add(1)", "req.body,be2dec(,1)", "req.body,be2dec(-,8,1)", "req.body,bytes(1,)", "str(a),ipmask(24,)"];
const BAD = ["url_param(a,,i)", "hdr(a,1,x)", "req.hdr(host),lower(x)", "req.hdr(host),field(1)", "src,ipmask(24,64,1)", "req.hdr(host),bytes", "req.hdr(host),bytes(txn.offset)", "req.body,be2dec()", "req.body,be2dec(,9)", "req.payload(0,)", "req.body,bytes(,1)", "str(a),ipmask(,64)"];

describe("HA068 sample-arguments", () => {
  it("accepts calls within their argument counts, quoted commas included", () => {
    for (const expression of GOOD) expectHaproxy("HA068", config(expression), V26);
  });

  it("reports too many and too few arguments on the fetch or converter's name", () => {
    // Unquoted, so that the range can be the name itself (in a quoted word it is the whole word).
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const found = expectHaproxy("HA068", plain("«url_param»(a,,i)"), V26);
    expect(found[0]!.message).toBe("sample fetch 'url_param' takes at most 2 arguments in haproxy 2.6, and is given 3; haproxy refuses the line");
    const few = expectHaproxy("HA068", plain("req.hdr(host),«field»(1)"), V26);
    expect(few[0]!.message).toBe("converter 'field' needs at least 2 arguments, and is given 1; haproxy refuses the line");
  });

  it("at 2.6, reports an integer argument that is no integer, on the argument", () => {
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const [variable] = expectHaproxy("HA068", plain("req.hdr(host),bytes(«txn.offset»)"), V26);
    expect(variable!.message).toBe("converter 'bytes' takes an integer as argument 1 in haproxy 2.6, not 'txn.offset'; haproxy refuses the line");
    const [unit] = expectHaproxy("HA068", plain("req.payload(0,«1k»)"), V26);
    expect(unit!.message).toBe("sample fetch 'req.payload' takes an integer as argument 2 in haproxy 2.6, not '1k'; haproxy refuses the line");
    expectHaproxy("HA068", plain('req.hdr(host),bytes(-1,"2")'), V26);
    expectHaproxy("HA068", plain("req.hdr(host),bytes(${OFFSET})"), V26);
    expectHaproxy("HA068", plain("req.hdr(host),bytes(txn.offset)"), { haproxyVersion: "3.4" });
    const [mask] = expectHaproxy("HA068", plain("src,ipmask(«33»,«129»)"), V26).slice(0, 1);
    expect(mask!.message).toBe("converter 'ipmask' takes an IPv4 mask as argument 1 in haproxy 2.6, not '33'; haproxy refuses the line");
    expectHaproxy("HA068", plain("src,ipmask(255.255.0.0,64)"), V26);
  });

  it("at 2.6, reports closed argument words: arithmetic operands, json's code type, date's unit", () => {
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const found = expectHaproxy("HA068", plain("int(1),div(«x»),add(txn.x),mul(-2),mod(«0x10»),xor(sess.a.b),json(«UTF8»),json(utf8s)"), V26);
    expect(found.map((p) => p.message)).toEqual([
      "converter 'div' takes an integer or a variable's name (txn.NAME…) as argument 1, not 'x'; haproxy refuses the line",
      "converter 'mod' takes an integer or a variable's name (txn.NAME…) as argument 1, not '0x10'; haproxy refuses the line",
      "converter 'json' takes an input code type (ascii, utf8, utf8s, utf8p, utf8ps) as argument 1, not 'UTF8'; haproxy refuses the line",
    ]);
    const variables = expectHaproxy("HA068", plain("var(txn.a),strcmp(«x»),concat(a,«y»,b),concat(a,txn.b,c),secure_memcmp(txn.c)"), V26);
    expect(variables[0]!.message).toBe("converter 'strcmp' takes a variable's name with its scope (txn.NAME…) as argument 1, not 'x'; haproxy refuses the line");
    const [unit] = expectHaproxy("HA068", plain("date(1,«S»)"), V26);
    expect(unit!.message).toBe("sample fetch 'date' takes a unit (s, ms, us) as argument 2, not 'S'; haproxy refuses the line");
    expectHaproxy("HA068", plain("date(1,ms)"), V26);
  });

  it("reports a call whose arguments no ')' closes, as haproxy 2.6.12 does", () => {
    const found = expectHaproxy("HA068", "frontend f\n    bind :8000\n    acl a «req.hdr»(10.0.0.1:9080 -m found\n    http-request deny if { «res.hdr»(content-type audio/mp3 }\n    http-request set-header x %[req.hdr(host),«lower»(]\n    http-request set-header y «\"%[req.hdr(host]\"»\n    acl q «req.payload»(0,6 -m str \"SELECT\"\n    http-request set-header z \"%[req.hdr(${H}]\"\n", V26);
    expect(found.map((p) => p.message)).toEqual([
      "sample fetch 'req.hdr' has no ')' closing its arguments; haproxy refuses the line",
      "sample fetch 'res.hdr' has no ')' closing its arguments; haproxy refuses the line",
      "converter 'lower' has no ')' closing its arguments; haproxy refuses the line",
      "sample fetch 'req.hdr' has no ')' closing its arguments; haproxy refuses the line",
      "sample fetch 'req.payload' has no ')' closing its arguments; haproxy refuses the line",
    ]);
  });

  it("at 2.6, reports a ')' inside a call's arguments: haproxy ends them at the first one", () => {
    const found = expectHaproxy("HA068", "frontend f\n    bind :8000\n    acl a «hdr»((host)) -i x\n    http-request set-header x %[path,«regsub»(^/a(.*),/b)]\n    http-request set-header y %[path,regsub(^/a\\\\x28.*\\\\x29,/b)]\n", V26);
    expect(found.map((p) => p.message)).toEqual([
      "haproxy ends the arguments of sample fetch 'hdr' at their first ')', and refuses what follows it; a ')' cannot stand inside them (in a regex, write \\\\x29)",
      "haproxy ends the arguments of converter 'regsub' at their first ')', and refuses what follows it; a ')' cannot stand inside them (in a regex, write \\\\x29)",
    ]);
  });

  it("at 2.6, reads the constant fetches' arguments as their types", () => {
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const [ipv4] = expectHaproxy("HA068", plain("ipv4(«10.1»)"), V26);
    expect(ipv4!.message).toBe("sample fetch 'ipv4' takes an IPv4 address written as four decimal numbers as argument 1, not '10.1'; haproxy refuses the line");
    expectHaproxy("HA068", plain("ipv6(«10.0.0.1»)"), V26);
    expectHaproxy("HA068", plain("bin(«abc»)"), V26);
    expectHaproxy("HA068", plain("bool(«x»)"), V26);
    const [uuid] = expectHaproxy("HA068", plain("uuid(«7»)"), V26);
    expect(uuid!.message).toBe("sample fetch 'uuid' takes only version 4 as argument 1, not '7'; haproxy refuses the line");
    for (const good of ["ipv4(10.0.0.1)", "ipv6(::1)", "bin(ABCD)", "bool(TRUE)", "uuid(4)", "uuid"]) expectHaproxy("HA068", plain(good), V26);
  });

  it("counts an ACL keyword's arguments as its fetch's", () => {
    const [found] = expectHaproxy("HA068", "frontend f\n    bind :8000\n    acl a «hdr_beg»(host,1,2) -i x\n    acl b hdr_beg(host,1) -i x\n    http-request deny if { «path_beg»(x) /a }\n", V26);
    expect(found!.message).toBe("sample fetch 'hdr_beg' takes at most 2 arguments in haproxy 2.6, and is given 3; haproxy refuses the line");
  });

  it("for later targets, allows what the 3.4 manual's signature allows", () => {
    const V34 = { haproxyVersion: "3.4" };
    const flagged = (expression: string, config34 = V34) => lintText("haproxy", config(expression), config34).some((p) => p.ruleId === "HA068");
    expect(flagged("url_param(a,,i)")).toBe(false);
    expect(flagged("url_param(a,,i,x)")).toBe(true);
    expect(flagged("hdr(a,1,x)")).toBe(true);
    expect(flagged("hdr(a,1,x)", { haproxyVersion: "3.0" })).toBe(true);
    expect(flagged("req.hdr(host),field(1)")).toBe(true);
    expect(lintText("haproxy", config("url_param(a,,i,x)"), V34).find((p) => p.ruleId === "HA068")!.message).toBe(
      "sample fetch 'url_param' takes at most 3 arguments in haproxy up to 3.4, and is given 4; haproxy refuses the line",
    );
  });

  it.runIf(spawnSync("haproxy", ["-v"]).error === undefined)("agrees with haproxy 2.6.12 on each case", () => {
    const dir = mkdtempSync(join(tmpdir(), "lblint-ha068-"));
    const wrong: string[] = [];
    for (const expression of [...GOOD, ...BAD]) {
      const file = join(dir, "haproxy.cfg");
      writeFileSync(file, config(expression));
      const refused = haproxyCheck(file).status !== 0;
      const flagged = lintText("haproxy", config(expression), V26).some((p) => p.ruleId === "HA068");
      if (refused !== flagged || refused !== BAD.includes(expression)) wrong.push(`${expression}: haproxy ${refused ? "refuses" : "accepts"}, lblint ${flagged ? "flags" : "is silent"}`);
    }
    expect(wrong).toEqual([]);
  });

  it("reads be2dec's chunk size and json_query's output type at 2.6 (found by mutations)", () => {
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const [empty] = expectHaproxy("HA068", plain("«req.payload»(0,),bytes(1,)"), V26);
    expect(empty!.message).toBe("sample fetch 'req.payload' needs an integer as argument 2, and is given nothing; haproxy refuses the line");
    const [variable] = expectHaproxy("HA068", plain("req.body,«strcmp»(),«secure_memcmp»,strcmp(txn.x)"), V26);
    expect(variable!.message).toBe("converter 'strcmp' needs a variable's name as argument 1; haproxy refuses the line");
    const found = expectHaproxy("HA068", plain("req.body,«be2dec»(),be2dec(,«0»),be2dec(-,8),json_query($.a,«str»),json_query($.a,int)"), V26);
    expect(found.map((p) => p.message)).toEqual([
      "converter 'be2dec' needs a chunk size from 1 to 8 as argument 2; haproxy refuses the line",
      "converter 'be2dec' takes a chunk size from 1 to 8 as argument 2, not '0'; haproxy refuses the line",
      "converter 'json_query' takes only 'int' (the output type) as argument 2, not 'str'; haproxy refuses the line",
    ]);
  });

  it("needs the userlist of http_auth and http_auth_group (haproxy 2.6.12: \"missing userlist name in arg 1\")", () => {
    const found = expectHaproxy("HA068", "userlist u\n    user a insecure-password b\nfrontend f\n    bind :80\n    acl a «http_auth» x\n    acl b «http_auth_group»() g\n    acl c http_auth(u)\n", V26);
    expect(found[0]!.message).toBe("sample fetch 'http_auth' needs 1 argument, and is given 0; haproxy refuses the line");
  });
});

describe("HA068 sample-arguments: be2hex and be2dec (tenth mutation round)", () => {
  it("reads be2hex's chunk size once a separator is given, and the truncate flag of both", () => {
    // haproxy 2.6.12: "chunk_size needs to be positive (0)" (`be2hex(:)`, `be2hex(:,-1)`), "Unsupported
    // truncate value (2)"; `be2hex()` and `be2hex(,0)` pass.
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const found = expectHaproxy("HA068", plain("req.body,«be2hex»(:),«be2hex»(:,-1),be2hex(:,1,«2»),be2dec(:,1,«-1»),be2hex(),be2hex(,0),be2hex(:,9,1)"), V26);
    expect(found.map((p) => p.message)).toEqual([
      "converter 'be2hex' needs a chunk size above 0 as argument 2 once a separator is given; haproxy refuses the line",
      "converter 'be2hex' needs a chunk size above 0 as argument 2 once a separator is given; haproxy refuses the line",
      "converter 'be2hex' takes a truncate flag of 0 or 1 as argument 3, not '2'; haproxy refuses the line",
      "converter 'be2dec' takes a truncate flag of 0 or 1 as argument 3, not '-1'; haproxy refuses the line",
    ]);
  });
});

describe("HA068 sample-arguments: field, word, regsub and sha2 (tenth mutation round)", () => {
  it("reads an index of 0, regsub flags other than i and g, and sha2 sizes, as haproxy 2.6.12 does", () => {
    // "Unexpected value 0 for index", "invalid regex flag 'x', only 'i' and 'g' are supported", `sha2(255)` refused.
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const found = expectHaproxy("HA068", plain("req.hdr(host),field(«0»,.),word(«00»,.),regsub(a,b,«x»),sha2(«255»),field(-1,.),word(1,.,0),regsub(a,b,ig),sha2(224)"), V26);
    expect(found.map((p) => p.message)).toEqual([
      "converter 'field' takes an index other than 0 (1 is the first, -1 the last) as argument 1, not '0'; haproxy refuses the line",
      "converter 'word' takes an index other than 0 (1 is the first, -1 the last) as argument 1, not '00'; haproxy refuses the line",
      "converter 'regsub' takes only the flags i and g as argument 3, not 'x'; haproxy refuses the line",
      "converter 'sha2' takes a size of 224, 256, 384 or 512 bits as argument 1, not '255'; haproxy refuses the line",
    ]);
  });
});

describe("HA068 sample-arguments: url_enc, jwt queries and the set-var converter (tenth mutation round)", () => {
  it("reads their closed words as haproxy 2.6.12 does", () => {
    // "Unexpected encode type. Allowed value is 'query'", "output_type only supports \"int\" as argument", "unknown condition \"x\"".
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const found = expectHaproxy("HA068", plain("req.hdr(host),url_enc(«x»),jwt_payload_query(a,«str»),set-var(txn.a,«x»),url_enc(query),jwt_header_query(a,int),set-var(txn.b,ifexists,ifgt)"), V26);
    expect(found.map((p) => p.message)).toEqual([
      "converter 'url_enc' takes only 'query' (the encode type) as argument 1, not 'x'; haproxy refuses the line",
      "converter 'jwt_payload_query' takes only 'int' (the output type) as argument 2, not 'str'; haproxy refuses the line",
      "converter 'set-var' takes a condition (ifexists, ifnotexists, ifempty, ifnotempty, ifset, ifnotset, ifgt, iflt) as argument 2, not 'x'; haproxy refuses the line",
    ]);
  });
});

describe("HA068 sample-arguments: a nested ')' that haproxy 2.6 still reads (tenth mutation round)", () => {
  it("warns where what follows the first ')' reads on, and stays an error where haproxy refuses it", () => {
    // haproxy 2.6.12 is quiet about `var(txn.input,bytes(0),bytes(0)` (a default value `bytes(0`, then
    // bytes(0)), and refuses `var(txn.input,bytes(-1)),bytes(0)` and `hdr((host))`.
    const plain = (expression: string) => config(expression).replace(`"%[${expression}]"`, `%[${expression}]`);
    const [quiet] = expectHaproxy("HA068", plain("«var»(txn.input,bytes(0),bytes(0)"), V26);
    expect(quiet!.severity).toBe("warning");
    const refused = expectHaproxy("HA068", plain("«var»(txn.input,bytes(-1)),bytes(0)"), V26);
    expect(refused[0]!.severity).toBe("error");
  });

  it("warns where the expression ends at the first ')', which haproxy 2.6.12 takes (twelfth mutation round)", () => {
    // `"%[var(res.key,crc32c(1)]"` and `var(txn.a,b(1)` pass: 'crc32c(1' is var's default value.
    const found = expectHaproxy("HA068", config("«var»(res.key,crc32c(1)").replace(`"%[«var»(res.key,crc32c(1)]"`, "%[«var»(res.key,crc32c(1)]"), V26);
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["warning", "haproxy ends the arguments of sample fetch 'var' at their first ')' and ends the expression there: not what is written; a ')' cannot stand inside them"],
    ]);
  });
});

describe("HA068 sample-arguments: server and backend fetches without their proxy (tenth mutation round)", () => {
  it("reports a server fetch without a server, a backend fetch in a frontend without a backend, and json_query without a path", () => {
    // haproxy 2.6.12: "missing server name in arg 1 of sample fetch keyword 'srv_conn'", "proxy 'f',
    // referenced in arg 1 of sample fetch keyword 'be_conn' …", "json_path must not be empty".
    const found = expectHaproxy(
      "HA068",
      "frontend f\n    bind :80\n    http-request set-header a %[«srv_conn»()]\n    http-request set-header b %[«be_conn»]\n    http-request set-header c %[req.body,«json_query»()]\n    http-request set-header d %[be_conn(be)]\n    http-request set-header d2 %[srv_queue(be/s1)]\n    default_backend be\n\nbackend be\n    http-request set-header e %[be_conn]\n    http-request set-header e2 %[nbsrv]\n    server s1 127.0.0.1:80\n",
      V26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "sample fetch 'srv_conn' needs a server's name (SERVER or BACKEND/SERVER); haproxy refuses the line",
      "sample fetch 'be_conn' needs a backend's name in a frontend: without one it reads the frontend, which has no servers; haproxy refuses the line",
      "converter 'json_query' needs a JSON path as argument 1; haproxy refuses the line",
    ]);
  });

  it("reports a call left open in a word whose '$' is no variable (eleventh mutation round: a ')' dropped)", () => {
    // haproxy 2.6.12: "invalid arg 2 in converter 'json_query' : expected ')'"; single quotes keep '$' as written.
    const found = expectHaproxy(
      "HA068",
      "frontend f\n    bind :80\n    http-request set-var(sess.a) «req.hdr(Authorization),json_query('$.iss'»\n    http-request set-var(sess.b) req.hdr(Authorization),json_query('$.iss')\n",
      V26,
    );
    expect(found[0]!.message).toBe("converter 'json_query' has no ')' closing its arguments; haproxy refuses the line");
  });

  it("reports the constant fetches bin and bool without their value (eleventh mutation round)", () => {
    // haproxy 2.6.12: `bin`, `bin()`, `bin("")` and `bool()` are "invalid args in fetch method"; `str()` passes, and the bool converter takes nothing.
    const found = expectHaproxy(
      "HA068",
      "frontend f\n    bind :80\n    http-request set-header a %[«bin»()]\n    http-request set-header b %[«bin»]\n    http-request set-var(txn.c) «bool»()\n    http-request set-header d %[bin(00)]\n    http-request set-header e %[str()]\n    http-request set-header f %[int(1),bool]\n",
      V26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "sample fetch 'bin' needs an even number of hexadecimal digits as argument 1; haproxy refuses the line",
      "sample fetch 'bin' needs an even number of hexadecimal digits as argument 1; haproxy refuses the line",
      "sample fetch 'bool' needs true, false, 0 or 1 as argument 1; haproxy refuses the line",
    ]);
  });
});

describe("HA068 sample-arguments: bytes from 3.0 on", () => {
  it("refuses a negative offset and a length below 1, which 3.0 and 3.2 refuse and 2.6 takes", () => {
    const line = (call: string) => `frontend f\n    bind :80\n    mode http\n    http-request set-var(txn.x) str(abc),${call}\n`;
    const [offset] = expectHaproxy("HA068", line("bytes(«-1»)"), { haproxyVersion: "3.0" });
    expect(offset!.message).toBe("converter 'bytes' takes an offset of 0 or more as argument 1, not '-1'; haproxy 3.0 refuses the line");
    const [length] = expectHaproxy("HA068", line("bytes(0,«0»)"), { haproxyVersion: "3.2" });
    expect(length!.message).toBe("converter 'bytes' takes a length of 1 or more as argument 2, not '0'; haproxy 3.2 refuses the line");
    expectHaproxy("HA068", line("bytes(0,«-1»)"));
    expectHaproxy("HA068", line("bytes(-1)"), { haproxyVersion: "2.6" });
    expectHaproxy("HA068", line("bytes(1,2)"), { haproxyVersion: "3.0" });
  });
});

describe("HA068 sample-arguments: exact at 3.0 and 3.2 from their keyword dumps", () => {
  const line = (expr: string) => `frontend f\n    bind :80\n    mode http\n    http-request set-var(txn.x) ${expr}\n`;

  it("holds counts to the target's dump, and to the 3.2 dump and the 3.4 manual at 3.4", () => {
    const [at32] = expectHaproxy("HA068", line("«src»(1)"), { haproxyVersion: "3.2" });
    expect(at32!.message).toBe("sample fetch 'src' takes at most 0 arguments in haproxy 3.2, and is given 1; haproxy refuses the line");
    expectHaproxy("HA068", line("«src»(1)"));
    // 3.2.26 registers four arguments; the 3.4 manual adds a fifth (the AAD).
    const gcm = "req.body,«aes_gcm_enc»(128,txn.n,txn.k,txn.t,txn.aad)";
    expectHaproxy("HA068", line(gcm), { haproxyVersion: "3.2" });
    expectHaproxy("HA068", line(gcm.replace(/[«»]/g, "")));
  });

  it("checks the argument types the target's dump gives", () => {
    const [found] = expectHaproxy("HA068", line("req.hdr(Upgrade,«x»)"), { haproxyVersion: "3.0" });
    expect(found!.message).toBe("sample fetch 'req.hdr' takes an integer as argument 2 in haproxy 3.0, not 'x'; haproxy refuses the line");
    expectHaproxy("HA068", line("req.hdr(Upgrade,1)"), { haproxyVersion: "3.0" });
    // At 3.4 the types are 3.2's: the manual gives none.
    const [at34] = expectHaproxy("HA068", line("req.hdr(Upgrade,«x»)"));
    expect(at34!.message).toBe("sample fetch 'req.hdr' takes an integer as argument 2 in haproxy 3.4 (as in 3.2), not 'x'; haproxy refuses the line");
    expectHaproxy("HA068", line("req.hdr(Upgrade,-1)"));
  });
});

describe("HA068 sample-arguments: protobuf's field path and type (twelfth mutation round)", () => {
  it("reports an empty field path and a type haproxy 2.6.12 does not know", () => {
    expectHaproxy("HA068", "frontend f\n    bind :80\n    mode http\n    http-request set-var(txn.a) req.body,protobuf(1.2,int32)\n    http-request set-var(txn.b) req.body,ungrpc(1,double)\n    http-request set-var(txn.c) req.body,protobuf(1)\n", V26);
    const found = expectHaproxy(
      "HA068",
      "frontend f\n    bind :80\n    mode http\n    http-request set-var(txn.a) req.body,«protobuf»(,)\n    http-request set-var(txn.b) req.body,protobuf(1,«»)\n    http-request set-var(txn.c) req.body,ungrpc(1,«string»)\n",
      V26,
    );
    expect(found.map((p) => p.message)).toEqual([
      "converter 'protobuf' needs a field path (numbers separated by dots) as argument 1; haproxy refuses the line",
      "converter 'protobuf' takes a protocol buffer type (int32, int64, uint32, uint64, sint32, sint64, bool, enum, fixed32, fixed64, sfixed32, sfixed64, float, double) as argument 2, not ''; haproxy refuses the line",
      "converter 'ungrpc' takes a protocol buffer type (int32, int64, uint32, uint64, sint32, sint64, bool, enum, fixed32, fixed64, sfixed32, sfixed64, float, double) as argument 2, not 'string'; haproxy refuses the line",
    ]);
  });
});
