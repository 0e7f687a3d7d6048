import type { HistoryJson } from '../replay/history.js';

/** Search attribute types as the SDK writes them into a payload's `type` metadata. */
export const SEARCH_ATTRIBUTE_TYPES = [
  'Text',
  'Keyword',
  'Int',
  'Double',
  'Bool',
  'Datetime',
  'KeywordList',
] as const;
export type SearchAttributeTypeName = (typeof SEARCH_ATTRIBUTE_TYPES)[number];

/** `temporal.api.enums.v1.IndexedValueType` numbers (1..7) in the order above. */
export function typeOfIndexedValue(value: number): SearchAttributeTypeName | undefined {
  return SEARCH_ATTRIBUTE_TYPES[value - 1];
}

/** Where a used search attribute was seen: a history file or rollout.yaml. */
export interface UsedSearchAttribute {
  name: string;
  type: SearchAttributeTypeName;
  seenIn: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function decodeType(metadata: Record<string, unknown> | undefined): SearchAttributeTypeName | undefined {
  const raw = metadata?.type;
  if (typeof raw !== 'string') return undefined;
  const text = Buffer.from(raw, 'base64').toString('utf8');
  return (SEARCH_ATTRIBUTE_TYPES as readonly string[]).includes(text)
    ? (text as SearchAttributeTypeName)
    : undefined;
}

/**
 * The custom search attributes a history sets (at start or through upserts), with the type the SDK wrote.
 * Names starting with `Temporal` are the server's own (e.g. TemporalChangeVersion) and are left out.
 */
export function searchAttributesIn(history: HistoryJson, source: string): UsedSearchAttribute[] {
  const found = new Map<string, UsedSearchAttribute>();
  for (const event of history.events) {
    for (const [key, value] of Object.entries(event)) {
      if (!key.endsWith('EventAttributes')) continue;
      const fields = record(record(record(value)?.searchAttributes)?.indexedFields);
      for (const [name, payload] of Object.entries(fields ?? {})) {
        if (name.startsWith('Temporal') || found.has(name)) continue;
        const type = decodeType(record(record(payload)?.metadata));
        if (type) found.set(name, { name, type, seenIn: source });
      }
    }
  }
  return [...found.values()];
}

export interface SearchAttributeProblem {
  name: string;
  expected: SearchAttributeTypeName;
  /** undefined: not registered in the namespace. */
  registered: SearchAttributeTypeName | undefined;
  seenIn: string;
}

/** Used attributes that the namespace lacks or has with another type, first use of each name winning. */
export function searchAttributeProblems(
  used: readonly UsedSearchAttribute[],
  registered: ReadonlyMap<string, SearchAttributeTypeName>,
): SearchAttributeProblem[] {
  const problems = new Map<string, SearchAttributeProblem>();
  for (const attribute of used) {
    if (problems.has(attribute.name)) continue;
    const actual = registered.get(attribute.name);
    if (actual !== attribute.type)
      problems.set(attribute.name, {
        name: attribute.name,
        expected: attribute.type,
        registered: actual,
        seenIn: attribute.seenIn,
      });
  }
  return [...problems.values()];
}

/** The `temporal operator search-attribute create` command that registers the missing ones. */
export function registerCommand(namespace: string, problems: readonly SearchAttributeProblem[]): string {
  const args = problems.map((p) => `--name ${p.name} --type ${p.expected}`).join(' ');
  return `temporal operator search-attribute create --namespace ${namespace} ${args}`;
}
