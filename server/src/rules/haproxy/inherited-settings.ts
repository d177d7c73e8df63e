// The settings a proxy runs with, read as haproxy applies `defaults`: the proxy's own last statement,
// else that of its nearest defaults section that has one. `mode`, `timeout NAME` and `option NAME`
// are read this way, and so is any single-valued setting a rule names.
import type { Statement } from "../../../../grammars/haproxy/ast.js";
import type { HaproxyModel } from "./model.js";
import type { Located, SectionModel } from "./section-model.js";
import { optionOf } from "./statement-reads.js";

/**
 * The settings of the proxies of one model, with what is looked up once for many proxies kept.
 * Each public method answers the model's method of the same name (documented in model.ts).
 */
export class InheritedSettings {
  private readonly modes = new Map<SectionModel, { readonly mode: string; readonly from: Located | undefined }>();
  private readonly inheritedTimeouts = new Map<SectionModel, Map<string, Located | undefined>>();

  constructor(private readonly model: HaproxyModel) {}

  setting(section: SectionModel, match: (statement: Statement) => boolean): Located | undefined {
    const found = this.lastIn(section, match);
    if (found) return { statement: found, section };
    for (const holder of this.model.defaultsChain(section)) {
      const inherited = this.lastIn(holder, match);
      if (inherited) return { statement: inherited, section: holder };
    }
    return undefined;
  }

  private lastIn(holder: SectionModel, match: (statement: Statement) => boolean): Statement | undefined {
    for (let i = holder.statements.length - 1; i >= 0; i--) {
      const statement = holder.statements[i]!;
      if (match(statement)) return statement;
    }
    return undefined;
  }

  keywordSetting(section: SectionModel, keyword: string, match?: (statement: Statement) => boolean): Located | undefined {
    const found = lastOf(this.model.keywordIn(section, keyword), match);
    if (found) return { statement: found, section };
    for (const holder of this.model.defaultsChain(section)) {
      const inherited = lastOf(this.model.keywordIn(holder, keyword), match);
      if (inherited) return { statement: inherited, section: holder };
    }
    return undefined;
  }

  mode(section: SectionModel): { readonly mode: string; readonly from: Located | undefined } {
    let found = this.modes.get(section);
    if (!found) {
      const parent = section.defaults;
      // A proxy without mode lines of its own has its defaults section's.
      if (parent && this.model.keywordIn(section, "mode").length === 0) found = this.mode(parent);
      else {
        const from = this.keywordSetting(section, "mode", hasArguments);
        found = { mode: from?.statement.args[0]!.value ?? "tcp", from };
      }
      this.modes.set(section, found);
    }
    return found;
  }

  timeout(section: SectionModel, name: string): Located | undefined {
    // A proxy without timeout lines of its own has its defaults section's: looked up once per
    // defaults section and name, not once per proxy (thousands of backends share one defaults).
    const parent = section.defaults;
    if (parent && this.model.keywordIn(section, "timeout").length === 0) {
      const byName = this.inheritedTimeouts.get(parent) ?? this.inheritedTimeouts.set(parent, new Map()).get(parent)!;
      if (byName.has(name)) return byName.get(name);
      const found = this.timeout(parent, name);
      byName.set(name, found);
      return found;
    }
    return this.keywordSetting(section, "timeout", (s) => s.args[0]?.value === name);
  }

  option(section: SectionModel, name: string): { readonly enabled: boolean; readonly from: Located } | undefined {
    const from = this.optionSetting(section, (option) => option.name === name);
    return from ? { enabled: !optionOf(from.statement)!.negated, from } : undefined;
  }

  optionSetting(section: SectionModel, match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Located | undefined {
    const found = this.lastOption(section, match);
    if (found) return { statement: found, section };
    for (const holder of this.model.defaultsChain(section)) {
      const inherited = this.lastOption(holder, match);
      if (inherited) return { statement: inherited, section: holder };
    }
    return undefined;
  }

  private lastOption(holder: SectionModel, match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Statement | undefined {
    const set = lastOptionOf(this.model.keywordIn(holder, "option"), match);
    const negated = lastOptionOf(this.model.keywordIn(holder, "no"), match);
    if (!set || !negated) return set ?? negated;
    // Both forms: the one written last decides.
    const placed = this.model.placedIn(holder);
    for (let i = placed.length - 1; i >= 0; i--) if (placed[i]!.statement === set || placed[i]!.statement === negated) return placed[i]!.statement;
    return set;
  }
}

function hasArguments(statement: Statement): boolean {
  return statement.args.length > 0;
}

/** The last of `statements` whose option (see `optionOf`) `match` accepts. */
function lastOptionOf(statements: readonly Statement[], match: (option: { readonly name: string; readonly negated: boolean }) => boolean): Statement | undefined {
  for (let i = statements.length - 1; i >= 0; i--) {
    const option = optionOf(statements[i]!);
    if (option !== undefined && match(option)) return statements[i];
  }
  return undefined;
}

/** The last of `statements` that `match` accepts (the last one when there is no `match`). */
function lastOf(statements: readonly Statement[], match: ((statement: Statement) => boolean) | undefined): Statement | undefined {
  for (let i = statements.length - 1; i >= 0; i--) if (!match || match(statements[i]!)) return statements[i];
  return undefined;
}
