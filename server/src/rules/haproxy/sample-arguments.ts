// HA068: a sample fetch or converter given more arguments than it takes, or fewer than it needs.
// haproxy 2.6.12 refuses the line: "fetch method 'url_param' : expected ')' before ',i)'", "invalid
// arg 2 in converter 'field' : missing arguments (got 1/2)". For a 2.6 target the counts come from
// haproxy 2.6.12's keyword dump, which gives each signature. Later versions added arguments to some
// (url_param's `i`): for them, a call may have as many as the 3.4 manual's signature allows, and
// as few as either source requires; a fetch or converter that manual gives no signature for is not
// judged. At 2.6, the arguments 2.6.12's dump types as integers or masks must be written as such:
// haproxy refuses `bytes(txn.len)` ("failed to parse 'txn.len' as type 'integer'") and
// `ipmask(33)`; later versions read variables in some of them, which no source here lists, so they
// are not judged. The closed arguments below, measured on 2.6.12, were asked again of 3.0.11 and
// 3.2.26 (scripts/oracle/haproxy-samples-later.mjs), which refuse the same but where noted.
import { haproxyAclFetch, haproxyConverter, haproxyFetch } from "../../facts/haproxy.js";
import { isIpv6 } from "../../facts/shapes.js";
import type { ArgSpec, HaproxyOption } from "../../facts/types.js";
import { compareVersions } from "../../facts/versions.js";
import type { Range } from "../../../../grammars/common/text.js";
import type { HaproxyRule } from "../../lint/rule.js";
import { HAS_PAREN } from "./model.js";
import { atolInt32 } from "./numbers.js";
import { samplesOf } from "./samples.js";
import { SET_VAR_CONDITIONS } from "./action-words.js";

const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;

/** The counts both sources allow: the larger maximum (-1: none) and the smaller minimum. */
function loosest(a: ArgSpec, b: ArgSpec): ArgSpec {
  return { min: Math.min(a.min, b.min), max: a.max < 0 || b.max < 0 ? -1 : Math.max(a.max, b.max) };
}

/** What a release's keyword dump says of an item's arguments (2.6.12's, 3.0.11's, 3.2.26's), or undefined. */
function dumpedAt(spec: HaproxyOption, version: string): { readonly args: ArgSpec; readonly argTypes?: readonly string[] } | undefined {
  if (version !== "2.6" && version !== "3.0" && version !== "3.2") return undefined;
  // An item of 2.6.12's dump has the value type that dump gives; a later dump's differences are kept apart.
  const dumped = version === "2.6" ? undefined : spec.dumped?.[version];
  if (dumped) return dumped;
  return spec.output !== undefined && spec.args ? { args: spec.args, ...(spec.argTypes ? { argTypes: spec.argTypes } : {}) } : undefined;
}

/**
 * The argument counts to hold an item to at the target: a dumped release's exactly; 2.8 what both
 * 2.6 and 3.0 allow; 3.4 what both 3.2 and the 3.4 manual allow (the 3.2 dump alone when the manual
 * gives no signature).
 */
function argsAt(spec: HaproxyOption, version: string): ArgSpec | undefined {
  const exact = dumpedAt(spec, version)?.args;
  if (exact) return exact;
  if (version === "2.8") {
    const before = dumpedAt(spec, "2.6")?.args;
    const after = dumpedAt(spec, "3.0")?.args;
    return before && after ? loosest(before, after) : undefined;
  }
  const last = dumpedAt(spec, "3.2")?.args;
  // The 3.4 manual's counts: `laterArgs` beside 2.6.12's dump, else `args` (an item 2.6.12 lacks).
  const manual = spec.output !== undefined ? spec.laterArgs : spec.args;
  if (last) return manual ? loosest(last, manual) : last;
  return spec.args && spec.laterArgs ? loosest(spec.args, spec.laterArgs) : undefined;
}

/**
 * The argument types to hold an item to: a dumped release's; at 3.4 those of 3.2's dump (the manual
 * gives no types; an argument 3.4 added is not judged); at 2.8 those 2.6 and 3.0 agree on.
 */
function typesAt(spec: HaproxyOption, version: string): readonly string[] | undefined {
  const exact = dumpedAt(spec, version);
  if (exact) return exact.argTypes;
  if (version === "3.4") return dumpedAt(spec, "3.2")?.argTypes;
  if (version === "2.8") {
    const before = dumpedAt(spec, "2.6")?.argTypes;
    return before && JSON.stringify(before) === JSON.stringify(dumpedAt(spec, "3.0")?.argTypes) ? before : undefined;
  }
  return undefined;
}

/** The argument without one level of quotes, as haproxy reads it. */
function unquoted(text: string): string {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0] ? text.slice(1, -1) : text;
}

/** The argument types haproxy 2.6 reads as it parses them (see `readsAs`). */
const READ_TYPES: ReadonlySet<string> = new Set(["integer", "IPv4 mask", "IPv6 mask"]);

