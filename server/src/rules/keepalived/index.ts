// The keepalived rules, in id order. Adding a rule: its module here, docs/rules/<id>.md, test/rules/<id>.test.ts.
import type { KeepalivedRule } from "../../lint/rule.js";

export const KEEPALIVED_RULES: readonly KeepalivedRule[] = [];
