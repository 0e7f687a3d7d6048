// The rollout actions' action.yml files and the option table say the same: every input the table gives the
// action is declared with the table's description and default, and every declared input is read by the table or
// named below as the action's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ANALYZE_OPTIONS } from './analyze.js';
import { BUILD_OPTIONS } from './build.js';
import { PROMOTE_OPTIONS, ROLLBACK_OPTIONS } from './commands.js';
import { DOCTOR_OPTIONS } from './doctor.js';
import { CAPTURE_OPTIONS, REPLAY_OPTIONS } from './histories.js';
import { RELEASE_OPTIONS } from './release.js';
import { CANARY_OPTIONS, ROLLOUT_OPTIONS } from './rollout.js';
import { inputDefaultOf, inputName, type OptionTable } from './table.js';

const actionsDir = join(import.meta.dirname, '..', '..');

/**
 * Inputs an action reads outside the table (github-context.ts): `github-token` and `environment`, whose
 * descriptions differ per action.
 */
const OWN_INPUTS: Record<string, string[]> = {
  canary: ['github-token', 'environment'],
  promote: ['github-token', 'environment'],
  rollback: ['github-token', 'environment'],
  replay: ['github-token'],
  capture: ['github-token'],
  release: ['github-token', 'environment'],
};

const TABLES: Record<string, OptionTable> = {
  canary: [...CANARY_OPTIONS, ...ROLLOUT_OPTIONS],
  promote: [...PROMOTE_OPTIONS, ...ROLLOUT_OPTIONS],
  rollback: [...ROLLBACK_OPTIONS, ...ROLLOUT_OPTIONS],
  release: [...RELEASE_OPTIONS, ...ROLLOUT_OPTIONS],
  analyze: ANALYZE_OPTIONS,
  doctor: DOCTOR_OPTIONS,
  build: BUILD_OPTIONS,
  replay: REPLAY_OPTIONS,
  capture: CAPTURE_OPTIONS,
};

/**
 * Where an action.yml deliberately differs from the table: defaults the runner applies that the action does not
 * rely on (without them, the action falls back as the CLI does).
 */
const DIFFERS: Record<string, Record<string, { default: string }>> = {
  build: { config: { default: 'rollout.yaml' } },
  replay: { histories: { default: 'histories/*/*.json' } },
  analyze: { config: { default: 'rollout.yaml' } },
  release: { 'drain-poll': { default: '30s' } },
};

type Declared = Record<string, { description?: string; default?: unknown }>;

describe.each(Object.keys(TABLES))('actions/%s/action.yml', (step) => {
  const declared = parse(readFileSync(join(actionsDir, step, 'action.yml'), 'utf8')).inputs as Declared;
  const table = TABLES[step] ?? [];

  it.each(table.filter((spec) => inputName(spec)).map((spec) => [inputName(spec) as string, spec] as const))(
    'declares input %s as the table does',
    (name, spec) => {
      const input = declared[name];
      expect(input, `${step}: input ${name} is in the option table but not in action.yml`).toBeDefined();
      expect(input?.description).toBe(spec.description);
      expect(input?.default === undefined ? undefined : String(input.default)).toBe(
        DIFFERS[step]?.[name]?.default ?? inputDefaultOf(spec),
      );
    },
  );

  it('declares no input the table and the action leave unread', () => {
    const read = new Set([...table.map(inputName), ...(OWN_INPUTS[step] ?? [])]);
    expect(Object.keys(declared).filter((name) => !read.has(name))).toEqual([]);
  });
});