const DOTTED_MASK = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * Whether haproxy 2.6 reads `text` as an argument of `type` (measured, see the oracle test): an
 * integer is digits with a sign; an IPv4 mask a length up to 32 or a dotted quad; an IPv6 mask a
 * length up to 128 or an IPv6 address. Other types take any word. Empty means "not given", and an environment
 * variable may hold anything, so both pass.
 */
function readsAs(type: string, text: string): boolean {
  const bare = unquoted(text);
  if (bare === "" || bare.includes("$")) return true;
  switch (type) {
    // A sign alone is 0 (measured on 2.6.12: `hdr(host,-)` and `hdr(host,+)` pass; `--1` does not).
    case "integer":
      return /^[+-]?\d*$/.test(bare);
    // A length is read with atoi() into an int, after digits and a '+' only (measured: `+24`, `024` and
    // `4294967320`, which is 24, pass; `-1` and `2147483648` do not).
    case "IPv4 mask":
      return (/^\+?\d+$/.test(bare) && maskLength(bare) <= 32) || DOTTED_MASK.test(bare);
    case "IPv6 mask":
      return (/^\+?\d+$/.test(bare) && maskLength(bare) <= 128) || isIpv6(bare);
    default:
      return true;
  }
}

/** A mask length as haproxy 2.6.12 keeps it: an int, so negative past 2^31 (refused) and 0 at 2^32. */
function maskLength(digits: string): number {
  const length = atolInt32(digits);
  return length < 0 ? Infinity : length;
}

/** An IPv4 address as inet_pton() reads it: four decimal numbers up to 255, without leading zeros. */
const IPV4_DOTTED = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * Converter arguments haproxy 2.6.12 needs though its dump makes them optional: their position and
 * what they are ("chunk_size out of [1..8] range (0)" for `be2dec()`, "missing variable name" for `strcmp()`).
 */
/** Fetches of a server's state, which need its name (2.6.12: "missing server name in arg 1 of sample fetch keyword 'srv_conn'"). */
const SERVER_FETCHES: ReadonlySet<string> = new Set(["srv_conn", "srv_conn_free", "srv_is_up", "srv_queue", "srv_sess_rate", "srv_iweight", "srv_uweight", "srv_weight"]);
/** Fetches of a backend's state, which read the current proxy without an argument: a frontend has none to read. */
const BACKEND_FETCHES: ReadonlySet<string> = new Set(["avg_queue", "be_conn", "be_conn_free", "be_sess_rate", "connslots", "nbsrv", "queue"]);

/** The fetches `missingProxyArgument` may find something wrong with (it finds nothing for the others). */
const PROXY_FETCHES: ReadonlySet<string> = new Set([...SERVER_FETCHES, ...BACKEND_FETCHES]);

/**
 * What a server or backend fetch lacks where it stands (measured on 2.6.12: `srv_conn()` is "missing
 * server name", `be_conn` in a frontend "proxy 'f', referenced in arg 1 of sample fetch keyword
 * 'be_conn' … has not backend capability"), or undefined.
 */
function missingProxyArgument(name: string, first: string, sectionType: string): string | undefined {
  if (first !== "" || first.includes("$")) return undefined;
  if (SERVER_FETCHES.has(name)) return "needs a server's name (SERVER or BACKEND/SERVER)";
  if (BACKEND_FETCHES.has(name) && sectionType === "frontend") return "needs a backend's name in a frontend: without one it reads the frontend, which has no servers";
  return undefined;
}

const NEEDED_ARGUMENTS: Readonly<Record<string, readonly [number, string]>> = {
  be2dec: [1, "a chunk size from 1 to 8"],
  // 3.2's `le2dec` alike (measured on 3.2.26: `le2dec()` is "chunk_size out of [1..8] range (0)").
  le2dec: [1, "a chunk size from 1 to 8"],
  // Measured on 2.6.12 (third round of sweeps): "algorithm must be a valid OpenSSL message digest
  // name" (`digest`, `digest()`), "Empty variable name cannot be accepted" (`set-var()`, `unset-var`),
  // "Unknown FIX tag name ''", "Wrong protocol buffer type ''" and "expected type … but got nothing" for
  // an empty field path, "missing regex" (`regsub(,b)`).
  digest: [0, "a digest algorithm's name"],
  hmac: [0, "a digest algorithm's name"],
  "set-var": [0, "a variable's name"],
  "unset-var": [0, "a variable's name"],
  fix_tag_value: [0, "a FIX tag (its number or name)"],
  protobuf: [0, "a field path (numbers separated by dots)"],
  ungrpc: [0, "a field path (numbers separated by dots)"],
  regsub: [0, "a regex"],
  json_query: [0, "a JSON path"],
  strcmp: [0, "a variable's name"],
  secure_memcmp: [0, "a variable's name"],
};
/** Likewise for the constant fetches (2.6.12: `bin`, `bin()` and `bool()` are "invalid args in fetch method"; found by the eleventh mutation round). */
const NEEDED_FETCH_ARGUMENTS: Readonly<Record<string, readonly [number, string]>> = {
  bin: [0, "an even number of hexadecimal digits"],
  // "token name must be exactly 4 characters" without an argument too.
  distcc_param: [0, "a token name of exactly 4 characters"],
  distcc_body: [0, "a token name of exactly 4 characters"],
  // Measured on 2.6.12: `var` and `var()` are "Empty variable name cannot be accepted".
  var: [0, "a variable's name"],
  bool: [0, "true, false, 0 or 1"],
};

