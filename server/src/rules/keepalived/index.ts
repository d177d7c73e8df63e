// The keepalived rules, in id order. Adding a rule: its module here, docs/rules/<id>.md, test/rules/<id>.test.ts.
import type { KeepalivedRule } from "../../lint/rule.js";
import { deprecatedKeyword } from "./deprecated-keyword.js";
import { extraWords } from "./extra-words.js";
import { invalidArguments } from "./invalid-arguments.js";
import { newerKeyword } from "./newer-keyword.js";
import { removedKeyword } from "./removed-keyword.js";
import { unexpectedBrace } from "./unexpected-brace.js";
import { unknownKeyword } from "./unknown-keyword.js";
import { valueEntries } from "./value-entries.js";
import { wrongBlock } from "./wrong-block.js";

export const KEEPALIVED_RULES: readonly KeepalivedRule[] = [
  unknownKeyword,
  wrongBlock,
  invalidArguments,
  removedKeyword,
  deprecatedKeyword,
  unexpectedBrace,
  extraWords,
  valueEntries,
  newerKeyword,
];
