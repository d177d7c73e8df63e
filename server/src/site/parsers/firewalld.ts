// firewalld's permanent configuration: zone files (/etc/firewalld/zones/NAME.xml) and direct rules
// (/etc/firewalld/direct.xml), read with a real XML parser (saxes: strict, small, positions).
// Each element keeps its range so that a finding lands on the `<service>` or `<rule>` at fault. A
// file that is not well-formed XML is still read up to where the parser gives up, and is marked
// partly understood (or failed, when nothing came out of it).
import { SaxesParser } from "saxes";
import { skip, type Located, type SiteFile } from "../files.js";
import { parsePorts, type FirewallRule } from "../firewall/rules.js";
import { readRuleArgs, splitWords } from "./iptables.js";

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly where: Located<string>;
  readonly children: XmlElement[];
  text: string;
}

/** Parses an XML file into elements with ranges; errors make the file partly understood. */
export function readXml(file: SiteFile): XmlElement | undefined {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let start = 0;
  let errors = 0;
  parser.on("opentagstart", () => {
    start = Math.max(0, file.text.lastIndexOf("<", parser.position - 1));
  });
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      where: { value: tag.name, uri: file.uri, range: file.lines.range(start, parser.position) },
      children: [],
      text: "",
    };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else root ??= element;
    // saxes reports a close tag for self-closing elements too.
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (text: string) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
  });
  parser.on("error", (error: Error) => {
    errors++;
    if (errors <= 3) {
      const at = Math.min(parser.position, file.text.length);
      skip(file, Math.max(0, at - 1), at, `not well-formed XML: ${error.message.replace(/^\d+:\d+: /, "")}`);
    }
  });
  try {
    parser.write(file.text).close();
  } catch {
    // saxes throws only when an error handler does; kept for safety.
  }
  if (!root) file.status = "failed";
  return root;
}

export interface RichRule {
  readonly family: string | undefined;
  readonly priority: number;
  readonly source: { address: string; invert: boolean } | undefined;
  readonly destination: { address: string; invert: boolean } | undefined;
  readonly service: string | undefined;
  readonly port: { ports: [number, number][]; protocol: string } | undefined;
  readonly protocol: string | undefined;
  readonly action: "accept" | "reject" | "drop" | "mark" | undefined;
  readonly mark: number | undefined;
  /** `<forward-port>` inside the rule: without `to-addr`, a local redirect. */
  readonly forwardPort: ForwardPort | undefined;
  readonly where: Located<string>;
}

/** `<forward-port port protocol to-port to-addr>`: without `to-addr` the packet stays on the host (a redirect). */
export interface ForwardPort {
  readonly ports: [number, number][];
  readonly protocol: string;
  readonly toPort: number | undefined;
  readonly toAddr: string | undefined;
  readonly where: Located<string>;
}

function readForwardPort(element: XmlElement): ForwardPort | undefined {
  const a = element.attributes;
  const ports = parsePorts(a.port ?? "");
  if (!ports || !a.protocol) return undefined;
  const toPort = a["to-port"] !== undefined ? parsePorts(a["to-port"])?.[0]?.[0] : undefined;
  return { ports, protocol: a.protocol, toPort, toAddr: a["to-addr"], where: { ...element.where, value: `${a.port}/${a.protocol}` } };
}

export interface ZonePort {
  readonly ports: [number, number][];
  readonly protocol: string;
  readonly where: Located<string>;
}

export interface Zone {
  readonly name: string;
  readonly uri: string;
  readonly target: Located<string> | undefined;
  readonly services: Located<string>[];
  readonly ports: ZonePort[];
  readonly protocols: Located<string>[];
  readonly interfaces: Located<string>[];
  readonly sources: Located<string>[];
  /** `<masquerade/>`: source NAT for what leaves through the zone's interfaces. */
  masquerade: Located<string> | undefined;
  readonly rules: RichRule[];
  readonly forwardPorts: ForwardPort[];
  /** Where a new element would go: the zone's opening tag. */
  readonly where: Located<string>;
}

const located = (element: XmlElement, value: string): Located<string> => ({ ...element.where, value });

