// The words that open a haproxy section, across the versions lblint knows (2.4 to 3.4). A line whose
// first word is one of these starts a new section wherever it stands; which of them a given haproxy
// version accepts is the facts layer's business.

/** What a section keyword takes after it. */
export interface SectionKind {
  /** Whether the section takes a name word after its keyword. */
  readonly named: "no" | "optional" | "required";
  /** Whether `from <defaults>` may follow the name. */
  readonly inherits: boolean;
}

/** Every haproxy section keyword lblint knows, with what it takes after it. */
export const SECTION_KINDS: ReadonlyMap<string, SectionKind> = new Map<string, SectionKind>([
  ["global", { named: "no", inherits: false }],
  ["defaults", { named: "optional", inherits: true }],
  ["frontend", { named: "required", inherits: true }],
  ["backend", { named: "required", inherits: true }],
  ["listen", { named: "required", inherits: true }],
  ["userlist", { named: "required", inherits: false }],
  ["peers", { named: "required", inherits: false }],
  ["resolvers", { named: "required", inherits: false }],
  ["mailers", { named: "required", inherits: false }],
  ["program", { named: "required", inherits: false }],
  ["http-errors", { named: "required", inherits: false }],
  ["ring", { named: "required", inherits: false }],
  ["cache", { named: "required", inherits: false }],
  ["fcgi-app", { named: "required", inherits: false }],
  ["log-forward", { named: "required", inherits: false }],
  ["crt-store", { named: "optional", inherits: false }],
  ["traces", { named: "no", inherits: false }],
  ["acme", { named: "required", inherits: false }],
  ["healthcheck", { named: "required", inherits: false }],
  ["log-profile", { named: "required", inherits: false }],
]);
