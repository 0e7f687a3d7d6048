// What the capture step takes, and the checks a front end runs on it before the step (and the Temporal
// client) is loaded.
import type { LiveSource } from '../adapters/temporal-histories.js';
import { InputError } from '../core/errors.js';

export interface CaptureOptions {
  live: LiveSource;
  /** The histories directory: files go to `<dir>/<WorkflowType>/captured-<status>-<runId>.json`, plus `manifest.json`. */
  outDir: string;
  /** Capture these types (default: every type visibility returns). */
  workflowTypes?: string[];
  /** A visibility query replacing the default (open runs plus recently closed ones). */
  query?: string;
  /** Open runs kept per workflow type (default 20). */
  openPerType?: number;
  /** Closed runs kept per workflow type and close status (default 3). */
  closedPerStatus?: number;
  /** Encrypt payloads at rest with this AES-256-GCM key. */
  codecKey?: Buffer;
}

/** Workflow type names only: each becomes a directory and a visibility query. */
export function checkWorkflowTypes(types: readonly string[], subject: string): void {
  for (const type of types) {
    if (!/^[\w.-]+$/.test(type)) {
      throw new InputError(
        subject,
        `"${type}" is not a workflow type name`,
        'use letters, digits, _, . or -',
      );
    }
  }
}
