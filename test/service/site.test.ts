// Whole-site checks in the editor: a workspace folder that is a site gets the site rules'
// findings, computed from the editor's buffers, next to each file's own.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LanguageService } from "../../server/src/service/language-service.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/sites/haproxy-keepalived/", import.meta.url));
const ROOT = "file:///work/site";

function files(dir: string, prefix: string, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, `${prefix}/${name}`, out);
    else out[`${prefix}/${name}`] = readFileSync(path, "utf8");
  }
  return out;
}

describe("site checks in the editor", () => {
  it("finds a mismatch between two hosts in an unsaved buffer, in the background", async () => {
    const disk = files(FIXTURE, ROOT);
    const lb2 = `${ROOT}/lb2/etc/keepalived/keepalived.conf`;
    const service = new LanguageService(new MemoryFileSystem(disk));
    await service.discover([ROOT]);
    expect(await service.siteFindings()).toEqual(new Map());

    const edited = disk[lb2]!.replace(/advert_int\s+\d+/, "advert_int 3");
    expect(edited).not.toBe(disk[lb2]);
    service.open(lb2, "keepalived", edited, 1);
    let notified = 0;
    service.onSiteFindings = () => notified++;
    // The first answer does not wait for the site; the site check runs behind it.
    const first = await service.problems(lb2);
    expect(first.problems.get(lb2)!.some((p) => p.code === "peer-advert-int-mismatch")).toBe(false);
    await service.siteSettled();
    expect(notified).toBe(1);
    const second = await service.problems(lb2);
    const all = [...second.problems.values()].flat();
    expect(all.some((p) => p.code === "peer-advert-int-mismatch")).toBe(true);
  });
});
