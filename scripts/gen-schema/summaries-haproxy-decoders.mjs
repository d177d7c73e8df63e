// Hover text for haproxy's converters that summaries-haproxy-samples.mjs leaves out: the decoders of
// a saved SYN packet (`eth.*`, `ip.*`, `tcp.*`), of FIX, MQTT and RFC 7239 `Forwarded` values, the
// typed map lookups and the rarer encodings. In lblint's own words.

/** How each `map_<match>` compares the input with the keys. */
const MAP_MATCH = {
  str: "as an exact string",
  beg: "by prefix",
  end: "by suffix",
  sub: "by the first key the input contains",
  dir: "by path prefix (whole `/` segments)",
  dom: "by domain (whole `.` labels)",
  reg: "by the first regex that matches",
  int: "as an integer",
  ip: "as an address within the keys' networks",
};
const MAP_OUTPUT = { int: "integers", ip: "addresses" };

/** `map_dom_int`, `map_beg_ip`…: every typed lookup, generated; the ones that exist are kept by the generator. */
export const mapConverterSummaries = Object.fromEntries(
  Object.entries(MAP_MATCH).flatMap(([match, how]) =>
    Object.entries(MAP_OUTPUT).map(([output, values]) => [`map_${match}_${output}`, `Looks the input up in a map ${how}; the value found, read as ${values}, or the default.`]),
  ),
);

/** What the Ethernet and IP decoders take: the frame `fc_saved_syn` gives with bind `tcp-ss`. */
const FRAME = "of a saved SYN (`fc_saved_syn`, `tcp-ss 2`)";
const PACKET = "of a saved SYN (`fc_saved_syn` with `tcp-ss 1`, or `eth.data`)";
const SEGMENT = "of a TCP header (`ip.data`)";

export const decoderConverterSummaries = {
  // Ethernet
  "eth.data": `Part of an Ethernet frame ${FRAME} after its header and VLAN tags: the IP packet.`,
  "eth.hdr": `Ethernet header of a frame ${FRAME}, VLAN tags included.`,
  "eth.dst": `Destination MAC address of an Ethernet frame ${FRAME}, 6 bytes.`,
  "eth.src": `Source MAC address of an Ethernet frame ${FRAME}, 6 bytes.`,
  "eth.proto": `EtherType of an Ethernet frame ${FRAME} (0x0800 for IPv4).`,
  "eth.vlan": `Last VLAN id in the header of an Ethernet frame ${FRAME}.`,
  // IP
  "ip.data": `Payload of an IP packet ${PACKET}: the TCP header and what follows.`,
  "ip.hdr": `IP header of a packet ${PACKET}, options and extensions included.`,
  "ip.df": `1 when the IP packet ${PACKET} has the don't-fragment flag.`,
  "ip.dst": `Destination address of an IP packet ${PACKET}.`,
  "ip.src": `Source address of an IP packet ${PACKET}.`,
  "ip.proto": `Transport protocol number of an IP packet ${PACKET} (6 for TCP).`,
  "ip.tos": `TOS / traffic class byte of an IP packet ${PACKET}.`,
  "ip.ttl": `TTL / hop limit of an IP packet ${PACKET}.`,
  "ip.ver": `IP version (4 or 6) of a packet ${PACKET}.`,
  "ip.fp": "Fingerprint of the client's TCP/IP stack, from the invariant parts of its saved SYN (`fc_saved_syn`).",
  // TCP
  "tcp.src": `Source port ${SEGMENT}.`,
  "tcp.dst": `Destination port ${SEGMENT}.`,
  "tcp.seq": `Sequence number ${SEGMENT}.`,
  "tcp.win": `Window size ${SEGMENT}, unscaled.`,
  "tcp.flags": `Flags ${SEGMENT} as an integer (FIN 1 … CWR 128), to test with \`and()\`.`,
  "tcp.options_list": `Kinds of the options ${SEGMENT}, in order, one byte each.`,
  "tcp.options.mss": `MSS option value ${SEGMENT}.`,
  "tcp.options.sack": `1 when the options ${SEGMENT} permit selective acknowledgements.`,
  "tcp.options.tsopt": `1 when the options ${SEGMENT} hold a timestamp.`,
  "tcp.options.tsval": `Timestamp value in the options ${SEGMENT}.`,
  "tcp.options.wsopt": `1 when the options ${SEGMENT} hold a window scale.`,
  "tcp.options.wscale": `Window scale in the options ${SEGMENT}.`,
  // other protocols
  fix_is_valid: "Whether the binary input is a well-formed FIX (Financial Information eXchange) message.",
  fix_tag_value: "Value of a tag (by number or name) of a FIX message.",
  mqtt_is_valid: "Whether the binary input is a valid MQTT packet.",
  mqtt_field_value: "Value of a field or property of an MQTT packet of a given type (`connect`…).",
  rfc7239_is_valid: "Whether the input is a valid RFC 7239 `Forwarded` header value.",
  rfc7239_field: "One parameter (`for`, `by`, `host`, `proto`) of a `Forwarded` header value.",
  rfc7239_n2nn: "Address or name part of a `for`/`by` node of a `Forwarded` header.",
  rfc7239_n2np: "Port part of a `for`/`by` node of a `Forwarded` header.",
  rfc7239_nn: "Writes an address or name as a `Forwarded` node name (quoted, bracketed or `_` prefixed).",
  rfc7239_np: "Writes a port or name as a `Forwarded` node port.",
  // proxies and servers named by the input
  fe_exists: "Whether a frontend of the name given as input exists.",
  nbsrv: "Usable servers of the backend named by the input.",
  srv_is_up: "Whether the server named by the input (`backend/server`) is up.",
  srv_queue: "Requests waiting in the queue of the server named by the input (`backend/server`).",
  // encodings and hashes
  base2: "Binary input as text of 0s and 1s, eight per byte (for prefix matching of addresses).",
  be2hex: "Binary input as hex, optionally in chunks with a separator.",
  le2dec: "Reads little-endian binary input as decimal numbers, a chunk each, joined by a separator.",
  htonl: "Integer as 4 bytes in network byte order.",
  crc32c: "CRC32C hash of the input (optionally avalanched) as an integer.",
  cut_crlf: "Cuts the input at its first CR or LF.",
  reverse_dom: "Reverses the labels of a host name (`www.example.com` → `com.example.www`).",
  // time
  ms_ltime: "Formats a Unix time in milliseconds in local time with strftime's format (`%N` too).",
  ms_utime: "Formats a Unix time in milliseconds in UTC with strftime's format (`%N` too).",
  us_ltime: "Formats a Unix time in microseconds in local time with strftime's format (`%N` too).",
  us_utime: "Formats a Unix time in microseconds in UTC with strftime's format (`%N` too).",
  // encryption
  aes_cbc_dec: "Decrypts the input with AES-CBC (key and nonce in base64).",
  aes_cbc_enc: "Encrypts the input with AES-CBC (key and nonce in base64).",
  // device detection
  "51d.single": "Device properties 51Degrees finds from the input (a User-Agent), joined by its separator.",
  "da-csv-conv": "Device properties DeviceAtlas finds from the input (a User-Agent), joined by its separator.",
};