export function parseZone(file: SiteFile): Zone | undefined {
  const root = readXml(file);
  if (!root) return undefined;
  if (root.name !== "zone") {
    skip(file, 0, file.text.length, `a zone file holds <zone>, not <${root.name}>`);
    file.status = "failed";
    return undefined;
  }
  const name = decodeURIComponent(file.uri.slice(file.uri.lastIndexOf("/") + 1)).replace(/\.xml$/, "");
  const zone: Zone = {
    name,
    uri: file.uri,
    target: root.attributes.target !== undefined ? located(root, root.attributes.target) : undefined,
    services: [],
    ports: [],
    protocols: [],
    interfaces: [],
    sources: [],
    masquerade: undefined,
    rules: [],
    forwardPorts: [],
    where: root.where,
  };
  for (const child of root.children) {
    const a = child.attributes;
    switch (child.name) {
      case "service":
        if (a.name) zone.services.push(located(child, a.name));
        break;
      case "port": {
        const ports = parsePorts(a.port ?? "");
        if (ports && a.protocol) zone.ports.push({ ports, protocol: a.protocol, where: located(child, `${a.port}/${a.protocol}`) });
        break;
      }
      case "protocol":
        if (a.value) zone.protocols.push(located(child, a.value));
        break;
      case "interface":
        if (a.name) zone.interfaces.push(located(child, a.name));
        break;
      case "source":
        if (a.address) zone.sources.push(located(child, a.address));
        break;
      case "rule":
        zone.rules.push(readRichRule(child));
        break;
      case "masquerade":
        zone.masquerade = located(child, "masquerade");
        break;
      case "forward-port": {
        const forward = readForwardPort(child);
        if (forward) zone.forwardPorts.push(forward);
        break;
      }
      default:
        // short, description, forward, icmp-block…: nothing checked here.
        break;
    }
  }
  return zone;
}

function readRichRule(element: XmlElement): RichRule {
  let source: RichRule["source"];
  let destination: RichRule["destination"];
  let service: string | undefined;
  let port: RichRule["port"];
  let protocol: string | undefined;
  let action: RichRule["action"];
  let mark: number | undefined;
  let forwardPort: ForwardPort | undefined;
  for (const child of element.children) {
    const a = child.attributes;
    const invert = a.invert === "true" || a.invert === "yes";
    if (child.name === "source" && a.address) source = { address: a.address, invert };
    else if (child.name === "destination" && a.address) destination = { address: a.address, invert };
    else if (child.name === "service") service = a.name;
    else if (child.name === "port") {
      const ports = parsePorts(a.port ?? "");
      if (ports && a.protocol) port = { ports, protocol: a.protocol };
    } else if (child.name === "protocol") protocol = a.value;
    else if (child.name === "accept" || child.name === "reject" || child.name === "drop") action = child.name;
    else if (child.name === "mark") {
      action = "mark";
      const n = Number((a.set ?? "").split("/")[0]);
      if (Number.isInteger(n)) mark = n;
    } else if (child.name === "forward-port") forwardPort = readForwardPort(child);
  }
  const priority = Number(element.attributes.priority ?? "0");
  return {
    family: element.attributes.family,
    priority: Number.isFinite(priority) ? priority : 0,
    source,
    destination,
    service,
    port,
    protocol,
    action,
    mark,
    forwardPort,
    where: located(element, "rule"),
  };
}

export interface DirectRule {
  readonly ipv: string;
  readonly table: string;
  readonly chain: string;
  readonly priority: number;
  readonly rule: FirewallRule;
}

/** direct.xml: `<rule ipv table chain priority>ARGS</rule>` and `<passthrough ipv>-t T -A C ARGS</passthrough>`. */
export function parseDirect(file: SiteFile): DirectRule[] {
  return readDirect(file).rules;
}

/** direct.xml's rules, and its `<direct>` element: where a new direct rule goes. */
export function readDirect(file: SiteFile): { rules: DirectRule[]; root: Located<string> | undefined } {
  const root = readXml(file);
  if (!root) return { rules: [], root: undefined };
  const rules: DirectRule[] = [];
  for (const child of root.children) {
    const a = child.attributes;
    let words = splitWords(child.text).map((w) => w.word);
    let table = a.table ?? "filter";
    let chain = a.chain ?? "";
    if (child.name === "passthrough") {
      // `-t mangle -A PREROUTING …` (or -I).
      const t = words.indexOf("-t");
      if (t >= 0) {
        table = words[t + 1] ?? table;
        words = [...words.slice(0, t), ...words.slice(t + 2)];
      }
      const add = words.findIndex((w) => w === "-A" || w === "-I" || w === "--append" || w === "--insert");
      if (add < 0) continue;
      chain = words[add + 1] ?? "";
      words = [...words.slice(0, add), ...words.slice(add + 2)];
      if (/^\d+$/.test(words[0] ?? "")) words = words.slice(1);
    } else if (child.name !== "rule") continue;
    const parsed = readRuleArgs(words);
    rules.push({
      ipv: a.ipv ?? "ipv4",
      table,
      chain,
      priority: Number(a.priority ?? "0") || 0,
      rule: { ...parsed, where: located(child, child.text.trim()) },
    });
  }
  return { rules: rules.sort((x, y) => x.priority - y.priority), root: root.where };
}
