import { describe, expect, it } from "vitest";
import { expectKeepalived } from "./harness.js";

const auth = (pass: string) => `vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass ${pass}\n  }\n}\n`;

describe("KA024 auth-pass-length", () => {
  it("accepts passwords of up to 8 characters", () => {
    expectKeepalived("KA024", auth("12345678"));
    expectKeepalived("KA024", auth('"a b c"'));
  });

  it("reports a longer password and suggests the 8 characters keepalived keeps", () => {
    const found = expectKeepalived("KA024", auth("«0123456789abc»"));
    expect(found[0]!.message).toBe("the password is 13 bytes long; keepalived uses only the first 8, so the rest protects nothing");
    expect(found[0]!.fix).toBeUndefined();
    expect(found[0]!.suggestions?.[0]?.edits[0]?.newText).toBe("01234567");
  });

  it("counts bytes, as keepalived does", () => {
    expectKeepalived("KA024", auth("«pässwört»"));
  });

  it("reads an undefined $NAME as written, as keepalived does without any '$NAME=' line (a real file's placeholder)", () => {
    const [found] = expectKeepalived("KA024", auth("«$password»"));
    expect(found!.message).toBe(
      "the password is 9 bytes long; keepalived uses only the first 8, so the rest protects nothing (keepalived reads '$password' as written: no '$NAME=' line defines a variable, so a template tool must fill it in first)",
    );
    expectKeepalived("KA024", "$password=secret\n" + auth("$password"));
    expectKeepalived("KA024", auth("{{ vrrp_password }}"));
  });
});
