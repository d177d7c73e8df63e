// KA024: an `auth_pass` longer than 8 characters. VRRPv2 carries 8 bytes of password: keepalived
// reports "Truncating auth_pass to 8 characters" and uses the first 8; peers compare only those, so
// two nodes that differ after the 8th character still agree, and tooling that treats any message as
// a failure rejects the file.
import { replaceRange } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { isDynamicText } from "./vrrp.js";

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

export const authPassLength: KeepalivedRule = {
  meta: {
    id: "KA024",
    alias: "auth-pass-length",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "auth_pass is longer than the 8 characters keepalived uses",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    let defines: boolean | undefined;
    for (const { statement, uri, blockId } of model.withKeyword("auth_pass")) {
      if (blockId !== "vrrp_instance>authentication") continue;
      // The password is read from the table: its word is made only for a finding.
      const text = statement.wordText(1);
      if (text === undefined) continue;
      // Without any `$NAME=` line keepalived reads `$password` as written (measured: "Truncating
      // auth_pass to 8 characters"); a template (`{{ pass }}`) is filled in before keepalived reads it.
      const literal = text.includes("$") && !/\{\{|\{%|<%/.test(text) && !(defines ??= model.definesVariables());
      if (isDynamicText(text) && !literal) continue;
      const value = statement.wordValue(1)!;
      // At most 8 ASCII characters are at most 8 bytes (most passwords): nothing to encode.
      if (value.length <= 8 && !/[^\x00-\x7f]/.test(value)) continue;
      const bytes = ENCODER.encode(value);
      if (bytes.length <= 8) continue;
      const word = statement.args[0]!;
      const kept = DECODER.decode(bytes.slice(0, 8)).replace(/\uFFFD$/, "");
      report({
        range: word.range,
        uri,
        message: `the password is ${bytes.length} bytes long; keepalived uses only the first 8, so the rest protects nothing${literal ? ` (keepalived reads '${value}' as written: no '$NAME=' line defines a variable, so a template tool must fill it in first)` : ""}`,
        suggestions: [replaceRange(word.range, /[\s"#!{}]/.test(kept) ? `"${kept}"` : kept, "keep only the 8 characters keepalived uses (on every node)")],
      });
    }
  },
};
