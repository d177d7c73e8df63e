// Which `.if` branches haproxy will read at the target version. `version_atleast()` and
// `version_before()` are decided from the target; `defined()`, `feature()` and anything with a
// variable depend on the machine and stay undecided, so their lines are checked. Lines in a branch
// that cannot be taken at the target version are left out of the model: haproxy never reads them.
import type { ConditionalBranch, Line, Predicate } from "../../../../grammars/haproxy/ast.js";
import { compareVersions } from "../../facts/versions.js";

type Truth = boolean | undefined;

/** `2.6` against `3.1-dev8`: compares major.minor; the same minor with a patch level is undecided. */
function versionAtLeast(target: string, wanted: string): Truth {
  const match = /^(\d+)\.(\d+)(.*)$/.exec(wanted.trim());
  if (!match) return undefined;
  const minor = `${match[1]}.${match[2]}`;
  const order = compareVersions(target, minor);
  if (order !== 0) return order > 0;
  return match[3] === "" || match[3] === ".0" ? true : undefined;
}

function evaluate(predicate: Predicate | undefined, target: string): Truth {
  if (!predicate) return undefined;
  switch (predicate.kind) {
    case "value":
      return /^-?\d+$/.test(predicate.text) ? Number(predicate.text) !== 0 : undefined;
    case "group":
      return evaluate(predicate.expression, target);
    case "not": {
      const inner = evaluate(predicate.operand, target);
      return inner === undefined ? undefined : !inner;
    }
    case "and": {
      const values = predicate.operands.map((p) => evaluate(p, target));
      if (values.includes(false)) return false;
      return values.every((v) => v === true) ? true : undefined;
    }
    case "or": {
      const values = predicate.operands.map((p) => evaluate(p, target));
      if (values.includes(true)) return true;
      return values.every((v) => v === false) ? false : undefined;
    }
    case "call": {
      const arg = predicate.args[0]?.value;
      if (arg === undefined || arg.includes("$")) return undefined;
      if (predicate.name === "version_atleast") return versionAtLeast(target, arg);
      if (predicate.name === "version_before") {
        const atLeast = versionAtLeast(target, arg);
        return atLeast === undefined ? undefined : !atLeast;
      }
      if ((predicate.name === "streq" || predicate.name === "strneq") && predicate.args.length === 2) {
        const other = predicate.args[1]!.value;
        if (other.includes("$")) return undefined;
        return predicate.name === "streq" ? arg === other : arg !== other;
      }
      return undefined;
    }
  }
}

/** Whether haproxy at `target` can read this branch: false when it certainly cannot. */
function branchPossible(branch: ConditionalBranch, target: string, cache: Map<ConditionalBranch, boolean>): boolean {
  const known = cache.get(branch);
  if (known !== undefined) return known;
  let possible = true;
  for (const other of branch.block.branches) {
    if (other === branch) break;
    // An earlier branch that is certainly taken shuts out the later ones.
    if (other.directive.name !== ".else" && evaluate(other.directive.predicate, target) === true) possible = false;
  }
  if (possible && branch.directive.name !== ".else" && evaluate(branch.directive.predicate, target) === false) possible = false;
  const parent = branch.block.parent;
  if (possible && parent) possible = branchPossible(parent, target, cache);
  cache.set(branch, possible);
  return possible;
}

export class ConditionalReading {
  private readonly cache = new Map<ConditionalBranch, boolean>();

  constructor(private readonly target: string) {}

  /** False when the line stands in a branch haproxy cannot read at the target version. */
  readable(line: Line): boolean {
    return line.guard === undefined || branchPossible(line.guard, this.target, this.cache);
  }
}
