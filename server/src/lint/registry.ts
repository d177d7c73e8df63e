// Every rule lblint has, listed explicitly (no discovery at run time): the CLI, the language server
// and the docs index read this list. Ids are stable and never reused.
import type { HaproxyRule, KeepalivedRule, Product, Rule, SiteRule } from "./rule.js";
import { HAPROXY_RULES } from "../rules/haproxy/index.js";
import { KEEPALIVED_RULES } from "../rules/keepalived/index.js";
import { SITE_RULES } from "../site/rules/index.js";

/** Every rule lblint has, haproxy's, keepalived's, then the site rules. */
export const RULES: readonly Rule[] = [...HAPROXY_RULES, ...KEEPALIVED_RULES, ...SITE_RULES];

let byName: Map<string, Rule[]> | undefined;

/**
 * The rules a name designates: an id (`HA001`, any case) names one rule; an alias may name one rule
 * in each product (`unknown-keyword` is both HA… and KA…), and a setting for it applies to both.
 */
export function findRules(name: string, product?: Product): Rule[] {
  if (!byName) {
    byName = new Map();
    for (const rule of RULES) {
      for (const key of [rule.meta.id.toLowerCase(), rule.meta.alias]) byName.set(key, [...(byName.get(key) ?? []), rule]);
    }
  }
  const found = byName.get(name.toLowerCase()) ?? [];
  return product ? found.filter((rule) => rule.meta.product === product) : found;
}

export function haproxyRules(): readonly HaproxyRule[] {
  return HAPROXY_RULES;
}

export function keepalivedRules(): readonly KeepalivedRule[] {
  return KEEPALIVED_RULES;
}

export function siteRules(): readonly SiteRule[] {
  return SITE_RULES;
}
