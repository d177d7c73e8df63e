// KA061: a tracker definition's values keepalived sets aside. In a `vrrp_track_process` a
// `quorum_max` below the `quorum` written before it is ignored ("quorum_max is less than quorum -
// ignoring"), and a `quorum` above the `quorum_max` written before it likewise ("Quorum is greater
// than quorum_max - ignoring"): the tracker then counts with the default. A `track_file`'s
// `init_file` value outside -254..254 is reported ("Track file NAME init value 300 is outside
// sensible range [-254, 254]"). Measured with keepalived 2.2.7 and 2.3.3; a `quorum_max 0` beside
// the default quorum draws no message and is left alone.
import type { KeepalivedRule } from "../../lint/rule.js";
import { BlockView } from "./block-view.js";
import { intOf, isConditional } from "./vrrp.js";

export const trackerValues: KeepalivedRule = {
  meta: {
    id: "KA061",
    alias: "tracker-values",
    product: "keepalived",
    severity: "error",
    category: "correctness",
    description: "a vrrp_track_process quorum_max below its quorum (keepalived ignores the later line), or a track_file init_file outside -254..254",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const [, blocks] of model.definitions("vrrp_track_process")) {
      for (const placed of blocks) {
        const view = new BlockView(model, placed);
        const lines = [...view.statements("quorum"), ...view.statements("quorum_max")].sort((a, b) => a.order - b.order);
        let quorum: number | undefined;
        let max: number | undefined;
        for (const { statement, uri, keyword } of lines) {
          if (isConditional(statement)) return;
          const value = intOf(statement.args[0]);
          if (value === undefined) continue;
          if (keyword === "quorum") {
            if (max !== undefined && max > 0 && value > max) {
              report({ uri, range: statement.args[0]!.range, message: `quorum ${value} is above the quorum_max ${max} set before it: keepalived ignores this line and keeps quorum ${quorum ?? 1}` });
              continue;
            }
            quorum = value;
          } else {
            if (quorum !== undefined && value > 0 && value < quorum) {
              report({ uri, range: statement.args[0]!.range, message: `quorum_max ${value} is below the quorum ${quorum} set before it: keepalived ignores this line` });
              continue;
            }
            max = value;
          }
        }
      }
    }
    for (const kind of ["track_file", "vrrp_track_file"]) {
      for (const [name, blocks] of model.definitions(kind)) {
        for (const placed of blocks) {
          for (const { statement, uri } of new BlockView(model, placed).statements("init_file")) {
            const value = intOf(statement.args[0]);
            if (value === undefined || Math.abs(value) <= 254) continue;
            report({ uri, range: statement.args[0]!.range, severity: "warning", message: `init_file ${value} is outside -254..254, the weights a tracked file can give; keepalived reports it ("Track file ${name} init value ${value} is outside sensible range")` });
          }
        }
      }
    }
  },
};
