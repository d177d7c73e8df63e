import { describe, expect, it } from "vitest";
import { expectHaproxy } from "./harness.js";

// Measured on haproxy 2.6.12 (tenth mutation round's probes): "MUX protocol 'fcgi' is not compatible
// with the selected mode", "'proto' expects a valid MUX protocol, if specified (got 'h3')",
// "'tcp-request connection expect-proxy' only supports 'layer4' in frontend 'f' (got 'layer5')".
describe("HA004 switch-mode's proto and expect-proxy's layer", () => {
  it("reports a switch-mode multiplexer other than h1 or h2, and a layer other than layer4", () => {
    const found = expectHaproxy(
      "HA004",
      "frontend f\n    bind :80\n    tcp-request content switch-mode http proto «fcgi»\n    tcp-request content switch-mode http proto «h3»\n    tcp-request content switch-mode http proto h2\n    tcp-request connection expect-proxy «layer5»\n    tcp-request connection expect-netscaler-cip layer4\n",
    );
    expect(found.map((p) => p.message)).toEqual([
      "'switch-mode http' takes 'proto h1' or 'proto h2', not 'fcgi'; haproxy refuses the line",
      "'switch-mode http' takes 'proto h1' or 'proto h2', not 'h3'; haproxy refuses the line",
      "'expect-proxy' takes only 'layer4', not 'layer5'; haproxy refuses the line",
    ]);
  });

  it("reports switch-mode in a backend, which has no frontend capability (eleventh mutation round: a line moved)", () => {
    // haproxy 2.6.12: "'tcp-request switch-mode' not allowed because backend 'be' has no frontend capability"; a listen section and defaults pass.
    const found = expectHaproxy(
      "HA004",
      "defaults\n    mode tcp\n    tcp-request content switch-mode http\nbackend be\n    tcp-request content «switch-mode» http proto h1 if HTTP\n    server s 10.0.0.1:80\nlisten l\n    bind :80\n    tcp-request content switch-mode http\n    server s 10.0.0.1:80\n",
    );
    expect(found.map((p) => p.message)).toEqual(["'switch-mode' works in a frontend or listen section only: a backend has no frontend capability; haproxy refuses the line"]);
  });
});
