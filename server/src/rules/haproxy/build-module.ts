// HA091: a keyword, fetch or converter that haproxy has only when built with an optional module
// (build-modules.ts). Distribution packages are built without the device detection libraries and,
// on OpenSSL 3, without engines, so they refuse the line; a build made with the module takes it.
// The daemon at hand decides: a warning, with the make option that brings the module in.
import type { HaproxyRule } from "../../lint/rule.js";
import { MODULE_CONVERTERS, MODULE_FETCHES, MODULE_KEYWORDS, type BuildModule } from "./build-modules.js";
import { searchFor } from "./model.js";
import { samplesOf } from "./samples.js";

searchFor("51d", "da-csv", "wurfl");

const why = (what: string, module: BuildModule) =>
  `${what} comes from ${module.name}, which haproxy has only when built with ${module.flag}: the Debian packages (2.6, 3.0, 3.2), built without it, refuse the line`;

export const buildModule: HaproxyRule = {
  meta: {
    id: "HA091",
    alias: "build-module",
    product: "haproxy",
    severity: "warning",
    category: "compatibility",
    description: "a keyword, fetch or converter of an optional build module (device detection, OpenSSL engines) that packaged haproxy builds lack",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const [keyword, module] of MODULE_KEYWORDS) {
      for (const placed of model.withKeyword(keyword)) {
        if (placed.section.type !== "global") continue;
        report({ uri: placed.section.uri, range: placed.statement.keyword.range, message: why(`'${keyword}'`, module) });
      }
    }
    if (model.mentioning("51d", "da-csv", "wurfl").length === 0) return;
    for (const { placed, samples } of samplesOf(model)) {
      for (const sample of samples) {
        const module = sample.kind === "fetch" ? MODULE_FETCHES.get(sample.name) : MODULE_CONVERTERS.get(sample.name);
        if (module) report({ uri: placed.section.uri, range: sample.range, message: why(`${sample.kind === "fetch" ? "sample fetch" : "converter"} '${sample.name}'`, module) });
      }
    }
  },
};
