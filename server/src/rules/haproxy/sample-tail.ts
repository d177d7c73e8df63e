// HA080: something right after a sample expression where haproxy wants a `,` before a converter,
// the end of the word, or (in a `%[…]` part) the closing `]`: `acl api hdr(host)x -i api`,
// `http-request set-var(txn.h) req.hdr(host)y`, `%[hdr(host)x]`. haproxy 2.6.12 refuses each one
// ("missing comma after fetch keyword 'hdr'", "expected ']' after 'hdr(host)', but found 'x'").
// Also a ',' that no converter name follows, where something else does (`src,]`, `hdr(host),(x)`:
// "unknown converter ''"); commas doubled or at the end of the word are skipped (`src,,lower`, `src,`).
import type { HaproxyRule } from "../../lint/rule.js";
import { formatWords } from "./log-format.js";
import { rangeInWord } from "./options.js";
import { samplesOf } from "./samples.js";

export const sampleTail: HaproxyRule = {
  meta: {
    id: "HA080",
    alias: "sample-tail",
    product: "haproxy",
    severity: "error",
    category: "syntax",
    description: "characters after a sample expression where haproxy wants a ',' or the expression's end",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const { placed, tails } of samplesOf(model)) {
      for (const tail of tails ?? []) {
        // A `%[…]` part of a quoted word is read only where the word is a log format (a quoted ACL
        // pattern may hold `%[` of a regex); a quoted expression is read as haproxy reads it.
        if (!tail.word.isPlain && tail.inLogFormat) {
          const reading = placed.reading;
          if (reading.kind !== "known" || !formatWords(reading.match.keyword.name, reading.match.keyword.actions, reading.args).includes(tail.word)) continue;
        }
        const text = tail.word.value;
        const expression = text.slice(tail.from, tail.at);
        // The stray part runs to the end of the word, or of the `%[…]` part.
        const close = tail.inLogFormat ? text.indexOf("]", tail.at) : -1;
        const end = close >= 0 ? close : text.length;
        const stray = text.slice(tail.at, end);
        if (tail.missing === "converter") {
          // On the ',' (or the last of several) that no converter name follows.
          report({ uri: placed.section.uri, range: rangeInWord(tail.word, tail.at - 1, tail.at), message: `no converter name after the ',' of '${text.slice(tail.from, tail.at)}': haproxy refuses the line (it reads an empty converter name)` });
          continue;
        }
        report({
          uri: placed.section.uri,
          range: rangeInWord(tail.word, tail.at, end),
          message: tail.inLogFormat
            ? `'${stray}' after '${expression}': haproxy wants ']' to end the sample expression there, and refuses the line`
            : `'${stray}' after the sample expression '${expression}': haproxy wants a ',' before a converter, or the end of the word, and refuses the line`,
        });
      }
    }
  },
};
