// The files of a configuration that the editor does not hold (a keepalived.conf's includes, the
// other files of a haproxy set, a closed root), read and parsed once per state on disk. Without it
// every keystroke in a keepalived.conf read and parsed each file it includes. An open document
// gives its own text and incremental parse instead, so an edit there is seen at once.
import type { Format } from "../workspace/detect.js";
import type { FileSystem } from "../workspace/fs.js";
import { parseText, type FileSource, type SourceFile } from "../workspace/loader.js";
import type { ServiceDocument } from "./document.js";

interface Entry extends SourceFile {
  readonly format: Format;
  /** The size and change stamp the text was read at. */
  readonly stamp: string;
}

export class FileCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly fs: FileSystem,
    private readonly openDocument: (uri: string) => ServiceDocument | undefined,
  ) {}

  /** The cache as a loader source. */
  readonly source: FileSource = (uri, format) => this.read(uri, format);

  async read(uri: string, format: Format): Promise<SourceFile> {
    const document = this.openDocument(uri);
    if (document) {
      // The editor's buffer wins; its parse is kept by the document, once per version.
      return document.format === format ? { text: document.text, parse: document.parsed } : { text: document.text, parse: parseText(format, document.text) };
    }
    const info = await this.fs.stat(uri);
    // A file system that knows no change time cannot tell an unchanged file: read it every time.
    const stamp = info?.type === "file" && info.mtimeMs !== undefined ? `${info.size}:${info.mtimeMs}` : undefined;
    const cached = this.entries.get(uri);
    if (stamp !== undefined && cached?.stamp === stamp && cached.format === format) return cached;
    const text = await this.fs.readFile(uri);
    const entry: Entry = { text, parse: parseText(format, text), format, stamp: stamp ?? "" };
    if (stamp !== undefined) this.entries.set(uri, entry);
    else this.entries.delete(uri);
    return entry;
  }

  /** Files the editor's watcher reports as changed, created or deleted: read them again next time. */
  forget(uris: readonly string[]): void {
    for (const uri of uris) this.entries.delete(uri);
  }
}