/**
 * `be2hex(SEP[,CHUNK[,TRUNC]])`: with a separator, the chunk size must be above 0, and one left out or
 * empty is 0 (measured: `be2hex(:)` and `be2hex(:,-1)` are "chunk_size needs to be positive"; `be2hex()`
 * and `be2hex(,0)`, without a separator, pass).
 */
function be2hexChunkMissing([separator, chunk = ""]: readonly string[]): boolean {
  if (separator === undefined || separator === "" || separator.includes("$") || chunk.includes("$")) return false;
  return chunk === "" || (/^[+-]?\d+$/.test(chunk) && Number(chunk) <= 0);
}

/**
 * Whether haproxy 2.6 still reads a call cut at its first ')': as many arguments as the call takes,
 * then a converter it knows.
 */
function readsOnAfterFirstClose(sample: Parameters<typeof sampleSpecOf>[0]): boolean {
  const reading = sample.firstCloseReading();
  const spec = sampleSpecOf(sample);
  if (!reading || !spec?.args) return false;
  const count = reading.args.length;
  if (count < spec.args.min || (spec.args.max >= 0 && count > spec.args.max)) return false;
  // Where the first ')' ends the expression, haproxy's reading is the plain one, and a '(' left in the
  // arguments is what it refuses (a regex, HA082): that stays the error below.
  // Where the expression ends right after the first ')', haproxy reads it without a word (measured on
  // 2.6.12: `"%[var(res.key,crc32c(1)]"` passes, with 'crc32c(1' as var's default; twelfth mutation round),
  // unless the '(' is left in a regex, which PCRE refuses (`regsub('(',x)`: stays the error below).
  if (reading.ends) return !(sample.kind === "converter" && sample.name === "regsub");
  const next = /^,([a-z0-9_.-]+)/.exec(reading.after)?.[1];
  return next !== undefined && haproxyConverter(next) !== undefined;
}

/** The keyword table entry of a fetch or converter (an ACL keyword stands for its fetch). */
function sampleSpecOf(sample: ReturnType<typeof samplesOf>[number]["samples"][number]) {
  return sample.kind === "fetch" ? haproxyFetch(sample.name) ?? (sample.aclCriterion ? haproxyFetch(haproxyAclFetch(sample.name)) : undefined) : haproxyConverter(sample.name);
}

/** Arithmetic converters: an integer or a variable's name (with its scope) as argument 1. */
const ARITHMETIC = new Set(["add", "sub", "mul", "div", "mod", "and", "or", "xor"]);

/** The sinks haproxy 2.6 makes itself (measured: `dpapi`, `startup`, `STDOUT` are "No such sink"). */
const BUILT_IN_SINKS: ReadonlySet<string> = new Set(["stdout", "stderr", "buf0"]);
/** Fetches of a round-trip time, in a unit (2.6.12 has no `bc_rtt`). */
// `bc_rtt` and `bc_rttvar` (3.0 on) read the same (measured on 3.2.26: "expects 'us' or 'ms', got '1'").
const RTT_FETCHES: ReadonlySet<string> = new Set(["fc_rtt", "fc_rttvar", "bc_rtt", "bc_rttvar"]);
/** Fetches of a date whose only argument is its unit (3.0 on; measured on 3.2.26: `accept_date(1)` and `accept_date()` are "expects 's', 'ms' or 'us'"). */
const DATE_UNIT_FETCHES: ReadonlySet<string> = new Set(["accept_date", "request_date"]);
/** `when(CONDITION…)`'s conditions (measured on 3.0.11 and 3.2.26: "expects a supported keyword among {…}"). */
const WHEN_CONDITIONS: ReadonlySet<string> = new Set(["stopping", "normal", "error", "forwarded", "toapplet", "processed", "acl"]);
/** The protocol buffer types of `protobuf` and `ungrpc`, in lower case (measured: `INT32` and `string` are refused). */
const PROTOBUF_TYPES: ReadonlySet<string> = new Set(["int32", "int64", "uint32", "uint64", "sint32", "sint64", "bool", "enum", "fixed32", "fixed64", "sfixed32", "sfixed64", "float", "double"]);
/** A variable's name with its scope, as haproxy registers it. */
const VARIABLE_NAME = /^(?:proc|sess|txn|req|res)\.[^.\s]/;
/** A key, nonce or tag given in the line: base64 (haproxy decodes it), or a variable's name. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Closed words of fetch arguments, measured on 2.6.12 (third round of sweeps): "expects 'us' or
 * 'ms'" (`fc_rtt(MS)`), "token name must be exactly 4 characters" (`distcc_param(x)`), "only rfc2253 or
 * a blank value are currently supported as the format argument" (`ssl_c_s_dn(CN,1,x)`), "payload
 * offset2 is not a number", "payload offset1 must be positive", "payload length must be > 0", "expects
 * valid method" (`meth(/)`).
 */
