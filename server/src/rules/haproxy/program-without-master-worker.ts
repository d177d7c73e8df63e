// HA074: a `program` section in a configuration that does not turn on master-worker mode. Only the
// master process starts programs, so haproxy 2.6.12 refuses the configuration when it runs without
// it ("Can't use a 'program' section without master worker mode."): `master-worker` in the global
// section turns it on, and so do the `-W` and `-Ws` command-line flags, which the systemd unit and
// the official container image pass. The file cannot tell how haproxy is started, hence a warning.
// haproxy 3.4 has no program section at all: HA005 reports its lines there.
import type { HaproxyRule } from "../../lint/rule.js";
import { describe } from "./model.js";

export const programWithoutMasterWorker: HaproxyRule = {
  meta: {
    id: "HA074",
    alias: "program-without-master-worker",
    product: "haproxy",
    severity: "warning",
    category: "correctness",
    description: "a program section in a configuration that does not turn on master-worker mode",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    if (Number(model.version) >= 3.4) return;
    const programs = model.sectionsOfType("program");
    if (programs.length === 0) return;
    if (model.sectionsOfType("global").some((section) => model.has(section, "master-worker"))) return;
    for (const program of programs) {
      report({
        uri: program.uri,
        range: (program.section.name ?? program.section.header.keyword).range,
        message: `${describe(program)} runs only in master-worker mode, which nothing in the configuration turns on: haproxy refuses it unless started with -W or -Ws (add 'master-worker' to the global section)`,
      });
    }
  },
};
