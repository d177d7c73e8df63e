// KA058: VMAC options keepalived ignores. `vmac_xmit_base` sends adverts from the base interface of
// a VMAC, and means nothing without `use_vmac`: keepalived 2.2.7 drops it ("vmac_xmit_base is only
// valid with a vmac"). `promote_secondaries` is set on a VMAC automatically, so with `use_vmac`
// keepalived ignores the line ("promote_secondaries is automatically set for vmacs - ignoring"):
// harmless, and reported as information. `use_vmac` takes the VMAC interface's name, not a yes/no:
// `use_vmac false` turns the VMAC on and names it "false" (keepalived 2.2.7: "Success creating VMAC
// interface false", measured), the opposite of what the line says. A VMAC instance with unicast
// peers must send from its base interface: without `vmac_xmit_base` keepalived 2.2.7 sets it itself
// and `keepalived -t` exits 5 ("unicast with use_vmac requires vmac_xmit_base - setting", measured).
// `use_vmac` takes one name and a MAC address; a second name is dropped ("VMAC interface name already
// specified"). `use_ipvlan` takes one name, one address and a mode (`bridge`, `private`, `vepa`): a
// second name or a word that is not an address (`10.0.0.300/24`) is dropped ("IPVLAN interface already
// specified - ignoring"), a second address too ("ipvlan address already specified"); an IPv4 instance
// whose `use_ipvlan` gives no address goes to FAULT ("IPv4 ipvlan requires a source ip address to be
// configured. setting instance to fault state"). All measured with 2.2.7 and 2.3.3.
import { removeLineFix } from "../../lint/fixes.js";
import type { KeepalivedRule } from "../../lint/rule.js";
import { parseAddress } from "./ip.js";
import { UNICAST } from "./unicast-without-peers.js";
import { isConditional, vrrpView } from "./vrrp.js";

/** A MAC address as `use_vmac` takes it after the name. */
const MAC = /^[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}$/i;
/** The modes `use_ipvlan` takes. */
const IPVLAN_MODES = new Set(["bridge", "private", "vepa"]);

/** Words that say "off" where keepalived expects the VMAC interface's name. */
const NEGATIVE = new Set(["false", "no", "off", "0", "none", "disable", "disabled"]);

export const vmacOptions: KeepalivedRule = {
  meta: {
    id: "KA058",
    alias: "vmac-options",
    product: "keepalived",
    severity: "warning",
    category: "correctness",
    description: "vmac_xmit_base without use_vmac or missing with unicast settings, promote_secondaries with use_vmac, or use_vmac followed by a 'no'",
    fixable: false,
    native: "reports",
  },
  check({ model, report }) {
    for (const instance of vrrpView(model).instances) {
      if (instance.opaque) continue;
      checkWords(instance, report);
      const vmac = instance.statements("use_vmac");
      // A use_vmac for some hosts only (`@lb1 use_vmac`): either may be meant.
      if (vmac.some(({ statement }) => isConditional(statement))) continue;
      const remove = (uri: string, range: Parameters<typeof removeLineFix>[1], what: string) => {
        const lines = model.linesOf(uri);
        const fix = lines && removeLineFix(lines, range, `remove '${what}', which keepalived ignores`, "#!");
        return fix ? { suggestions: [fix] } : {};
      };
      if (vmac.length === 0) {
        for (const { statement, uri } of instance.statements("vmac_xmit_base")) {
          if (isConditional(statement)) continue;
          report({ uri, range: statement.keyword.range, message: "vmac_xmit_base only applies to an instance with use_vmac; keepalived ignores it here", ...remove(uri, statement.range, "vmac_xmit_base") });
        }
        continue;
      }
      let saidOff = false;
      for (const { statement, uri } of vmac) {
        const word = statement.args[0];
        if (!word || !NEGATIVE.has(word.value.toLowerCase())) continue;
        saidOff = true;
        report({
          uri,
          range: word.range,
          message: `use_vmac takes the name of the VMAC interface, not a yes or no: keepalived runs this instance on a VMAC named '${word.value}'; remove the line to run it without one`,
        });
      }
      // After a `use_vmac false` the fix is to remove the line, which settles this too.
      // Any unicast keyword, even an empty unicast_peer block, makes keepalived ask for it (measured).
      const unicast = instance.blocks("unicast_peer").length > 0 || UNICAST.some((keyword) => instance.statements(keyword).length > 0);
      if (!saidOff && unicast && instance.statements("vmac_xmit_base").length === 0) {
        const { statement, uri } = vmac[0]!;
        report({
          uri,
          range: statement.keyword.range,
          message: "a VMAC instance with unicast settings needs vmac_xmit_base: keepalived adds it itself, but keepalived -t exits 5 until the line is written",
        });
      }
      for (const { statement, uri } of instance.statements("promote_secondaries")) {
        if (isConditional(statement)) continue;
        report({
          uri,
          range: statement.keyword.range,
          severity: "info",
          message: "keepalived sets promote_secondaries on a VMAC by itself, and ignores this line",
          related: [{ uri: vmac[0]!.uri, range: vmac[0]!.statement.keyword.range, message: "use_vmac" }],
          ...remove(uri, statement.range, "promote_secondaries"),
        });
      }
    }
  },
};

type Report = Parameters<KeepalivedRule["check"]>[0]["report"];

/** The words of `use_vmac` and `use_ipvlan` keepalived drops, and an IPv4 ipvlan without an address. */
function checkWords(instance: ReturnType<typeof vrrpView>["instances"][number], report: Report): void {
  for (const { statement, uri } of instance.statements("use_vmac")) {
    if (isConditional(statement)) continue;
    let named = false;
    for (const word of statement.args) {
      if (word.value.includes("$") || MAC.test(word.value)) continue;
      if (named) report({ uri, range: word.range, message: `use_vmac takes one interface name (and a MAC address): keepalived drops '${word.value}' ("VMAC interface name already specified")` });
      named = true;
    }
  }
  for (const { statement, uri } of instance.statements("use_ipvlan")) {
    if (isConditional(statement)) continue;
    let named = false;
    let address = false;
    let dynamic = false;
    for (const word of statement.args) {
      if (word.value.includes("$")) {
        dynamic = true;
        continue;
      }
      if (IPVLAN_MODES.has(word.value)) continue;
      if (parseAddress(word.value)) {
        if (address) report({ uri, range: word.range, message: `use_ipvlan takes one address: keepalived drops '${word.value}' ("ipvlan address already specified")` });
        address = true;
        continue;
      }
      if (named) report({ uri, range: word.range, message: `'${word.value}' is not an address, and use_ipvlan takes one interface name: keepalived drops it ("IPVLAN interface already specified")` });
      named = true;
    }
    if (!address && !dynamic && instance.family?.family !== 6) {
      report({ uri, range: statement.keyword.range, severity: "error", message: "an IPv4 instance on an ipvlan needs its address on the use_ipvlan line (use_ipvlan [NAME] ADDRESS/PREFIX): without one keepalived puts the instance in FAULT" });
    }
  }
}
