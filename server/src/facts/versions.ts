// Version arithmetic shared by the haproxy and keepalived facts: versions are "major.minor" strings
// compared numerically ("2.10" is after "2.9"), whatever the daemon.
import type { Availability } from "./types.js";

export type AvailabilityState = "ok" | "not-yet" | "deprecated" | "removed";

/** Negative when a is before b, 0 when equal, positive when after. Missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.parseInt(pa[i] ?? "0", 10) || 0;
    const y = Number.parseInt(pb[i] ?? "0", 10) || 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Where a keyword stands at a given version: removed wins over not-yet, which wins over deprecated. */
export function availabilityAt(av: Availability | undefined, version: string): AvailabilityState {
  if (!av) return "ok";
  if (av.removed !== undefined && compareVersions(version, av.removed) >= 0) return "removed";
  if (av.since !== undefined && compareVersions(version, av.since) < 0) return "not-yet";
  if (av.deprecated !== undefined && compareVersions(version, av.deprecated) >= 0) return "deprecated";
  return "ok";
}

/**
 * Whether a version certainly lacks what `availabilityAt` calls "not-yet": it is at or before the
 * last version known to lack it (`absentThrough`, else `knownThrough`, the newest version the
 * tables cover exactly). Later targets before `since` may have it.
 */
export function certainlyAbsent(av: Availability | undefined, version: string, knownThrough: string): boolean {
  if (av?.since === undefined || compareVersions(version, av.since) >= 0) return false;
  return compareVersions(version, av.absentThrough ?? knownThrough) <= 0;
}
