// Hover text for haproxy's TLS sample fetches that summaries-haproxy-samples.mjs leaves out: the
// certificates of either side, the handshake's secrets and the ClientHello's lists. In lblint's own
// words, built from a few phrases so that the families read alike.

/** Whose certificate a `ssl_<x>_…` fetch reads. */
const CERTIFICATE = { c: "the client's certificate", f: "the certificate this listener presented", s: "the server's certificate" };

/** The certificate fields each family has: what the suffix reads. */
const FIELDS = {
  key_alg: (who) => `Algorithm of the key of ${who} (\`rsaEncryption\`, \`id-ecPublicKey\`…).`,
  sig_alg: (who) => `Algorithm that signed ${who} (\`sha256WithRSAEncryption\`…).`,
  version: (who) => `X.509 version of ${who} (3 nowadays).`,
  der: (who) => `${who[0].toUpperCase()}${who.slice(1)} in DER form, binary.`,
  chain_der: (who) => `Chain sent with ${who}, DER certificates one after another.`,
  serial: (who) => `Serial number of ${who}, binary.`,
  sha1: (who) => `SHA-1 fingerprint of ${who}, binary.`,
  notafter: (who) => `End of validity of ${who} (\`YYMMDDhhmmssZ\`).`,
  notbefore: (who) => `Start of validity of ${who} (\`YYMMDDhhmmssZ\`).`,
  i_dn: (who) => `Issuer DN of ${who}, or one of its entries (\`CN\`…).`,
  s_dn: (who) => `Subject DN of ${who}, or one of its entries (\`CN\`…).`,
};

const certificateFetches = Object.fromEntries(
  Object.entries(CERTIFICATE).flatMap(([side, who]) => Object.entries(FIELDS).map(([field, text]) => [`ssl_${side}_${field}`, text(who)])),
);

/** The TLS 1.3 secrets haproxy can log (for a key log file), per side of the connection. */
const SECRETS = {
  client_early_traffic_secret: "CLIENT_EARLY_TRAFFIC_SECRET",
  client_handshake_traffic_secret: "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
  server_handshake_traffic_secret: "SERVER_HANDSHAKE_TRAFFIC_SECRET",
  client_traffic_secret_0: "CLIENT_TRAFFIC_SECRET_0",
  server_traffic_secret_0: "SERVER_TRAFFIC_SECRET_0",
  exporter_secret: "EXPORTER_SECRET",
  early_exporter_secret: "EARLY_EXPORTER_SECRET",
};
const SIDE = { fc: "client connection", bc: "server connection" };

const secretFetches = Object.fromEntries(
  Object.entries(SIDE).flatMap(([side, connection]) => [
    ...Object.entries(SECRETS).map(([name, label]) => [`ssl_${side}_${name}`, `TLS 1.3 ${label} of the ${connection} in hex, for a key log that lets Wireshark decrypt it.`]),
    [`ssl_${side}_client_random`, `Client random of the ${connection}'s handshake, binary (key logs for TLS 1.2).`],
    [`ssl_${side}_server_random`, `Server random of the ${connection}'s handshake, binary (key logs for TLS 1.2).`],
    [`ssl_${side}_session_key`, `Master key of the ${connection}'s TLS session, binary; lets a capture be decrypted.`],
    [`ssl_${side}_unique_id`, `TLS unique id (RFC 5929 channel binding) of the ${connection}, binary.`],
    [`ssl_${side}_alg_keysize`, `Key size in bits the cipher of the ${connection} supports.`],
    [`ssl_${side}_curve`, `Curve of the key exchange on the ${connection} (\`X25519\`…); needs OpenSSL 3.`],
    [`ssl_${side}_npn`, `Protocol agreed by NPN (ALPN's predecessor) on the ${connection}.`],
  ]),
);

/** Generated for every side and field: not all exist (no `ssl_f_chain_der`), so the generator does not check them. */
export const tlsFamilySummaries = { ...certificateFetches, ...secretFetches };

