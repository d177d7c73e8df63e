// Reads the options of `bind`, `server`, `default-server` and `server-template` lines: which words
// are option names and which are their values, as haproxy walks them.
import type { Word } from "../../../../grammars/haproxy/ast.js";
import { haproxyBindOption, haproxyServerOption } from "../../facts/haproxy.js";
import type { HaproxyOption } from "../../facts/types.js";
import type { StatementReading } from "./keywords.js";

export interface OptionWord {
  readonly name: Word;
  /** Undefined when haproxy does not know the option. */
  readonly spec: HaproxyOption | undefined;
  readonly values: readonly Word[];
}

export interface OptionLine {
  readonly kind: "bind" | "server";
  /** Words before the options: the address of a bind; name and address of a server. */
  readonly leading: readonly Word[];
  readonly options: readonly OptionWord[];
}

/** How many leading words come before the options, per keyword. */
const LEADING: Readonly<Record<string, { kind: "bind" | "server"; count: number }>> = {
  bind: { kind: "bind", count: 1 },
  server: { kind: "server", count: 2 },
  "default-server": { kind: "server", count: 0 },
  "server-template": { kind: "server", count: 3 },
};

export function readOptions(reading: StatementReading): OptionLine | undefined {
  if (reading.kind !== "known" || reading.match.negated) return undefined;
  const layout = LEADING[reading.match.keyword.name];
  if (!layout) return undefined;
  const lookup = layout.kind === "bind" ? haproxyBindOption : haproxyServerOption;
  const args = reading.args;
  let count = layout.count;
  // A peers `server NAME` may have no address: its second word is then already an option (or nothing).
  if (layout.kind === "server" && count === 2 && args[1] && lookup(args[1].value)) count = 1;
  const options: OptionWord[] = [];
  let i = count;
  while (i < args.length) {
    const name = args[i++]!;
    const spec = lookup(name.value);
    const values: Word[] = [];
    if (spec) {
      const min = spec.args?.min ?? 0;
      const max = spec.args?.max ?? min;
      // Optional values are taken while the next word is not itself an option.
      const limit = max < 0 ? Infinity : max;
      while (values.length < limit && i < args.length && (values.length < min || !lookup(args[i]!.value))) values.push(args[i++]!);
    }
    options.push({ name, spec, values });
  }
  return { kind: layout.kind, leading: args.slice(0, count), options };
}
