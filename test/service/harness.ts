// Language-service tests: a document with a `<|>` cursor marker, opened in a LanguageService over a
// memory file system (with any other files of the workspace), and the cursor's offset.
import { MemoryFileSystem } from "../../server/src/workspace/fs.js";
import type { Format } from "../../server/src/workspace/detect.js";
import { LanguageService } from "../../server/src/service/language-service.js";
import type { Project } from "../../server/src/service/project.js";
import type { ServiceDocument } from "../../server/src/service/document.js";

export const CURSOR = "<|>";

export interface Opened {
  readonly service: LanguageService;
  readonly document: ServiceDocument;
  readonly project: Project;
  /** The cursor's offset (the marker removed). */
  readonly offset: number;
  readonly uri: string;
  readonly text: string;
}

/** Opens `text` (with one `<|>`, or none) as `uri`; `files` are other files on the memory "disk". */
export async function open(format: Format, marked: string, options: { uri?: string; files?: Record<string, string> } = {}): Promise<Opened> {
  const offset = marked.indexOf(CURSOR);
  const text = offset < 0 ? marked : marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  const uri = options.uri ?? (format === "haproxy" ? "file:///etc/haproxy/haproxy.cfg" : "file:///etc/keepalived/keepalived.conf");
  const service = new LanguageService(new MemoryFileSystem({ ...(options.files ?? {}), [uri]: text }));
  const document = service.open(uri, format, text, 1);
  const project = await service.project(uri);
  return { service, document, project, offset: Math.max(0, offset), uri, text };
}

export const haproxy = (text: string, options?: { uri?: string; files?: Record<string, string> }) => open("haproxy", text, options);
export const keepalived = (text: string, options?: { uri?: string; files?: Record<string, string> }) => open("keepalived", text, options);