export const tlsFetchSummaries = {
  // the server connection
  ssl_bc_cipher: "Cipher used with the server.",
  ssl_bc_err: "TLS error code of the server connection, 0 if none.",
  ssl_bc_err_str: "TLS error of the server connection, as text.",
  ssl_bc_is_resumed: "Whether the server connection resumed an earlier TLS session.",
  ssl_bc_session_id: "TLS session id of the server connection, binary (to see whether sessions are reused).",
  ssl_bc_use_keysize: "Symmetric key size in bits used with the server.",
  // the client connection
  ssl_c_ca_err_depth: "Depth in the CA chain of the first error found checking the client certificate, 0 if none.",
  ssl_c_r_dn: "DN of the root CA that validated the client certificate, or one of its entries.",
  ssl_fc_crtname: "Name of the certificate chosen for the client connection, as `show ssl cert` lists it.",
  ssl_fc_err_str: "TLS error of the client connection, as text.",
  ssl_fc_early_rcvd: "Whether the client sent TLS 1.3 early data on this connection, even if the handshake has finished since.",
  ssl_fc_has_early: "Whether the request came as TLS 1.3 early data, before the handshake completed (replayable: see `wait-for-handshake`).",
  ssl_fc_protocol_hello_id: "TLS version the client asked for in its ClientHello; needs `tune.ssl.capture-buffer-size`.",
  // the ClientHello as captured (tune.ssl.capture-buffer-size)
  ssl_fc_cipherlist_bin: "Ciphers the client offered in its ClientHello, binary; needs `tune.ssl.capture-buffer-size`.",
  ssl_fc_cipherlist_hex: "Ciphers the client offered in its ClientHello, in hex; needs `tune.ssl.capture-buffer-size`.",
  ssl_fc_cipherlist_str: "Ciphers the client offered in its ClientHello, by name; needs `tune.ssl.capture-buffer-size`.",
  ssl_fc_cipherlist_xxh: "XXH64 hash of the ciphers the client offered, to tell clients apart by their TLS stack.",
  ssl_fc_ecformats_bin: "Elliptic-curve point formats the client offered in its ClientHello, binary.",
  ssl_fc_eclist_bin: "Elliptic curves (groups) the client offered in its ClientHello, binary.",
  ssl_fc_extlist_bin: "Extension ids of the client's ClientHello in order, binary (for JA3-style fingerprints).",
  ssl_fc_sigalgs_bin: "Signature algorithms the client's ClientHello lists, binary.",
  ssl_fc_supported_versions_bin: "TLS versions the client's ClientHello lists as supported, binary.",
  // a ClientHello read from the request buffer (TCP mode, before any deciphering)
  "req.ssl_cipherlist": "Ciphers a ClientHello in the request buffer offers, binary.",
  "req.ssl_ec_ext": "Whether a ClientHello in the request buffer offers elliptic curves (to pick an ECDSA certificate).",
  "req.ssl_keyshare_groups": "Groups of the key shares a ClientHello in the request buffer sends, binary.",
  "req.ssl_sigalgs": "Signature algorithms a ClientHello in the request buffer lists, binary.",
  "req.ssl_st_ext": "Session ticket extension of a ClientHello in the request buffer: 0 none, 1 empty, 2 with a ticket.",
  "req.ssl_supported_groups": "Groups (curves) a ClientHello in the request buffer supports, binary.",
  req_ssl_hello_type: "Type of the TLS handshake message in the request buffer; old name of `req.ssl_hello_type`.",
  req_ssl_ver: "TLS version announced in the request buffer; old name of `req.ssl_ver`.",
  "res.ssl_hello_type": "Type of the TLS handshake message in the response buffer (2 for a ServerHello).",
  rep_ssl_hello_type: "Type of the TLS handshake message in the response buffer; old name of `res.ssl_hello_type`.",
};

export const tlsConverterSummaries = {
  x509_v_err_str: "Turns an X.509 verify error number into OpenSSL's constant name (`X509_V_ERR_CERT_HAS_EXPIRED`).",
  jwt_verify_cert: "Checks a JWT's signature with an algorithm and a loaded certificate; 1 when valid.",
  jwt_decrypt_cert: "Decrypts a JWE token with the key of a loaded certificate; the content, or nothing.",
  jwt_decrypt_jwk: "Decrypts a JWE token with a JSON Web Key; the content, or nothing.",
  jwt_decrypt_secret: "Decrypts a JWE token with a shared secret (base64); the content, or nothing.",
};