function closedFetchArgument(name: string, at: number, bare: string, version: string): string | undefined {
  if (at === 0 && RTT_FETCHES.has(name) && bare !== "us" && bare !== "ms") return "takes a unit (us, ms)";
  if (at === 0 && DATE_UNIT_FETCHES.has(name) && !["s", "ms", "us"].includes(bare)) return "takes a unit (s, ms, us)";

  if (at === 0 && (name === "distcc_param" || name === "distcc_body") && bare.length !== 4) return "takes a token name of exactly 4 characters";
  if (at === 2 && /^ssl_[a-z]_[isr]_dn$/.test(name) && bare !== "rfc2253") return "takes only rfc2253 (or nothing) as the format";
  if (name === "req.payload_lv" || name === "payload_lv") {
    if (at === 0 && /^-\d*[1-9]/.test(bare)) return "takes an offset of 0 or more";
    if (at === 1 && /^[+-]?0*$/.test(bare)) return "takes a length above 0";
    if (at === 2 && !/^[+-]?\d*$/.test(bare)) return "takes an offset that is a number";
  }
  if (at === 0 && name === "meth" && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(bare)) return "takes a method's name (a token)";
  // A capture slot is 0 or more from 3.2 (measured: `capture.req.hdr(-1)` is "capture identifier must be >= 0" in 3.2.26; 3.0.11 takes it).
  if (at === 0 && (name === "capture.req.hdr" || name === "capture.res.hdr") && compareVersions(version, "3.2") >= 0 && /^-\d*[1-9]\d*$/.test(bare)) return "takes a capture slot of 0 or more";
  // `query` takes an option from 3.2 (before, none: the count says so): measured on 3.2.26, `query(1)` and
  // `query(WITH_QM)` are "supported options are: 'with_qm'".
  if (at === 0 && name === "query" && bare !== "with_qm") return "takes only the option 'with_qm'";
  return undefined;
}

/**
 * Closed words of converter arguments, measured on 2.6.12 (third round of sweeps): "algorithm must be
 * a valid OpenSSL message digest name" (only words that are no name are judged: the names depend on
 * the OpenSSL build), "argument needs to be base64 encoded, and can either be a string or a
 * variable" (`hmac(sha256,a2V)`), "key size must be 128, 192 or 256 (bits)", "Wrong protocol buffer
 * type", "failed to register variable name" for `add_item`'s variable, "Unknown FIX tag name" for a word that is no
 * number and a number that is not above 0.
 */
function closedConverterArgument(name: string, at: number, bare: string): string | undefined {
  if (at === 0 && (name === "digest" || name === "hmac") && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(bare)) return "takes a digest algorithm's name";
  if (name === "hmac" && at === 1 && !VARIABLE_NAME.test(bare) && !BASE64.test(bare)) return "takes a key in base64 or a variable's name";
  if (name === "aes_gcm_dec") {
    if (at === 0 && !["128", "192", "256"].includes(bare)) return "takes a key size of 128, 192 or 256 bits";
    if (at >= 1 && !VARIABLE_NAME.test(bare) && !BASE64.test(bare)) return `takes a ${["", "nonce", "key", "tag"][at]} in base64 or a variable's name`;
  }
  if (at === 1 && (name === "protobuf" || name === "ungrpc") && !PROTOBUF_TYPES.has(bare)) return `takes a protocol buffer type (${[...PROTOBUF_TYPES].join(", ")})`;
  if (at === 1 && name === "add_item" && !VARIABLE_NAME.test(bare)) return "takes a variable's name with its scope (txn.NAME…)";
  // A number is kept in 32 bits (measured: `fix_tag_value(4294967296)` is refused, `2147483648` passes).
  if (at === 0 && name === "fix_tag_value" && /^[+\-\d]/.test(bare) && !(/^\d+$/.test(bare) && Number(bare) > 0 && Number(bare) <= 4294967295)) return "takes a FIX tag (a number from 1 to 4294967295, or a name)";
  return undefined;
}

/**
 * The closed argument words of a few fetches and converters at 2.6, measured with haproxy 2.6.12:
 * "expects an integer or a variable name" (`div(x)`, `mod(0x10)`), "Unexpected input code type"
 * (`json(UTF8)`), "expects 's', 'ms' or 'us'" (`date(1,S)`). The problem with argument `at`, or undefined.
 */
