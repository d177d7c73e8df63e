// Finds the configurations of a workspace (files named keepalived.conf and haproxy.cfg): a file a
// keepalived.conf includes is then checked as part of it even when it is opened on its own (its
// vrrp_scripts, instances and variables may be defined in the including file), and a VIP can be
// followed to the haproxy binds on it. Bounded: a workspace with a
// huge tree is only partly searched, never blocking the editor.
import { basenameUri, resolveUri } from "../workspace/uri.js";
import type { FileSystem } from "../workspace/fs.js";

const SKIPPED = new Set(["node_modules", ".git", ".hg", ".svn", "dist", "build", ".cache"]);
const ROOT_NAMES = /^(keepalived\.conf|haproxy\.cfg)$/i;

/** The keepalived.conf and haproxy.cfg files under the folders, at most `limit` entries looked at. */
export async function findRoots(fs: FileSystem, folders: readonly string[], limit = 20_000, depth = 8): Promise<string[]> {
  const found: string[] = [];
  let seen = 0;
  const walk = async (dir: string, level: number): Promise<void> => {
    if (level > depth || seen > limit) return;
    const names = await fs.readDirectory(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (++seen > limit) return;
      if (SKIPPED.has(name) || name.startsWith(".")) continue;
      const uri = resolveUri(dir, name);
      const stat = await fs.stat(uri);
      if (stat?.type === "directory") await walk(uri.endsWith("/") ? uri : `${uri}/`, level + 1);
      else if (stat?.type === "file" && ROOT_NAMES.test(basenameUri(uri))) found.push(uri);
    }
  };
  for (const folder of folders) await walk(folder.endsWith("/") ? folder : `${folder}/`, 0);
  return found;
}
