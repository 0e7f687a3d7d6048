import type { HistoryEventJson, HistoryJson, ParsedHistory } from './history.js';
import { normalizeEventType, writerOf } from './history.js';

/** Core's marker name for `patched()` / `deprecatePatch()` (TEMPORAL-FACTS §6). */
export const PATCH_MARKER_NAME = 'core_patch';

export interface PatchMarker {
  id: string;
  deprecated: boolean;
  eventId: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function firstPayloadData(details: Record<string, unknown>, key: string): Buffer | undefined {
  const payloads = record(details[key])?.payloads;
  const data = Array.isArray(payloads) ? record(payloads[0])?.data : undefined;
  return typeof data === 'string' ? Buffer.from(data, 'base64') : undefined;
}

/** The patch a `core_patch` marker event records, in the `patch-data` form or the legacy `patch_id` form; else undefined. */
export function patchMarkerOf(event: HistoryEventJson): PatchMarker | undefined {
  if (normalizeEventType(event.eventType) !== 'EVENT_TYPE_MARKER_RECORDED') return undefined;
  const attributes = record(event.markerRecordedEventAttributes);
  if (attributes?.markerName !== PATCH_MARKER_NAME) return undefined;
  const details = record(attributes.details) ?? {};
  const patchData = firstPayloadData(details, 'patch-data');
  if (patchData) {
    try {
      const parsed = record(JSON.parse(patchData.toString('utf8')));
      if (typeof parsed?.id === 'string')
        return { id: parsed.id, deprecated: parsed.deprecated === true, eventId: event.eventId };
    } catch {
      return undefined;
    }
  }
  const legacyId = firstPayloadData(details, 'patch_id');
  if (legacyId) {
    const deprecated = firstPayloadData(details, 'deprecated');
    return { id: legacyId.toString('utf8'), deprecated: deprecated?.[0] === 1, eventId: event.eventId };
  }
  return undefined;
}

export function patchMarkers(history: HistoryJson): PatchMarker[] {
  const found: PatchMarker[] = [];
  for (const event of history.events) {
    const marker = patchMarkerOf(event);
    if (marker) found.push(marker);
  }
  return found;
}

/** Distinct patch ids a history holds, sorted. */
export function patchIds(history: HistoryJson): string[] {
  return [...new Set(patchMarkers(history).map((m) => m.id))].sort();
}

/** The SDK's own patches (`__temporal_internal_…`, `__sdk_internal_patch_number:…`): not the user's to manage. */
export function isSdkInternal(id: string): boolean {
  return id.startsWith('__');
}

export interface CodePatch {
  id: string;
  /** `patched(id)` keeps both branches; `deprecatePatch(id)` keeps only the new one. */
  call: 'patched' | 'deprecatePatch';
}

/**
 * The patch ids a workflow bundle (or source) calls: with a literal (`patched('x')`, also as webpack writes it,
 * `(0,_temporalio_workflow__…patched)('x')`), or with a constant the same code assigns a literal to
 * (`const NOTIFY_PATCH = 'x'` … `patched(NOTIFY_PATCH)`). Ids computed at run time are not seen; the audit still
 * lists every id found in histories.
 */
export function codePatches(code: string): CodePatch[] {
  const found = new Map<string, CodePatch>();
  const add = (call: CodePatch['call'], id: string) => {
    if (isSdkInternal(id)) return;
    const key = `${call}:${id}`;
    if (!found.has(key)) found.set(key, { id, call });
  };
  const literal = /\b(patched|deprecatePatch)\)?\s*\(\s*(['"`])([^'"`\\]+)\2\s*\)/g;
  for (const match of code.matchAll(literal)) add(match[1] as CodePatch['call'], match[3] as string);
  const constant = /\b(patched|deprecatePatch)\)?\s*\(\s*(?:[\w$]+\.)?([A-Za-z_$][\w$]*)\s*\)/g;
  for (const match of code.matchAll(constant)) {
    const name = (match[2] as string).replace(/\$/g, '\\$');
    // The SDK's own `function patched(patchId)` has no such assignment, so it adds nothing.
    const assigned = new RegExp(`\\b${name}\\s*=\\s*(['"\`])([^'"\`\\\\]+)\\1`).exec(code);
    if (assigned) add(match[1] as CodePatch['call'], assigned[2] as string);
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id) || a.call.localeCompare(b.call));
}

export type PatchAdvice =
  /** `patched(id)` in code and some open run has no marker: it may still take the old branch. */
  | 'keep-old-branch'
  /** `patched(id)` in code and every open run already has the marker: the old branch can go (`deprecatePatch(id)`). */
  | 'can-deprecate'
  /** `deprecatePatch(id)` in code and open runs still hold the marker: keep the call. */
  | 'keep-deprecate-call'
  /** `deprecatePatch(id)` in code and no open run holds the marker: the call itself can be removed. */
  | 'can-remove-call'
  /** Only seen in histories; the code no longer mentions it. Open runs with a non-deprecated marker will fail replay. */
  | 'removed-from-code';

export interface PatchAuditEntry {
  id: string;
  inCode: CodePatch['call'] | null;
  /** Open runs whose history has a marker for this id. */
  openWithMarker: string[];
  /** Open runs of a workflow type that uses this patch whose history has no marker for it (the old branch's runs). */
  openWithoutMarker: string[];
  /**
   * Open runs without the marker that started on a build which wrote this marker in another run: they run code
   * that has the patch and simply have not reached it, so they will take the new branch.
   */
  openNotYetAtPatch: string[];
  /** Completed (closed) histories with a marker. */
  closedWithMarker: number;
  advice: PatchAdvice;
  explanation: string;
}

/**
 * For each patch in the code or in the histories: which open runs still need its old branch (the operations
 * guide's "keep the branch until old runs complete", made measurable). An open run without the marker either
 * passed the patch point on old code or has not reached it yet. When its first workflow task ran on a build id
 * that wrote this marker in some other history, it runs patched code and is not counted; otherwise it is counted,
 * erring on the safe side.
 */
export function auditPatches(code: CodePatch[], histories: ParsedHistory[]): PatchAuditEntry[] {
  const markersBySource = new Map(histories.map((h) => [h.source, patchMarkers(h.history)]));
  const typesUsing = new Map<string, Set<string>>();
  for (const h of histories)
    for (const marker of markersBySource.get(h.source) ?? []) {
      if (isSdkInternal(marker.id)) continue;
      const types = typesUsing.get(marker.id) ?? new Set<string>();
      types.add(h.workflowType);
      typesUsing.set(marker.id, types);
    }
  const patchedBuilds = new Map<string, Set<string>>();
  for (const h of histories) {
    const build = writerOf(h.history).buildId;
    if (!build) continue;
    for (const marker of markersBySource.get(h.source) ?? []) {
      const builds = patchedBuilds.get(marker.id) ?? new Set<string>();
      builds.add(build);
      patchedBuilds.set(marker.id, builds);
    }
  }
  const ids = [...new Set([...code.map((p) => p.id), ...typesUsing.keys()])].sort();
  return ids.map((id) => {
    const inCode = code.find((p) => p.id === id && p.call === 'deprecatePatch')
      ? 'deprecatePatch'
      : code.some((p) => p.id === id)
        ? 'patched'
        : null;
    const types = typesUsing.get(id);
    const openWithMarker: string[] = [];
    const openWithoutMarker: string[] = [];
    const openNotYetAtPatch: string[] = [];
    let closedWithMarker = 0;
    for (const h of histories) {
      const has = (markersBySource.get(h.source) ?? []).some((m) => m.id === id);
      if (h.status !== 'open') {
        if (has) closedWithMarker++;
      } else if (has) openWithMarker.push(h.source);
      // With no marker anywhere we cannot tell which types use the patch, so every open run counts.
      else if (!types || types.has(h.workflowType)) {
        const build = writerOf(h.history).buildId;
        if (build && patchedBuilds.get(id)?.has(build)) openNotYetAtPatch.push(h.source);
        else openWithoutMarker.push(h.source);
      }
    }
    let advice: PatchAdvice;
    let explanation: string;
    if (inCode === 'patched') {
      advice = openWithoutMarker.length > 0 ? 'keep-old-branch' : 'can-deprecate';
      explanation =
        advice === 'keep-old-branch'
          ? `${openWithoutMarker.length} open run(s) have no "${id}" marker and may still take the old branch: keep it until they complete`
          : `every open run already has the "${id}" marker: the old branch can be replaced by deprecatePatch('${id}')`;
    } else if (inCode === 'deprecatePatch') {
      advice = openWithMarker.length > 0 ? 'keep-deprecate-call' : 'can-remove-call';
      explanation =
        advice === 'keep-deprecate-call'
          ? `${openWithMarker.length} open run(s) hold the "${id}" marker: keep deprecatePatch('${id}') until they complete`
          : `no open run holds the "${id}" marker: deprecatePatch('${id}') can be removed`;
    } else {
      advice = 'removed-from-code';
      explanation = `the code no longer calls patched('${id}'); ${openWithMarker.length} open run(s) hold its marker`;
    }
    return {
      id,
      inCode,
      openWithMarker,
      openWithoutMarker,
      openNotYetAtPatch,
      closedWithMarker,
      advice,
      explanation,
    };
  });
}
