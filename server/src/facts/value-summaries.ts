// What each value of a closed list means, in lblint's own words, for hover and completion: haproxy's
// lists are those of haproxy-values.ts (plus the `option httpchk` methods), keepalived's are keyed by
// the keyword whose value they are. Read by the service only, never by a rule.

const LOG_LEVELS: Readonly<Record<string, string>> = {
  emerg: "The system is unusable (most severe level).",
  alert: "Action needed at once.",
  crit: "Critical condition.",
  err: "Error.",
  warning: "Warning.",
  notice: "Normal but significant condition.",
  info: "Informational; haproxy logs its traffic at this level.",
  debug: "Debugging detail (least severe level).",
};

const LOG_FACILITIES: Readonly<Record<string, string>> = {
  kern: "Kernel messages.",
  user: "User-level programs.",
  mail: "Mail system.",
  daemon: "System daemons.",
  auth: "Security and authorisation.",
  syslog: "The syslog daemon itself.",
  lpr: "Printing.",
  news: "Network news.",
  uucp: "UUCP.",
  cron: "Scheduled jobs.",
  auth2: "Security and authorisation (second facility).",
  ftp: "FTP daemon.",
  ntp: "Time synchronisation.",
  audit: "Audit log.",
  alert: "Log alerts.",
  cron2: "Scheduled jobs (second facility).",
  ...Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].map((n) => [`local${n}`, "Free for local use; `local0`–`local7` are the usual choice for haproxy."])),
};

const HTTP_METHODS: Readonly<Record<string, string>> = {
  OPTIONS: "Checks with an OPTIONS request (haproxy's default method).",
  GET: "Checks with a GET request: the server answers with a body.",
  HEAD: "Checks with a HEAD request: status and headers, no body.",
  POST: "Checks with a POST request.",
  PUT: "Checks with a PUT request.",
  DELETE: "Checks with a DELETE request.",
  TRACE: "Checks with a TRACE request.",
  PATCH: "Checks with a PATCH request.",
};

/** haproxy: list name (as in haproxy-values.ts) → value → meaning. */
export const HAPROXY_VALUE_SUMMARIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  mode: {
    tcp: "Layer 4: bytes are relayed as they come; only connection-level rules and fetches apply.",
    http: "Layer 7: requests and responses are parsed, so HTTP rules, headers and persistence work.",
    log: "A backend of syslog servers that `log backend@name` lines send to.",
    spop: "A backend of SPOE agents.",
    health: "Former health-check answering mode; use `http-request return status 200` instead.",
  },
  balance: {
    roundrobin: "Each server in turn, in proportion to its weight; weights may change at run time.",
    "static-rr": "Each server in turn by weight, with weights fixed at start (no limit on the number of servers).",
    leastconn: "The server with the fewest connections; suits long sessions (databases, WebSocket, LDAP).",
    first: "Fills the server with the lowest id up to its `maxconn` before using the next.",
    hash: "Hashes a sample expression of your choice (with converters) to pick the server.",
    source: "Hashes the client's address: a client stays on one server while the farm does not change.",
    uri: "Hashes the URI (or part of it): the same resource keeps hitting the same server, good for caches.",
    url_param: "Hashes a query-string parameter; round robin when it is missing.",
    hdr: "Hashes the value of a request header (`hdr(host)`); round robin when it is missing.",
    random: "A random server by weight; `random(N)` takes the least loaded of N draws (2 by default).",
    "rdp-cookie": "Hashes the RDP cookie (`mstshash` unless named) of TCP requests.",
    "log-hash": "Log backends: hashes the log message through converters to pick the server.",
    sticky: "Log backends: everything goes to the first usable server until it fails.",
  },
  "hash-type": {
    "map-based": "Static hash: weights cannot change at run time, and a server change moves most keys.",
    consistent: "Consistent hash: a server change moves only its own keys; weights may change at run time.",
  },
  "hash-type function": {
    sdbm: "SDBM hash function (the default).",
    djb2: "DJB2 hash function.",
    wt6: "WT6 hash function.",
    crc32: "CRC32 hash function.",
    none: "No hashing: the key, an integer already, is used as is.",
  },
  "hash-type modifier": {
    avalanche: "Mixes the hash once more so that close keys spread over servers.",
  },
  "http-reuse": {
    never: "Never shares an idle server connection between clients.",
    safe: "Reuses an idle connection for a client's later requests, never for its first one (the default).",
    aggressive: "Also reuses connections for first requests when the server has proved it keeps them open.",
    always: "Reuses any idle connection for any request.",
  },
  compression: {
    algo: "Compression algorithms to offer, by preference (`gzip`, `deflate`…).",
    type: "MIME types of responses to compress.",
    offload: "Compresses for the client and asks the server not to compress.",
    "algo-req": "Algorithm for request compression.",
    "algo-res": "Algorithms for response compression.",
    "type-req": "MIME types of requests to compress.",
    "type-res": "MIME types of responses to compress.",
    "minsize-req": "Smallest request body worth compressing.",
    "minsize-res": "Smallest response body worth compressing.",
    direction: "Compress requests, responses or both.",
  },
  "log facility": LOG_FACILITIES,
  "log level": LOG_LEVELS,
  "option httpchk": HTTP_METHODS,
};

