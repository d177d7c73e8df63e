// The haproxy rules, in id order. Adding a rule: its module here, docs/rules/<id>.md, test/rules/<id>.test.ts.
import type { HaproxyRule } from "../../lint/rule.js";
import { argumentCount } from "./argument-count.js";
import { deprecatedKeyword } from "./deprecated-keyword.js";
import { duplicateProxy } from "./duplicate-proxy.js";
import { duplicateServer } from "./duplicate-server.js";
import { headerAddress } from "./header-address.js";
import { invalidValue } from "./invalid-value.js";
import { newerKeyword } from "./newer-keyword.js";
import { removedKeyword } from "./removed-keyword.js";
import { undefinedAcl } from "./undefined-acl.js";
import { undefinedBackend } from "./undefined-backend.js";
import { unknownKeyword } from "./unknown-keyword.js";
import { unknownOption } from "./unknown-option.js";
import { unknownSample } from "./unknown-sample.js";
import { unusedAcl } from "./unused-acl.js";
import { wrongSection } from "./wrong-section.js";

export const HAPROXY_RULES: readonly HaproxyRule[] = [
  unknownKeyword,
  wrongSection,
  argumentCount,
  invalidValue,
  removedKeyword,
  deprecatedKeyword,
  unknownOption,
  newerKeyword,
  headerAddress,
  undefinedBackend,
  undefinedAcl,
  unusedAcl,
  duplicateProxy,
  duplicateServer,
  unknownSample,
];