function closedArgumentProblem(kind: "fetch" | "converter", name: string, at: number, text: string, version: string): string | undefined {
  const bare = unquoted(text).trim();
  // A unit left empty after its comma (measured: `date(0,)` is "expects 's', 'ms' or 'us', got ''").
  if (bare === "" && at === 1 && ((kind === "fetch" && name === "date") || (kind === "converter" && name === "http_date"))) return "takes a unit (s, ms, us)";
  // Measured on 2.6.12 (third round of sweeps): an empty separator list (`field(2,)`: "Empty
  // separators list"), an empty unit of `fc_rtt()` ("expects 'us' or 'ms', got ''"), an empty protocol
  // buffer type, an empty set-var condition (`set-var(txn.a,)`: "unknown condition \"\"").
  if (bare === "" && !text.includes("$")) {
    if (kind === "converter" && at === 1 && (name === "field" || name === "word")) return "takes a list of separator characters";
    if (kind === "fetch" && at === 0 && RTT_FETCHES.has(name)) return "takes a unit (us, ms)";
    if (kind === "fetch" && at === 0 && DATE_UNIT_FETCHES.has(name)) return "takes a unit (s, ms, us)";
    if (kind === "converter" && at === 1 && (name === "protobuf" || name === "ungrpc")) return `takes a protocol buffer type (${[...PROTOBUF_TYPES].join(", ")})`;
    if (kind === "converter" && at >= 1 && name === "set-var") return `takes a condition (${[...SET_VAR_CONDITIONS].join(", ")})`;
    if (kind === "converter" && at === 0 && name === "when" && compareVersions(version, "3.0") >= 0) return `takes a condition (${[...WHEN_CONDITIONS].join(", ")})`;
    // Measured on 3.2.26: `param(a,)` is "Delimiter must be exactly 1 character".
    if (kind === "converter" && at === 1 && name === "param" && compareVersions(version, "3.0") >= 0) return "takes a delimiter of exactly one character";
  }
  if (bare === "" || bare.includes("$")) return undefined;
  const fetchProblem = kind === "fetch" ? closedFetchArgument(name, at, bare, version) : closedConverterArgument(name, at, bare);
  if (fetchProblem) return fetchProblem;
  // "Unsupported truncate value (2): be2dec's and be2hex's third argument is 0 or 1.
  if (kind === "converter" && at === 2 && (name === "be2dec" || name === "be2hex") && /^[+-]?\d+$/.test(bare) && Number(bare) !== 0 && Number(bare) !== 1) return "takes a truncate flag of 0 or 1";
  // A sign alone is read as 0 (measured: `be2dec(:,-)` is "chunk_size out of [1..8] range (0)", `be2hex(:,-,1)` "chunk_size needs to be positive (0)").
  if (kind === "converter" && at === 1 && name === "be2hex" && /^[+-]$/.test(bare)) return "takes a chunk size above 0";
  // "invalid arg 1 in converter 'protobuf'" for `+1`, `1abc`, `0x1`; `1.2.3` and `0` pass (measured).
  if (kind === "converter" && at === 0 && (name === "protobuf" || name === "ungrpc") && !/^[\d.]+$/.test(bare)) return "takes a field path (numbers separated by dots)";
  if (kind === "converter" && at === 0 && ARITHMETIC.has(name) && !/^[+-]?\d*$/.test(bare) && !/^(?:proc|sess|txn|req|res)\.[^.\s]/.test(bare)) {
    return "takes an integer or a variable's name (txn.NAME…)";
  }
  if (kind === "converter" && at === 0 && name === "json" && !["ascii", "utf8", "utf8s", "utf8p", "utf8ps"].includes(bare)) return "takes an input code type (ascii, utf8, utf8s, utf8p, utf8ps)";
  // A variable's name with its scope (measured: `strcmp(x)` is "failed to register variable name 'x'").
  const variable = kind === "converter" && ((at === 0 && (name === "secure_memcmp" || name === "strcmp")) || (at === 1 && name === "concat"));
  if (variable && !/^(?:proc|sess|txn|req|res)\.[^.\s]/.test(bare)) return "takes a variable's name with its scope (txn.NAME…)";
  if (at === 1 && ((kind === "fetch" && name === "date") || (kind === "converter" && name === "http_date")) && !["s", "ms", "us"].includes(bare)) return "takes a unit (s, ms, us)";
  // "output_type only supports "int" as argument" (`json_query('$.a',str)`), "chunk_size out of [1..8] range (9)".
  if (kind === "converter" && at === 1 && (name === "json_query" || name === "jwt_header_query" || name === "jwt_payload_query") && bare !== "int") return "takes only 'int' (the output type)";
  // "Unexpected encode type. Allowed value is 'query'"; "unknown condition \"x\"" for the set-var converter's conditions.
  if (kind === "converter" && at === 0 && name === "url_enc" && bare !== "query") return "takes only 'query' (the encode type)";
  if (kind === "converter" && at === 0 && name === "when" && compareVersions(version, "3.0") >= 0 && !WHEN_CONDITIONS.has(bare)) return `takes a condition (${[...WHEN_CONDITIONS].join(", ")})`;
  if (kind === "converter" && at === 1 && name === "param" && compareVersions(version, "3.0") >= 0 && [...bare].length !== 1) return "takes a delimiter of exactly one character";
  if (kind === "converter" && at >= 1 && name === "set-var" && !SET_VAR_CONDITIONS.has(bare)) return `takes a condition (${[...SET_VAR_CONDITIONS].join(", ")})`;
  if (kind === "converter" && at === 1 && (name === "be2dec" || name === "le2dec") && /^[+-]?\d*$/.test(bare) && !(Number(bare.replace(/^[+-]$/, "0")) >= 1 && Number(bare.replace(/^[+-]$/, "0")) <= 8)) return "takes a chunk size from 1 to 8";
  // Measured on 2.6.12: "Unexpected value 0 for index" (`field(0,.)`, `word(0,.)`; negative indexes
  // count from the end), "invalid regex flag 'x', only 'i' and 'g' are supported", `sha2(255)` refused.
  if (kind === "converter" && at === 0 && (name === "field" || name === "word") && /^[+-]?0*$/.test(bare)) return "takes an index other than 0 (1 is the first, -1 the last)";
  if (kind === "converter" && at === 2 && name === "regsub" && !/^[ig]*$/.test(bare)) return "takes only the flags i and g";
  if (kind === "converter" && at === 0 && name === "sha2" && /^[+-]?\d*$/.test(bare) && ![224, 256, 384, 512].includes(Number(bare.replace(/^[+-]$/, "0")))) return "takes a size of 224, 256, 384 or 512 bits";
  // The constant fetches, each read as its type ("failed to parse '10.1' as type 'IPv4 address'",
  // "an even number of hex digit is expected", "Expects 'true', 'false', '0' or '1'"); `uuid` knows version 4 only.
  if (kind === "fetch" && at === 0) {
    if (name === "ipv4" && !IPV4_DOTTED.test(bare)) return "takes an IPv4 address written as four decimal numbers";
    if (name === "ipv6" && !isIpv6(bare)) return "takes an IPv6 address";
    if (name === "bin" && !/^(?:[0-9A-Fa-f]{2})+$/.test(bare)) return "takes an even number of hexadecimal digits";
    if (name === "bool" && !/^(?:true|false|0|1)$/i.test(bare)) return "takes true, false, 0 or 1";
    // The version is read as a whole number (measured: `uuid(04)` and `uuid(+4)` pass, `uuid(4abc)` and
    // `uuid(0x4)` do not); 3.0.11 and 3.2.26 take version 7 as well (`uuid(07)` too), 2.6.12 does not.
    if (name === "uuid") {
      const known = version === "2.6" ? [4] : [4, 7];
      if (!/^[+-]?\d+$/.test(bare) || !known.includes(Number(bare))) return version === "2.6" ? "takes only version 4" : "takes only version 4 or 7";
    }
  }
  return undefined;
}