const SCHEDULERS: Readonly<Record<string, string>> = {
  rr: "Round robin: each real server in turn.",
  wrr: "Weighted round robin: in turn, in proportion to the weights.",
  lc: "Least connections: the real server with the fewest active connections.",
  wlc: "Weighted least connections: fewest connections relative to weight.",
  lblc: "Locality-based least connections: a destination IP keeps its server unless overloaded.",
  lblcr: "Locality-based least connections with replication: a destination IP maps to a set of servers.",
  dh: "Destination hashing: picks the real server from a hash of the destination address.",
  sh: "Source hashing: a client address always goes to the same real server.",
  mh: "Maglev hashing: consistent source hashing that moves few clients when servers change.",
  sed: "Shortest expected delay: the server that would answer fastest given its weight and load.",
  nq: "Never queue: an idle server if there is one, else shortest expected delay.",
  fo: "Weighted failover: the available server with the highest weight takes everything.",
  ovf: "Overflow: the highest-weight server until its connections reach its weight, then the next.",
  twos: "Weighted random twos choice: the less loaded of two random picks.",
};

const FORWARDING: Readonly<Record<string, string>> = {
  NAT: "Masquerading: the director rewrites addresses; replies must come back through it.",
  DR: "Direct routing: packets are forwarded on layer 2; real servers answer clients directly.",
  TUN: "IP-in-IP tunnelling to the real servers, which answer clients directly.",
};

/** keepalived: keyword → value → meaning. */
export const KEEPALIVED_VALUE_SUMMARIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  lb_algo: SCHEDULERS,
  lvs_sched: SCHEDULERS,
  lb_kind: FORWARDING,
  lvs_method: FORWARDING,
  state: {
    MASTER: "Starts as master and owns the virtual addresses, until a higher priority shows up.",
    BACKUP: "Starts as backup and waits for the master's adverts; takes over when they stop.",
  },
  auth_type: {
    PASS: "Plain-text password in the adverts (weak; modern VRRP omits authentication).",
    AH: "IPsec Authentication Header on the adverts.",
  },
  protocol: {
    TCP: "Balances TCP connections.",
    UDP: "Balances UDP datagrams.",
    SCTP: "Balances SCTP associations.",
  },
  sorry_server_lvs_method: FORWARDING,
  ip_family: {
    inet: "IPv4: the fwmark service balances IPv4 traffic.",
    inet6: "IPv6: the fwmark service balances IPv6 traffic.",
  },
  // DNS_CHECK
  type: {
    A: "Asks for the IPv4 addresses of the name.",
    AAAA: "Asks for the IPv6 addresses of the name.",
    NS: "Asks for the name servers of the domain.",
    CNAME: "Asks for the canonical name the name is an alias of.",
    SOA: "Asks for the start-of-authority record of the zone (the default).",
    MX: "Asks for the mail exchangers of the domain.",
    TXT: "Asks for the text records of the name.",
  },
  http_protocol: {
    "1.0": "Sends HTTP/1.0 requests.",
    "1.1": "Sends HTTP/1.1 requests (with a Host header).",
    "1.0C": "Sends HTTP/1.0 requests with `Connection: close`.",
  },
  weight: { reverse: "Inverts the tracked value: it lowers the priority as it grows, or raises it when the tracked thing fails." },
  dynamic_interfaces: { allow_if_changes: "Also allow interfaces to be deleted and recreated with another index while keepalived runs." },
  lvs_flush_on_stop: { VS: "Removes only the virtual servers keepalived configured, not other IPVS services." },
  old_unicast_checksum: { never: "Never guesses the old checksum from adverts received." },
  json_version: {
    "1": "The original layout of the JSON dump.",
    "2": "VRRP data in a named array, with the tracked processes.",
  },
  // auth_hmac
  anti_replay: {
    time: "Adverts must carry a fresh timestamp (within `time_window`); the routers' clocks must agree.",
    monotonic: "Adverts' sequence numbers must only grow; no clock needed.",
  },
  mode: {
    enforce: "Accepts only signed adverts.",
    permissive: "Signs adverts and still accepts unsigned ones: a step of a roll-out.",
    "receive-only": "Checks signed adverts and accepts unsigned ones, sending none signed: the first step of a roll-out.",
  },
  // vrrp_track_process
  param_match: {
    initial: "The parameters match if the configured ones match, the last one as a prefix.",
    partial: "The parameters match if the first ones match the configured ones exactly.",
  },
};

/** Keywords whose values keepalived reads whatever their case. */
const ANY_CASE = new Set(["protocol", "type", "http_protocol"]);

/** The meaning of a value of a haproxy list (`balance` + `leastconn`); `hdr(host)` is `hdr`. */
export function haproxyValueSummary(list: string, value: string): string | undefined {
  const table = HAPROXY_VALUE_SUMMARIES[list];
  const name = value.replace(/\(.*$/s, "");
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** The meaning of a value of a keepalived keyword (`lb_kind` + `DR`); `protocol tcp` reads as TCP, `type aaaa` as AAAA. */
export function keepalivedValueSummary(keyword: string, value: string): string | undefined {
  const table = KEEPALIVED_VALUE_SUMMARIES[keyword];
  if (!table) return undefined;
  const name = ANY_CASE.has(keyword) ? value.toUpperCase() : value;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
