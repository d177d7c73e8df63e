import { describe, expect, it } from "vitest";
import { applyEdits } from "../../grammars/common/edits.js";
import { expectHaproxy, unmark } from "./harness.js";

describe("HA029 directive-typo", () => {
  it("accepts every directive haproxy knows, and comments after .else/.endif", () => {
    expectHaproxy(
      "HA029",
      `.if defined(A)
.notice "a"
.elif version_atleast(2.4)
.warning "b"
.else # fallback
.diag "c"
.alert "d"
.endif # end
global
    maxconn 100
`,
    );
  });

  it("fixes .elseif and its cousins to .elif", () => {
    const source = "global\n.if defined(A)\n    maxconn 1\n«.elseif» defined(B)\n    maxconn 2\n«.ELIF» defined(C)\n«.elsif» defined(D)\n.endif\n";
    const found = expectHaproxy("HA029", source);
    expect(found[0]!.message).toBe("'.elseif' is not a directive haproxy knows (inside a false '.if' branch it is skipped silently); did you mean '.elif'?");
    const text = unmark(source).text;
    expect(applyEdits(text, found.flatMap((p) => p.fix!.edits))).toBe(text.replace(".elseif", ".elif").replace(".ELIF", ".elif").replace(".elsif", ".elif"));
  });

  it("suggests the closest directive for other misspellings", () => {
    const found = expectHaproxy("HA029", "global\n.if defined(A)\n«.endfi»\n«.frobnicate»\n");
    expect(found[0]!.fix?.edits[0]?.newText).toBe(".endif");
    expect(found[1]!.fix).toBeUndefined();
  });

  it("turns .else if into .elif, and removes arguments after .else and .endif", () => {
    const source = "global\n.if defined(A)\n«.else if» defined(B)\n.else «foo»\n.endif «defined(A) x»\n";
    const found = expectHaproxy("HA029", source);
    expect(found.map((p) => p.message)).toEqual([
      "haproxy has no '.else if': write '.elif'",
      "'.else' takes no argument; haproxy refuses this line",
      "'.endif' takes no argument; haproxy refuses this line",
    ]);
    expect(applyEdits(unmark(source).text, found.flatMap((p) => p.fix!.edits))).toBe("global\n.if defined(A)\n.elif defined(B)\n.else\n.endif\n");
  });

  it("reports a predicate haproxy does not have, and suggests the closest", () => {
    const found = expectHaproxy("HA029", "global\n.if «nosuch»(X)\n    maxconn 1\n.elif !(defined(A) && «versio_atleast»(2.4))\n.elif «strstr»(a,b)\n.endif\n", { haproxyVersion: "2.6" });
    expect(found.map((p) => p.message)).toEqual([
      "'nosuch' is not a predicate haproxy knows: haproxy refuses the condition",
      "'versio_atleast' is not a predicate haproxy knows: haproxy refuses the condition; did you mean 'version_atleast'?",
      "'strstr' is not a predicate haproxy 2.6 knows (later versions have it): haproxy refuses the condition",
    ]);
  });

  it("takes a later version's predicates at that version", () => {
    expectHaproxy("HA029", "global\n.if strstr(a,b) || enabled(x)\n.endif\n", { haproxyVersion: "3.4" });
  });

  it("warns about an .if without a condition, which haproxy reads as false", () => {
    const found = expectHaproxy("HA029", "frontend fe\n«.if»\n    bind :80\n.endif\n");
    expect(found[0]!.severity).toBe("warning");
  });
});
