// Setting, inserting and removing the arguments of one statement. Each value is one word: a value
// with a space is quoted, never split, so that `insertArgument(server, 2, "weight 10")` cannot turn
// into two arguments by accident (insertArguments takes the words one by one).
import type { TextEdit } from "../common/edits.js";
import type { Statement as HaproxyStatement } from "../haproxy/ast.js";
import type { Statement as KeepalivedStatement } from "../keepalived/ast.js";

export interface ArgumentOperation {
  readonly kind: "set" | "insert" | "remove";
  /** 0 = the first word after the keyword. */
  readonly index: number;
  readonly values: readonly string[];
}

function checkIndex(index: number, count: number, allowAppend: boolean, method: string): void {
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0) {
    throw new RangeError(`${method}: the argument index must be a whole number ≥ 0, got ${String(index)}`);
  }
  const last = allowAppend ? count : count - 1;
  if (index > last) {
    const which = count === 0 ? "the statement has no argument" : `the statement has ${count} argument${count === 1 ? "" : "s"} (0 to ${count - 1})`;
    throw new RangeError(`${method}: argument ${index} does not exist: ${which}${allowAppend ? `; ${count} appends` : ""}`);
  }
}

/** The edit, in document offsets, that performs `operation` on `statement`. */
export function argumentEdits(
  statement: HaproxyStatement | KeepalivedStatement,
  operation: ArgumentOperation,
  quote: (value: string) => string,
  method: string,
): TextEdit {
  const args = statement.args;
  const { kind, index, values } = operation;
  if (kind === "remove") {
    checkIndex(index, args.length, false, method);
    const previous = index === 0 ? statement.keyword : args[index - 1]!;
    return { start: previous.range.endOffset, end: args[index]!.range.endOffset, newText: "" };
  }
  checkIndex(index, args.length, true, method);
  if (values.length === 0) throw new RangeError(`${method}: no value to insert`);
  const words = values.map(quote).join(" ");
  const word = args[index];
  if (kind === "set" && word) return { start: word.range.startOffset, end: word.range.endOffset, newText: words };
  if (word) return { start: word.range.startOffset, end: word.range.startOffset, newText: words + " " };
  const last = args[args.length - 1] ?? statement.keyword;
  return { start: last.range.endOffset, end: last.range.endOffset, newText: " " + words };
}
