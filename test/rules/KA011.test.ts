import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

describe("KA011 variable-glued", () => {
  it("accepts $NAME before a blank, a comma or the end, and ${NAME} anywhere", () => {
    expectKeepalived(
      "KA011",
      "$ID=51\n$NET=10.0.0\nvrrp_instance VI_$ID {\n  virtual_router_id $ID\n  virtual_ipaddress {\n    ${NET}.${ID}/24\n  }\n}\n",
    );
  });

  it("leaves files without definitions and shell variables in quotes alone", () => {
    expectKeepalived("KA011", 'vrrp_instance VI_1 {\n  notify_master "/bin/sh -c \'cp $HOME/a /tmp\'"\n  virtual_ipaddress {\n    10.0.0.$X/24\n  }\n}\n');
    expectKeepalived("KA011", '$A=1\nvrrp_instance VI_1 {\n  notify_master "/bin/sh -c \'cp $HOME/a /tmp\'"\n}\n');
  });

  it("reports a defined $NAME glued to text and fixes it to ${NAME}", () => {
    const found = expectKeepalived("KA011", "$ID=51\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.«$ID»/24\n  }\n}\n");
    expect(found[0]!.message).toBe("'$ID' is followed by '/24', so keepalived leaves it as written and skips the address; write '${ID}'");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("${ID}");
  });

  it("reports a glued $NAME inside quotes when NAME is defined", () => {
    expectKeepalived("KA011", '$DIR=/etc/keepalived\nvrrp_instance VI_1 {\n  notify_master "«$DIR»/notify.sh master"\n}\n');
  });

  it("reports an undefined glued $NAME in an unquoted word without a fix", () => {
    const found = expectKeepalived("KA011", "$A=1\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.«$B»/24\n  }\n}\n");
    expect(found[0]!.fix).toBeUndefined();
  });

  it("is an error where the word is an address keepalived then skips, a warning elsewhere", () => {
    const found = expectKeepalived(
      "KA011",
      '$N=4\n$DIR=/etc/keepalived\nvirtual_server 10.0.0.1 80 {\n  real_server 10.0.0.«$N»: 80 {\n    weight 1\n  }\n}\nvrrp_instance VI_1 {\n  notify_master "«$DIR»/notify.sh"\n  unicast_peer {\n    10.0.0.«$N»:\n  }\n  virtual_ipaddress {\n    10.0.0.«$N»/24 dev eth0\n  }\n}\n',
    );
    expect(found.map((problem) => problem.severity)).toEqual(["error", "warning", "error", "error"]);
  });
});
