import { afterEach, describe, expect, it, vi } from 'vitest';
import { booleanInput, integerInput, keyValueInput, listInput, versionInput } from './io.js';

// The runner's spelling: INPUT_<NAME> with the name upper-cased and spaces (not dashes) replaced.
const input = (name: string, value: string) => vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);

describe('action inputs as the runner passes them (issue 16 items 9, 10, 2)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps commas inside KEY=VALUE values and globs: one entry per line', () => {
    input('build-args', 'LIST=a,b\nBASE_IMAGE=node:24\n');
    input('worker-env', 'JAVA_OPTS=-Xa,-Xb');
    input('histories', 'histories/{a,b}/*.json\n  stored/*.json  ');
    expect(keyValueInput('build-args')).toEqual({ LIST: 'a,b', BASE_IMAGE: 'node:24' });
    expect(keyValueInput('worker-env')).toEqual({ JAVA_OPTS: '-Xa,-Xb' });
    expect(listInput('histories')).toEqual(['histories/{a,b}/*.json', 'stored/*.json']);
  });

  it('takes only YAML booleans, and only decimal whole numbers', () => {
    input('force', 'True');
    expect(booleanInput('force', false)).toBe(true);
    input('force', 'yes');
    expect(() => booleanInput('force', false)).toThrow(/input "force": "yes" is not a boolean/);
    input('replicas', '1.5');
    expect(() => integerInput('replicas', 1, { min: 1 })).toThrow(/input "replicas": "1\.5"/);
    input('weight', '0x10');
    expect(() => integerInput('weight', 1, { min: 1, max: 100 })).toThrow(/input "weight": "0x10"/);
  });

  it('reads a version with or without its v', () => {
    input('to', 'v1.0.0');
    expect(versionInput('to')).toBe('1.0.0');
  });
});
