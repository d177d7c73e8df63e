import { describe, expect, it } from "vitest";
import { jsonSyntaxError, keyPosition, positionAt } from "../../server/src/workspace/json-position.js";
import { siteOf } from "../site/harness.js";

describe("positions in JSON files", () => {
  it("counts lines and columns from 1, CRLF lines included", () => {
    expect(positionAt("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt("a\r\nb", 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt("abc", 99)).toEqual({ line: 1, column: 4 });
  });

  it("finds where a key is written, not where its name appears as a value", () => {
    expect(keyPosition('{ "a": "rules", "rules" : {} }', "rules")).toEqual({ line: 1, column: 17 });
    expect(keyPosition('{ "a": 1 }', "rules")).toBeUndefined();
  });

  it("places JSON.parse's errors and leaves out its offsets", () => {
    for (const [text, at] of [
      ["{ x }", { line: 1, column: 3 }],
      ['{\n  "a": 1,\n}', { line: 3, column: 1 }],
      ['{ "a": ', { line: 1, column: 8 }],
    ] as const) {
      let error: Error | undefined;
      try {
        JSON.parse(text);
      } catch (caught) {
        error = caught as Error;
      }
      const found = jsonSyntaxError(text, error!);
      expect(found.at, text).toEqual(at);
      expect(found.detail).not.toMatch(/position|\(line/);
    }
  });

  it("places problems in the site file", async () => {
    await expect(siteOf({ "lblint.site.json": '{\n  "hosts": {},\n  "segmnts": []\n}' })).rejects.toThrow("file:///site/lblint.site.json:3:3: unknown key 'segmnts'");
    await expect(siteOf({ "lblint.site.json": '{\n  "hosts": {\n}' })).rejects.toThrow(/^file:\/\/\/site\/lblint\.site\.json:3:2: not valid JSON: /);
  });
});
