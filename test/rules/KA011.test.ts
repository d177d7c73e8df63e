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
    expect(found[0]!.message).toBe("'$ID' is followed by '/24', so keepalived leaves it as written; write '${ID}'");
    expect(found[0]!.fix?.edits[0]?.newText).toBe("${ID}");
  });

  it("reports a glued $NAME inside quotes when NAME is defined", () => {
    expectKeepalived("KA011", '$DIR=/etc/keepalived\nvrrp_instance VI_1 {\n  notify_master "«$DIR»/notify.sh master"\n}\n');
  });

  it("reports an undefined glued $NAME in an unquoted word without a fix", () => {
    const found = expectKeepalived("KA011", "$A=1\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.«$B»/24\n  }\n}\n");
    expect(found[0]!.fix).toBeUndefined();
  });
});
