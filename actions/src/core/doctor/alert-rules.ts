/** The alert names a chart's templates declare with a literal `alert: Name` (the runbook alerts). */
export function alertNamesInTemplates(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/^\s*-?\s*alert:\s*["']?([A-Za-z_:][A-Za-z0-9_:]*)["']?\s*$/gm)) {
      names.add(match[1] as string);
    }
  }
  return [...names].sort();
}

/** One rule as the rules API (`/api/v1/rules?type=alert`) reports it. */
export interface LoadedAlertRule {
  name: string;
  /** inactive | pending | firing */
  state: string;
  /** How many alerts of this rule are firing now. */
  firing: number;
  /** Its group and file, for the report. */
  group: string;
  file: string;
}

export interface AlertRuleComparison {
  missing: string[];
  loaded: LoadedAlertRule[];
  firing: LoadedAlertRule[];
}

/** Which expected alerts Prometheus lacks, and which of the expected ones fire now. */
export function compareAlertRules(
  expected: readonly string[],
  rules: readonly LoadedAlertRule[],
): AlertRuleComparison {
  const byName = new Map<string, LoadedAlertRule[]>();
  for (const rule of rules) byName.set(rule.name, [...(byName.get(rule.name) ?? []), rule]);
  const missing = expected.filter((name) => !byName.has(name));
  const loaded = expected.flatMap((name) => byName.get(name) ?? []);
  const firing = loaded.filter((rule) => rule.firing > 0 || rule.state === 'firing');
  return { missing, loaded, firing };
}