/**
 * `bytes(OFFSET[,LENGTH])` from 3.0 on: 3.0.11 and 3.2.26 refuse a negative offset ("expects a
 * non-negative integer") and a length below 1 ("expects a positive integer"); 2.6.12 takes both.
 */
function bytesProblem(given: readonly { readonly text: string; readonly range: Range }[], version: string): { problem: string; range: Range } | undefined {
  if (compareVersions(version, "3.0") < 0) return undefined;
  const [offset, length] = given.map((arg) => unquoted(arg.text).trim());
  // Each is an integer or a variable's name (measured: `bytes(x)`, `bytes(0x10)`, `bytes(0,1.5)` are
  // "expects an integer or a variable name"; `bytes(txn.v)` passes).
  for (let at = 0; at < 2; at++) {
    const bare = [offset, length][at];
    if (bare === undefined || bare.includes("$") || /^[+-]?\d*$/.test(bare) || VARIABLE_NAME.test(bare)) continue;
    return { problem: `takes an integer or a variable's name (txn.NAME…) as argument ${at + 1}, not '${given[at]!.text}'`, range: given[at]!.range };
  }
  if (offset !== undefined && /^-\d+$/.test(offset)) return { problem: `takes an offset of 0 or more as argument 1, not '${given[0]!.text}'`, range: given[0]!.range };
  // An empty length is 0 (measured: `bytes(1,)` is "expects a positive integer" in 3.0.11 and 3.2.26).
  if (length !== undefined && /^[+-]?\d*$/.test(length) && Number(length.replace(/^[+-]$/, "0")) < 1) return { problem: `takes a length of 1 or more as argument 2, not '${given[1]!.text}'`, range: given[1]!.range };
  return undefined;
}

/** How a message names a type: "an integer", "an IPv4 mask". */
function typeName(type: string): string {
  return type === "integer" ? "an integer" : `an ${type}`;
}

