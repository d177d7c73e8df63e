// Which language a file is in: by its name first (haproxy.cfg, *.haproxy.cfg, haproxy/*.cfg,
// keepalived.conf, keepalived/**/*.conf, …), then, failing that, by what it contains.

/** The two configuration languages lblint reads. */
export type Format = "haproxy" | "keepalived";

/** Judges by the path alone; undefined when the name says nothing. */
export function formatFromPath(path: string): Format | undefined {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  const name = (parts[parts.length - 1] ?? "").toLowerCase();
  const dirs = parts.slice(0, -1).map((dir) => dir.toLowerCase());
  const bare = name.replace(/\.(j2|jinja2?|tmpl|tpl|erb|template|dist|sample|example|orig)$/, "");
  if (/(^|[._-])haproxy([._-][^/]*)?\.cfg$/.test(bare) || bare === "haproxy.cfg") return "haproxy";
  if (/(^|[._-])keepalived([._-][^/]*)?\.conf$/.test(bare) || bare === "keepalived.conf") return "keepalived";
  const nearest = dirs.slice(-3);
  if (bare.endsWith(".cfg") && nearest.some((dir) => dir.includes("haproxy"))) return "haproxy";
  if (bare.endsWith(".conf") && nearest.some((dir) => dir.includes("keepalived"))) return "keepalived";
  return undefined;
}

const KEEPALIVED_BLOCK =
  /^[ \t]*(?:@\^?\S+[ \t]+)?(?:global_defs|vrrp_instance|vrrp_script|vrrp_sync_group|virtual_server|virtual_server_group|real_server|static_ipaddress|static_routes|vrrp_track_process|vrrp_track_file|bfd_instance|garp_group|linkbeat_interfaces)\b[^\n#!]*\{/gm;
const HAPROXY_SECTION = /^[ \t]*(?:global|defaults|frontend|backend|listen|userlist|peers|resolvers|ring|cache|mailers|http-errors|program|log-forward|fcgi-app|crt-store|traces)(?:[ \t]+[^\s{;]+)*[ \t]*(?:#.*)?$/gm;
// The usual keywords of proxies, of the global section, and of the smaller sections (a conf.d file
// may hold only the global section, or a userlist, resolvers, peers, cache, mailers or http-errors section).
const HAPROXY_KEYWORD =
  /^[ \t]+(?:bind|server|mode|balance|default_backend|use_backend|timeout|option|maxconn|user|group|daemon|log|chroot|pidfile|stats|nbthread|ca-base|crt-base|ssl-default-bind-\S+|nameserver|parse-resolv-conf|hold|resolve_retries|accepted_payload_size|peer|mailer|errorfile|total-max-size|max-object-size|max-age|command|docroot|format|size|maxlen)(?:[ \t]|$)/gm;

// keepalived's usual keywords, and any line that opens a block (haproxy never ends a line with `{`):
// a file whose block names are all misspelt (`vrrp_instanse VI_1 {`) is still keepalived.
const KEEPALIVED_KEYWORD =
  /^[ \t]*(?:@\^?\S+[ \t]+)?(?:virtual_router_id|advert_int|auth_type|auth_pass|virtual_ipaddress|lb_algo|lb_kind|delay_loop|router_id|notification_email|notification_email_from|smtp_server|unicast_peer|unicast_src_ip|track_script|track_interface|nopreempt|persistence_timeout|connect_timeout|notify_master|notify_backup|state[ \t]+(?:MASTER|BACKUP))(?:[ \t]|$)/gm;
const BLOCK_OPENER = /^[ \t]*[A-Za-z_@][^\n#!{]*\{[ \t]*$/gm;

/** Judges by content; undefined when neither language is recognisable. */
export function formatFromContent(text: string): Format | undefined {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (sample.includes("\0")) return undefined;
  const known = (sample.match(KEEPALIVED_BLOCK) ?? []).length;
  // Known blocks weigh as before; without one, two of keepalived's keywords and a third sign (an
  // nginx file opens blocks too, but has none of these keywords).
  const keywords = known > 0 ? 0 : (sample.match(KEEPALIVED_KEYWORD) ?? []).length;
  const keepalived = known > 0 ? known : keywords >= 2 && keywords + (sample.match(BLOCK_OPENER) ?? []).length >= 3 ? 1 : 0;
  const sections = (sample.match(HAPROXY_SECTION) ?? []).length;
  const haproxy = sections === 0 ? 0 : sections * 2 + (sample.match(HAPROXY_KEYWORD) ?? []).length;
  if (keepalived === 0 && haproxy < 3) return undefined;
  return keepalived * 3 >= haproxy ? "keepalived" : "haproxy";
}

/** The format of a file, from its path first and its content second; undefined when neither tells. */
export function detectFormat(path: string, text: string): Format | undefined {
  return formatFromPath(path) ?? formatFromContent(text);
}
