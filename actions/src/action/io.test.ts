import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseKeyValues } from '../core/inputs.js';
import {
  booleanOf,
  inputSubject,
  integerOf,
  listOf,
  type OptionTable,
  type OptionValues,
  versionOf,
} from '../options/table.js';
import { readInputs } from './io.js';

// The runner's spelling: INPUT_<NAME> with the name upper-cased and spaces (not dashes) replaced.
const input = (name: string, value: string) => vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);

const TABLE: OptionTable = [
  { field: 'build-args', kind: 'list' },
  { field: 'worker-env', kind: 'list' },
  { field: 'histories', kind: 'list' },
  { field: 'force' },
  { field: 'replicas' },
  { field: 'weight' },
  { field: 'to' },
];

/** Reads the inputs and parses them as an action does: errors name the input. */
function parsed<T>(parse: (values: OptionValues) => T): T {
  try {
    return parse(readInputs(TABLE));
  } catch (err) {
    throw err instanceof InputError ? err.named(inputSubject(TABLE), (f) => `input "${f}"`) : err;
  }
}

describe('action inputs as the runner passes them (issue 16 items 9, 10, 2)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps commas inside KEY=VALUE values and globs: one entry per line', () => {
    input('build-args', 'LIST=a,b\nBASE_IMAGE=node:24\n');
    input('worker-env', 'JAVA_OPTS=-Xa,-Xb');
    input('histories', 'histories/{a,b}/*.json\n  stored/*.json  ');
    expect(parsed((v) => parseKeyValues(listOf(v, 'build-args'), 'build-args'))).toEqual({
      LIST: 'a,b',
      BASE_IMAGE: 'node:24',
    });
    expect(parsed((v) => parseKeyValues(listOf(v, 'worker-env'), 'worker-env'))).toEqual({
      JAVA_OPTS: '-Xa,-Xb',
    });
    expect(parsed((v) => listOf(v, 'histories'))).toEqual(['histories/{a,b}/*.json', 'stored/*.json']);
  });

  it('takes only YAML booleans, and only decimal whole numbers', () => {
    input('force', 'True');
    expect(parsed((v) => booleanOf(v, 'force', false))).toBe(true);
    input('force', 'yes');
    expect(() => parsed((v) => booleanOf(v, 'force', false))).toThrow(
      /input "force": "yes" is not a boolean/,
    );
    input('replicas', '1.5');
    expect(() => parsed((v) => integerOf(v, 'replicas', { min: 1 }))).toThrow(/input "replicas": "1\.5"/);
    input('weight', '0x10');
    expect(() => parsed((v) => integerOf(v, 'weight', { min: 1, max: 100 }))).toThrow(
      /input "weight": "0x10"/,
    );
  });

  it('reads a version with or without its v', () => {
    input('to', 'v1.0.0');
    expect(parsed((v) => versionOf(v, 'to'))).toBe('1.0.0');
  });
});
