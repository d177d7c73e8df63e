// Files the editor does not hold are read and parsed once per state on disk: typing in a
// keepalived.conf does not read or parse its includes again, an open included file is taken from
// the editor, and a change on disk (seen by its stamp or reported by the watcher) is read again.
import { describe, expect, it } from "vitest";
import { LanguageService } from "../../server/src/service/language-service.js";
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";

const ROOT = "file:///etc/keepalived/keepalived.conf";
const INCLUDED = "file:///etc/keepalived/conf.d/vi_1.conf";
const ROOT_TEXT = 'vrrp_script chk {\n    script "/bin/true"\n    interval 2\n}\ninclude conf.d/*.conf\n';
const INCLUDED_TEXT = "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n    track_script {\n        chk\n    }\n}\n";

/** A memory disk that counts the reads of each file. */
class CountingFileSystem extends MemoryFileSystem {
  readonly reads = new Map<string, number>();
  override readFile(uri: string): Promise<string> {
    this.reads.set(uri, (this.reads.get(uri) ?? 0) + 1);
    return super.readFile(uri);
  }
}

function setUp() {
  const disk = new CountingFileSystem({ [ROOT]: ROOT_TEXT, [INCLUDED]: INCLUDED_TEXT });
  return { disk, service: new LanguageService(disk) };
}

/** Types a comment at the end of the document, one edit per call. */
function typeInto(service: LanguageService, uri: string, version: number): void {
  const text = service.document(uri)!.text;
  const line = text.split("\n").length - 1;
  service.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `# ${version}\n` }], version);
}

const includedParse = async (service: LanguageService) => (await service.project(ROOT)).loaded.files.get(INCLUDED)!.parse;

describe("the files a configuration includes", () => {
  it("are read and parsed once while the including document is edited", async () => {
    const { disk, service } = setUp();
    service.open(ROOT, "keepalived", ROOT_TEXT, 1);
    await service.problems(ROOT);
    const first = await includedParse(service);
    for (let version = 2; version <= 20; version++) {
      typeInto(service, ROOT, version);
      const { problems } = await service.problems(ROOT);
      expect(problems.get(INCLUDED)).toBeDefined();
      // The same parse object: the included file was not parsed again.
      expect(await includedParse(service)).toBe(first);
    }
    expect(disk.reads.get(INCLUDED)).toBe(1);
    expect(disk.reads.get(ROOT) ?? 0).toBe(0);
  });

  it("are read again when they change on disk, or when the watcher says so", async () => {
    const { disk, service } = setUp();
    service.open(ROOT, "keepalived", ROOT_TEXT, 1);
    const first = await includedParse(service);

    disk.set(INCLUDED, INCLUDED_TEXT.replace("priority 100", "priority 101"));
    typeInto(service, ROOT, 2);
    const changed = await includedParse(service);
    expect(changed).not.toBe(first);
    expect(changed.lines.text).toContain("priority 101");
    expect(disk.reads.get(INCLUDED)).toBe(2);

    service.filesChanged([INCLUDED]);
    const reported = await includedParse(service);
    expect(reported).not.toBe(changed);
    expect(disk.reads.get(INCLUDED)).toBe(3);
    typeInto(service, ROOT, 3);
    expect(await includedParse(service)).toBe(reported);
    expect(disk.reads.get(INCLUDED)).toBe(3);
  });

  it("are taken from the editor while open, edit by edit, and from the disk again once closed", async () => {
    const { disk, service } = setUp();
    service.open(ROOT, "keepalived", ROOT_TEXT, 1);
    const included = service.open(INCLUDED, "keepalived", INCLUDED_TEXT, 1);
    await service.problems(ROOT);
    expect(await includedParse(service)).toBe(included.parsed);
    // Stop tracking the script from the editor: the root's script is now unused.
    service.change(INCLUDED, [{ range: { start: { line: 8, character: 0 }, end: { line: 11, character: 0 } }, text: "" }], 2);
    const { problems } = await service.problems(ROOT);
    expect(await includedParse(service)).toBe(included.parsed);
    expect(problems.get(ROOT)!.map((p) => p.code)).toContain("unused-script");
    expect(disk.reads.get(INCLUDED) ?? 0).toBe(0);

    service.close(INCLUDED);
    expect((await includedParse(service)).lines.text).toBe(INCLUDED_TEXT);
    expect(disk.reads.get(INCLUDED)).toBe(1);
  });

  it("leave a closed root read once while an included file is edited", async () => {
    const { disk, service } = setUp();
    await service.discover(["file:///etc/keepalived/"]);
    const readsAfterDiscovery = disk.reads.get(ROOT)!;
    service.open(INCLUDED, "keepalived", INCLUDED_TEXT, 1);
    for (let version = 2; version <= 10; version++) {
      typeInto(service, INCLUDED, version);
      const { project } = await service.problems(INCLUDED);
      expect(project.root).toBe(ROOT);
    }
    expect(disk.reads.get(ROOT)).toBe(readsAfterDiscovery);
  });
});
