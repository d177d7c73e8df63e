// Between the two products: a keepalived VIP and the haproxy `bind` lines that listen on it. Go to
// definition on a bind's address finds the VIPs that carry it; on a VIP, the binds that use it.
import type { Location } from "vscode-languageserver-types";
import type { HaproxyParseResult } from "../../../grammars/haproxy/parse.js";
import type { KeepalivedParseResult } from "../../../grammars/keepalived/parse.js";
import { keepalivedItems } from "../../../grammars/keepalived/walk.js";
import { lspRange } from "./document.js";
import type { Project } from "./project.js";

/** One address that a VIP entry or a bind line names, with where. */
interface AddressSite {
  readonly uri: string;
  readonly address: string;
  readonly start: number;
  readonly end: number;
  readonly location: Location;
}

const VIP_BLOCKS = new Set(["virtual_ipaddress", "virtual_ipaddress_excluded"]);

/** The IP of `192.0.2.1/24`, `192.0.2.1:443`, `ipv4@192.0.2.1:80`, `[2001:db8::1]:443`, lower-cased; undefined for `*`, `:80`, names. */
export function ipOf(text: string): string | undefined {
  let value = text.replace(/^(?:ipv4|ipv6|tcp4|tcp6|tcp|udp4|udp6|udp|quic4|quic6)@/, "");
  const bracket = /^\[([0-9A-Fa-f:.]+)\](?::.*)?$/.exec(value);
  if (bracket) return bracket[1]!.toLowerCase();
  value = value.replace(/\/\d+$/, "");
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::[\d-]+)?$/.exec(value);
  if (v4) return v4[1];
  // An IPv6 address with a port is written `addr:port` by haproxy only after its last colon.
  if (/^[0-9A-Fa-f:]+$/.test(value) && value.includes("::")) return value.toLowerCase();
  return undefined;
}

function keepalivedVips(uri: string, parse: KeepalivedParseResult): AddressSite[] {
  const found: AddressSite[] = [];
  for (const item of keepalivedItems(parse.ast)) {
    if (item.kind !== "block" || !item.header || !VIP_BLOCKS.has(item.header.keyword.value)) continue;
    for (const entry of item.items) {
      if (entry.kind !== "statement" || entry.prefixOnly) continue;
      const ip = ipOf(entry.keyword.value);
      const range = entry.keyword.range;
      if (ip) found.push({ uri, address: ip, start: range.startOffset, end: range.endOffset, location: { uri, range: lspRange(range) } });
    }
  }
  return found;
}

function haproxyBinds(uri: string, parse: HaproxyParseResult): AddressSite[] {
  const found: AddressSite[] = [];
  for (const section of parse.ast.sections) {
    for (const line of section.body) {
      if (line.kind !== "statement" || line.keyword.value !== "bind") continue;
      const word = line.args[0];
      if (!word) continue;
      // `bind 192.0.2.1:80,192.0.2.2:80`: each address of the list, the whole word as the place.
      for (const part of word.value.split(",")) {
        const ip = ipOf(part);
        if (ip) found.push({ uri, address: ip, start: word.range.startOffset, end: word.range.endOffset, location: { uri, range: lspRange(word.range) } });
      }
    }
  }
  return found;
}

function sites(project: Project): AddressSite[] {
  const found: AddressSite[] = [];
  for (const file of project.loaded.files.values()) {
    if (file.parse.format === "haproxy") found.push(...haproxyBinds(file.uri, file.parse));
    else found.push(...keepalivedVips(file.uri, file.parse));
  }
  return found;
}

/** The VIPs (from a bind) or the binds (from a VIP) at the cursor, in the configurations of the other product. */
export function vipCounterparts(project: Project, uri: string, offset: number, others: readonly Project[]): Location[] {
  const here = sites(project).find((site) => site.uri === uri && site.start <= offset && offset <= site.end);
  if (!here) return [];
  return others.filter((other) => other.format !== project.format).flatMap((other) => sites(other).filter((site) => site.address === here.address).map((site) => site.location));
}
