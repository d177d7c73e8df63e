// `virtual_server group NAME` balances every address and port (or firewall mark) listed in
// `virtual_server_group NAME`: `IP PORT`, `IP-LAST PORT` (a range of the last part of the address,
// both ends included) or `fwmark N`, one a line. The group is read from the host's effective
// configuration, so that routers can be compared and the real servers judged for each member.
import type { Word } from "../../../grammars/keepalived/ast.js";
import { parseAddress } from "../rules/keepalived/ip.js";
import type { BlockView, KeepalivedView } from "../rules/keepalived/vrrp.js";

/** One line of a virtual_server_group. */
export interface GroupMember {
  /** `192.168.1.100:80`, `192.168.1.101-110:80`, `fwmark 5`: the same member on another router has the same key. */
  readonly key: string;
  /** The addresses it stands for (a range expanded), canonical; none for a mark. */
  readonly addresses: readonly string[];
  readonly port: number | undefined;
  readonly fwmark: number | undefined;
  readonly word: Word;
}

/** The group a `virtual_server group NAME` names, with its members; undefined when it is not defined or unknowable. */
export interface ServerGroup {
  readonly block: BlockView;
  readonly members: readonly GroupMember[];
}

const MAX_RANGE = 256;

function expand(text: string): string[] | undefined {
  const range = /^(.*[.:])([0-9a-fA-F]+)-([0-9a-fA-F]+)$/.exec(text);
  if (!range) {
    const parsed = parseAddress(text);
    return parsed ? [parsed.address] : undefined;
  }
  const [, base, fromText, toText] = range;
  const v6 = base!.endsWith(":");
  const from = parseInt(fromText!, v6 ? 16 : 10);
  const to = parseInt(toText!, v6 ? 16 : 10);
  if (!(to >= from) || to - from >= MAX_RANGE) return undefined;
  const found: string[] = [];
  for (let n = from; n <= to; n++) {
    const parsed = parseAddress(`${base}${n.toString(v6 ? 16 : 10)}`);
    if (!parsed) return undefined;
    found.push(parsed.address);
  }
  return found;
}

/** Reads the group a virtual server names, from the view of the host it is on. */
export function serverGroup(view: KeepalivedView, name: Word | undefined): ServerGroup | undefined {
  if (!name || /\$|\{\{|\{%|<%/.test(name.text)) return undefined;
  const block = view.definition("virtual_server_group", name.value);
  if (!block || block.opaque) return undefined;
  const members: GroupMember[] = [];
  for (const { statement } of block.statements()) {
    const first = statement.keyword;
    const second = statement.args[0];
    if (first.value === "fwmark") {
      const mark = second ? Number(second.value) : NaN;
      if (Number.isInteger(mark)) members.push({ key: `fwmark ${mark}`, addresses: [], port: undefined, fwmark: mark, word: first });
      continue;
    }
    const addresses = expand(first.value);
    if (!addresses) continue;
    const port = second && /^\d+$/.test(second.value) ? Number(second.value) : undefined;
    const shown = addresses.length === 1 ? addresses[0]! : `${addresses[0]}-${addresses[addresses.length - 1]}`;
    members.push({ key: `${shown}:${port ?? 0}`, addresses, port, fwmark: undefined, word: first });
  }
  return { block, members };
}
