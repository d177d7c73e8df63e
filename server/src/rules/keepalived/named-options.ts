// KA003 for the global_defs keywords whose values are named options (`lvs_sync_daemon eth0 VI_1 id
// 5 port 8848`, `lvs_timeouts tcp 7200 udp 300`): each option's value in the range keepalived 2.2.7
// holds it to, and no option it does not know. Measured with keepalived -t: "Invalid syncid (300) -
// defaulting to vrid", "Invalid lvs_sync_daemon port (0) - ignoring", "lvs_sync_daemon group address
// 10.0.0.1 is not multicast - ignoring", "Unknown option bogus specified for lvs_timeouts",
// "Invalid lvs_timeout udp (86400000) - ignoring". The instance lvs_sync_daemon names must exist:
// `keepalived -t` says nothing, and the VRRP process then drops the sync daemon's settings at start
// ("Unable to find vrrp instance VI_9 for lvs_syncd - clearing lvs_syncd config").
import type { Word } from "../../../../grammars/keepalived/ast.js";
import type { KeepalivedRule, Report } from "../../lint/rule.js";
import { inNetwork, parseAddress } from "./ip.js";
import { didYouMean, replacementFixes } from "../../lint/fixes.js";
import { suggest } from "../../lint/suggest.js";
import { isDynamic, vrrpView } from "./vrrp.js";

type Check = (value: string) => string | undefined;

const integer = (low: number, high: number): Check => (value) =>
  /^\d+$/.test(value) && Number(value) >= low && Number(value) <= high ? undefined : `is not a whole number from ${low} to ${high}`;

function multicast(value: string): string | undefined {
  const address = parseAddress(value);
  if (!address || value.includes("/")) return "is not an IP address";
  return inNetwork(address, address.family === 4 ? "224.0.0.0/4" : "ff00::/8") ? undefined : "is not a multicast address";
}

interface NamedOptions {
  /** Words before the options (`INTERFACE VRRP_INSTANCE`). */
  readonly leading: number;
  readonly options: Readonly<Record<string, Check>>;
}

const KEYWORDS: Readonly<Record<string, NamedOptions>> = {
  lvs_sync_daemon: {
    leading: 2,
    options: { id: integer(0, 255), maxlen: integer(1, 65507), port: integer(1, 65535), ttl: integer(1, 255), group: multicast },
  },
  lvs_timeouts: {
    leading: 0,
    options: { tcp: integer(0, 2678400), tcpfin: integer(0, 2678400), udp: integer(0, 2678400) },
  },
};

function optionReports(name: string, spec: NamedOptions, args: readonly Word[]): Report[] {
  const reports: Report[] = [];
  // `lvs_sync_daemon eth0 inst VI_1`: the instance may be named with `inst`.
  const start = name === "lvs_sync_daemon" && args[1]?.value === "inst" ? spec.leading + 1 : spec.leading;
  for (let i = start; i < args.length; i++) {
    const word = args[i]!;
    if (isDynamic(word)) return reports;
    const check = Object.hasOwn(spec.options, word.value) ? spec.options[word.value] : undefined;
    if (!check) {
      reports.push({ range: word.range, message: `'${word.value}' is not an option of ${name} (${Object.keys(spec.options).join(", ")}); keepalived reports it` });
      // Its value (`tcpfinal 120`) is the same mistake: one finding.
      if (args[i + 1] && !Object.hasOwn(spec.options, args[i + 1]!.value)) i++;
      continue;
    }
    const value = args[++i];
    const consequence = word.value === "id" ? "keepalived uses the instance's router id instead" : "keepalived ignores it";
    // keepalived 2.2.7 and 2.3.3: "No value specified for lvs_sync_daemon id, defaulting to vrid", "… port - ignoring" (fifteenth mutation round).
    if (!value) reports.push({ range: word.range, message: `'${word.value}' needs a value after it; keepalived reports it and ${consequence.replace(/^keepalived /, "")}` });
    if (!value || isDynamic(value)) continue;
    const problem = check(value.value);
    if (problem) reports.push({ range: value.range, message: `'${value.value}' ${problem} for ${name} ${word.value}; ${consequence}` });
  }
  return reports;
}

export function namedOptionReports(model: Parameters<KeepalivedRule["check"]>[0]["model"], report: Parameters<KeepalivedRule["check"]>[0]["report"]): void {
  for (const [name, spec] of Object.entries(KEYWORDS)) {
    for (const { statement, uri, blockId } of model.withKeyword(name)) {
      if (blockId !== "global_defs") continue;
      for (const item of optionReports(name, spec, statement.args)) report({ uri, ...item });
      if (name === "lvs_sync_daemon") {
        const instance = syncInstanceReport(model, statement.args);
        if (instance) report({ uri, ...instance });
      }
    }
  }
}

/** `lvs_sync_daemon IFACE [inst] NAME` naming no vrrp_instance of the configuration. */
function syncInstanceReport(model: Parameters<KeepalivedRule["check"]>[0]["model"], args: readonly Word[]): Report | undefined {
  const word = args[1]?.value === "inst" ? args[2] : args[1];
  if (!word || isDynamic(word)) return undefined;
  const view = vrrpView(model);
  if (view.opaque) return undefined;
  const names = view.instances.flatMap((instance) => instance.names);
  if (names.includes(word.value)) return undefined;
  const candidates = suggest(word.value, names);
  return {
    range: word.range,
    message: `lvs_sync_daemon names vrrp_instance '${word.value}', which is not defined: keepalived drops the sync daemon's settings when it starts${didYouMean(candidates)}`,
    ...replacementFixes(word.range, candidates),
  };
}