export const sampleArguments: HaproxyRule = {
  meta: {
    id: "HA068",
    alias: "sample-arguments",
    product: "haproxy",
    severity: "error",
    category: "correctness",
    description: "a sample fetch or converter given more arguments than it takes, or fewer than it needs",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    // The checks below were measured on 2.6.12, then asked again of 3.0.11 and 3.2.26 (docs/agreement.md,
    // "Sweeps at 3.0 and 3.2: sample arguments"; scripts/oracle/haproxy-samples-later.mjs): all three
    // refuse the same, except where noted (the debug converter's sink, uuid's version, bytes, query).
    // 2.8 lies between two releases that agree.
    const version = model.version;
    /** Each ring's name → the position of its first section, and each section's position: haproxy looks a sink up as it reads the line. */
    let rings: ReadonlyMap<string, number> | undefined;
    let sectionAt: ReadonlyMap<object, number> | undefined;
    const sinksChecked = compareVersions(version, "3.2") < 0;
    for (const { placed, samples } of samplesOf(model)) {
      for (const sample of samples) {
        if (sample.name.startsWith("lua.")) continue;
        // The arguments, each with its range, are made once for every check below that reads them.
        let made: ReturnType<typeof sample.arguments> | undefined;
        const argumentsOf = () => (made ??= sample.arguments());
        // Measured: "expected ')' in ACL expression 'req.hdr(127.0.0.1:9080'", in a quoted word too
        // (`"%[var(res.key,hex]"`); not where an environment variable may hold the ')'.
        if (placed.mayHold(HAS_PAREN) && sample.valueKnown && sample.unclosed) {
          report({ uri: placed.section.uri, range: sample.range, message: `${sample.kind === "fetch" ? "sample fetch" : "converter"} '${sample.name}' has no ')' closing its arguments; haproxy refuses the line` });
          continue;
        }
        // haproxy ends the arguments at the first ')', in quotes or after a '\' too (measured on 2.6.12,
        // 3.0.11 and 3.2.26: `hdr((host))` is "missing comma after fetch keyword", `regsub(\(a\),b)` "missing arguments").
        if (placed.mayHold(HAS_PAREN) && sample.nestedClose) {
          const what = `${sample.kind === "fetch" ? "sample fetch" : "converter"} '${sample.name}'`;
          // What follows the first ')' may still read (`var(txn.a,bytes(0),lower`: a default value
          // `bytes(0`, then `lower`; measured, haproxy 2.6.12 is quiet): a warning, as the line says
          // something else than haproxy reads.
          if (readsOnAfterFirstClose(sample)) {
            const then = sample.firstCloseReading()!.ends ? "ends the expression there" : "reads what follows as more converters";
            report({ uri: placed.section.uri, range: sample.range, severity: "warning", message: `haproxy ends the arguments of ${what} at their first ')' and ${then}: not what is written; a ')' cannot stand inside them` });
            continue;
          }
          report({ uri: placed.section.uri, range: sample.range, message: `haproxy ends the arguments of ${what} at their first ')', and refuses what follows it; a ')' cannot stand inside them (in a regex, write \\\\x29)` });
          continue;
        }
        // An ACL keyword (`hdr_beg`) takes the arguments of the fetch it stands for (measured: `hdr_beg(Host,2,3)` is "expected ')' before ',3)'").
        const spec = sampleSpecOf(sample);
        const args = spec && argsAt(spec, model.version);
        const exact = spec && dumpedAt(spec, model.version);
        if (!args) continue;
        // Without a '(' on the line no call has arguments; only a missing one can be wrong.
        const count = args.min > 0 || placed.mayHold(HAS_PAREN) ? sample.argumentCount : 0;
        const what = sample.kind === "fetch" ? "sample fetch" : "converter";
        // Arguments the dump calls optional (a string may be empty) but haproxy 2.6.12 needs.
        const proxyProblem = sample.kind === "fetch" && PROXY_FETCHES.has(sample.name) ? missingProxyArgument(sample.name, unquoted(argumentsOf()[0]?.text ?? "").trim(), placed.section.type) : undefined;
        if (proxyProblem) {
          report({ uri: placed.section.uri, range: sample.range, message: `sample fetch '${sample.name}' ${proxyProblem}; haproxy refuses the line` });
          continue;
        }
        const needed = (sample.kind === "converter" ? NEEDED_ARGUMENTS : NEEDED_FETCH_ARGUMENTS)[sample.name];
        // `fc_rtt` reads milliseconds, `fc_rtt()` an empty unit (measured on 2.6.12: "expects 'us' or 'ms', got ''").
        if (sample.kind === "fetch" && RTT_FETCHES.has(sample.name) && argumentsOf().length === 1 && argumentsOf()[0]!.text.trim() === "") {
          report({ uri: placed.section.uri, range: sample.range, message: `sample fetch '${sample.name}' has parentheses without its unit (us or ms); haproxy refuses the line (leave them out for milliseconds)` });
          continue;
        }
        // Likewise `accept_date()` (measured on 3.2.26: "expects 's', 'ms' or 'us', got ''").
        if (sample.kind === "fetch" && DATE_UNIT_FETCHES.has(sample.name) && argumentsOf().length === 1 && argumentsOf()[0]!.text.trim() === "") {
          report({ uri: placed.section.uri, range: sample.range, message: `sample fetch '${sample.name}' has parentheses without its unit (s, ms or us); haproxy refuses the line (leave them out for seconds)` });
          continue;
        }
        // `debug([PREFIX][,SINK])`: measured on 2.6.12 and 3.0.11, a sink is stdout, stderr, buf0 or a
        // ring declared above the line ("No such sink 'x'", `debug(x,)` too, and a ring declared below).
        // 3.2.26 takes any name there at `-c` (measured: `debug(x,STDOUT)` passes).
        const sink = sinksChecked && sample.kind === "converter" && sample.name === "debug" ? argumentsOf()[1] : undefined;
        if (sink && !sink.text.includes("$")) {
          const name = unquoted(sink.text.trim());
          if (!rings) {
            const first = new Map<string, number>();
            model.sections.forEach((section, at) => section.type === "ring" && section.name !== undefined && !first.has(section.name) && first.set(section.name, at));
            rings = first;
            sectionAt = new Map(model.sections.map((section, at) => [section, at]));
          }
          const ring = rings.get(name);
          if (!BUILT_IN_SINKS.has(name) && ring === undefined) {
            report({ uri: placed.section.uri, range: sink.range, message: `converter 'debug' takes a sink (stdout, stderr, buf0 or a ring's name) as argument 2, not '${sink.text}'; haproxy refuses the line` });
            continue;
          }
          if (ring !== undefined && ring > (sectionAt!.get(placed.section) ?? Infinity)) {
            report({ uri: placed.section.uri, range: sink.range, message: `ring '${name}' is declared below this line, and haproxy ${version} looks a sink up as it reads the line: it refuses the line (move the ring section above)` });
            continue;
          }
        }
        // `add_item(DELIM,VAR[,SUFFIX])`: measured on 2.6.12, `add_item(&)` is "missing arguments (got 1/2)",
        // `add_item(&,)` "one of the optional arguments has to be nonempty"; `add_item(&,,s)` passes.
        if (sample.kind === "converter" && sample.name === "add_item") {
          const texts = argumentsOf().map((arg) => unquoted(arg.text).trim());
          const problem = texts.length < 2 ? "needs a variable's name or a suffix after its delimiter" : texts[1] === "" && (texts[2] ?? "") === "" ? "needs a variable's name or a suffix, not both empty" : undefined;
          if (problem) {
            report({ uri: placed.section.uri, range: sample.range, message: `converter 'add_item' ${problem}; haproxy refuses the line` });
            continue;
          }
        }
        if (needed && unquoted(argumentsOf()[needed[0]]?.text ?? "").trim() === "") {
          report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' needs ${needed[1]} as argument ${needed[0] + 1}; haproxy refuses the line` });
          continue;
        }
        if (sample.kind === "converter" && sample.name === "be2hex" && be2hexChunkMissing(argumentsOf().map((arg) => unquoted(arg.text).trim()))) {
          report({ uri: placed.section.uri, range: sample.range, message: `converter 'be2hex' needs a chunk size above 0 as argument 2 once a separator is given; haproxy refuses the line` });
          continue;
        }
        const later = sample.kind === "converter" && sample.name === "bytes" ? bytesProblem(argumentsOf(), model.version) : undefined;
        if (later) {
          report({ uri: placed.section.uri, range: later.range, message: `converter 'bytes' ${later.problem}; haproxy ${model.version} refuses the line` });
          continue;
        }
        if (args.max >= 0 && count > args.max) {
          report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' takes at most ${plural(args.max)} in haproxy ${exact || model.version === "2.8" ? model.version : "up to 3.4"}, and is given ${count}; haproxy refuses the line` });
        } else if (count < args.min) {
          report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' needs ${args.min === args.max ? "" : "at least "}${plural(args.min)}, and is given ${count}; haproxy refuses the line` });
        } else if (count > 0) {
          const given = argumentsOf();
          let closedAt = -1;
          for (let at = 0; at < given.length; at++) {
            const closed = closedArgumentProblem(sample.kind, sample.name, at, given[at]!.text, version);
            // haproxy stops at the first argument it cannot read.
            if (closed) {
              closedAt = at;
              report({ uri: placed.section.uri, range: given[at]!.range, message: `${what} '${sample.name}' ${closed} as argument ${at + 1}, not '${given[at]!.text}'; haproxy refuses the line` });
              break;
            }
          }
          const types = typesAt(spec, model.version);
          for (let at = 0; types && at < given.length && at < types.length; at++) {
            const type = types[at]!;
            // A required integer or mask left empty (measured: `req.payload(0,)` is "expected type 'integer' at position 2, but got nothing").
            if (at < args.min && READ_TYPES.has(type) && unquoted(given[at]!.text).trim() === "") {
              report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' needs ${typeName(type)} as argument ${at + 1}, and is given nothing; haproxy refuses the line` });
              continue;
            }
            // An optional integer left empty ends the arguments there (measured on 2.6.12: `date(,ms)` and
            // `ssl_f_s_dn(CN,,rfc2253)` are "expected ')' before ',ms)'"; `ssl_c_s_dn(,1)`, a string, passes).
            if (type === "integer" && at < given.length - 1 && given[at]!.text.trim() === "") {
              report({ uri: placed.section.uri, range: sample.range, message: `${what} '${sample.name}' leaves its optional integer argument ${at + 1} empty before another one; haproxy stops reading there and refuses the line` });
              break;
            }
            if (at === closedAt || readsAs(type, given[at]!.text)) continue;
            report({
              uri: placed.section.uri,
              range: given[at]!.range,
              message: `${what} '${sample.name}' takes ${typeName(type)} as argument ${at + 1} in haproxy ${exact ? model.version : `${model.version} (as in ${model.version === "2.8" ? "2.6 and 3.0" : "3.2"})`}, not '${given[at]!.text}'; haproxy refuses the line`,
            });
          }
        }
      }
    }
  },
};
