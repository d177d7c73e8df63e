// /etc/sysconfig/arptables (arptables-save): the one thing checked is whether the host refuses to
// answer ARP for an address: `-A INPUT -d VIP -j DROP` (or the old chain name IN), which is one way
// a direct-routing real server keeps quiet about the VIP it holds.
import { parseAddress } from "../../rules/keepalived/ip.js";
import { physicalLines, skip, wordRange, type Located, type SiteFile } from "../files.js";
import { splitWords } from "./iptables.js";

/** The addresses whose ARP requests the host drops, each with the rule that does it. */
export function parseArptables(file: SiteFile): Located<string>[] {
  const dropped: Located<string>[] = [];
  for (const line of physicalLines(file)) {
    const text = line.text.trim();
    if (text === "" || text.startsWith("#") || text.startsWith("*") || text.startsWith(":") || text === "COMMIT") continue;
    const words = splitWords(line.text);
    if ((words[0]?.word !== "-A" && words[0]?.word !== "-I") || !words[1]) {
      skip(file, line.start, line.start + line.text.length, "not an arptables-save line");
      continue;
    }
    const chain = words[1].word;
    const option = (names: string[]) => {
      const at = words.findIndex((w) => names.includes(w.word));
      return at < 0 ? undefined : words[at + 1];
    };
    const target = option(["-j", "--jump"])?.word;
    const destination = option(["-d", "--destination-ip", "--dst-ip"]);
    if ((chain === "INPUT" || chain === "IN") && target === "DROP" && destination) {
      const address = parseAddress(destination.word);
      if (address) dropped.push({ value: address.address, uri: file.uri, range: wordRange(file, line, words[0].at, line.text.trimEnd().length - words[0].at) });
    }
  }
  return dropped;
}
