// HA003 and HA004 over option-parameters.ts: the named parameters of options and of compression.
import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

describe("HA003 and HA004: named parameters of options and compression", () => {
  const backend = (line: string) => `backend b\n    mode http\n    ${line}\n    server s 10.0.0.1:80\n`;

  it("accepts the parameters haproxy takes", () => {
    for (const line of ["option forwardfor except 127.0.0.1 header X-Client if-none", "option originalto header X-O", "option mysql-check user x post-41", "option pgsql-check user pg", "compression algo gzip deflate", "compression offload"]) {
      expectHaproxy("HA003", backend(line));
      expectHaproxy("HA004", backend(line));
    }
  });

  it("reports parameters without a value, unknown or missing ones, and unknown algorithms", () => {
    const messages = (id: string, line: string) => expectHaproxy(id, backend(line)).map((p) => p.message);
    expect(messages("HA003", "option pgsql-check «user»")).toEqual(["'option pgsql-check user' needs a value; haproxy refuses the line"]);
    expect(messages("HA003", "«option pgsql-check»")).toEqual(["'option pgsql-check' needs 'user NAME'; haproxy refuses the line without it"]);
    expect(messages("HA003", "option forwardfor «bogus»")).toEqual(["'option forwardfor' takes 'except', 'header', 'if-none', not 'bogus'; haproxy refuses the line"]);
    expect(messages("HA003", "compression «algo»")).toEqual(["'compression algo' needs at least one algorithm; haproxy refuses the line"]);
    expect(messages("HA004", "compression algo gzip «gzp»")).toEqual(["'gzp' is not a compression algorithm (identity, gzip, deflate, raw-deflate); did you mean 'gzip'?"]);
  });
});
