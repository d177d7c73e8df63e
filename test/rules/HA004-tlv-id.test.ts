// The TLV ID of a server's set-proxy-v2-tlv-fmt(ID) (invalid-value.ts, tlvIdProblem): each line asked
// of haproxy 2.6.12 (which has no such option), 3.0.11 and 3.2.26 (round13-cases.ts asks them again).
import { round13Cases } from "./round13-cases.js";

const tlv = (id: string, refused?: string) => ({ line: `server s0 127.0.0.1:81 set-proxy-v2-tlv-fmt(${id}) x`, since: "3.0" as const, ...(refused ? { refused } : {}) });

round13Cases("set-proxy-v2-tlv-fmt's TLV ID", [
  tlv("0"), tlv("0xFF"), tlv("255"), tlv("010"), tlv("+5"),
  tlv("0x100", "HA004"), tlv("256", "HA004"), tlv("-1", "HA004"), tlv("1a", "HA004"), tlv("09", "HA004"), tlv("", "HA004"), tlv("1e2", "HA004"),
]);
