import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';
import {
  parseBoolean,
  parseChoice,
  parseInteger,
  parseKeyValues,
  parseReleaseVersion,
  splitLines,
} from './inputs.js';

describe('parseInteger', () => {
  it.each([
    ['1', 1],
    [' 42 ', 42],
    ['100', 100],
    ['+7', 7],
  ])('takes %j', (text, n) => {
    expect(parseInteger(text, 'input "weight"')).toBe(n);
  });

  it.each(['0x10', '50.5', '1e2', '1.5', '', ' ', 'ten', '1_000', 'Infinity', '9007199254740993'])(
    'refuses %j, naming the input',
    (text) => {
      expect(() => parseInteger(text, 'input "weight"')).toThrow(InputError);
      expect(() => parseInteger(text, 'input "weight"')).toThrow(/^input "weight": .* is not a whole number/);
    },
  );

  it('holds the range and says it', () => {
    expect(() => parseInteger('150', '--weight', { min: 1, max: 100 })).toThrow(
      /--weight: "150" is not a whole number ≥ 1 and ≤ 100/,
    );
    expect(() => parseInteger('0', '--replicas', { min: 1 })).toThrow(/≥ 1/);
    expect(parseInteger('0', '--n', { min: 0 })).toBe(0);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('takes the YAML boolean %j', (text, value) => {
    expect(parseBoolean(text, 'input "force"')).toBe(value);
  });

  it.each(['yes', 'no', '1', '0', 'on', 'maybe', 'tRUE'])('refuses %j', (text) => {
    expect(() => parseBoolean(text, 'input "force"')).toThrow(
      /input "force": .* is not a boolean — use true or false/,
    );
  });
});

describe('lists and KEY=VALUE', () => {
  it('splits on newlines only, so commas stay in values and globs', () => {
    expect(splitLines('histories/{a,b}/*.json\n\n  other/*.json \r\n')).toEqual([
      'histories/{a,b}/*.json',
      'other/*.json',
    ]);
  });

  it('keeps everything after the first = as the value', () => {
    expect(
      parseKeyValues(['LIST=a,b', 'JAVA_OPTS=-Xa,-Xb', 'EMPTY=', 'EQ=a=b'], 'input "build-args"'),
    ).toEqual({
      LIST: 'a,b',
      JAVA_OPTS: '-Xa,-Xb',
      EMPTY: '',
      EQ: 'a=b',
    });
  });

  it.each(['NOEQUALS', '=value', '1KEY=x', 'KEY WITH SPACE=x', 'a-b=c'])('refuses %j', (entry) => {
    expect(() => parseKeyValues([entry], 'input "worker-env"')).toThrow(
      /input "worker-env": .* is not KEY=VALUE/,
    );
  });

  it('never quotes a value in its error', () => {
    expect(() => parseKeyValues(['bad key=s3cret'], '--worker-env')).toThrow(/"bad key=…"/);
  });
});

describe('parseChoice and parseReleaseVersion', () => {
  it('takes a listed word and refuses the rest', () => {
    expect(parseChoice('helm', 'input "deployer"', ['local', 'helm'])).toBe('helm');
    expect(() => parseChoice('k8s', 'input "deployer"', ['local', 'helm'])).toThrow(/use local or helm/);
  });

  it('normalises a leading v and refuses build metadata', () => {
    expect(parseReleaseVersion('v1.4.0', 'input "version"')).toBe('1.4.0');
    expect(parseReleaseVersion('1.4.0-rc.1', 'input "version"')).toBe('1.4.0-rc.1');
    expect(() => parseReleaseVersion('banana', 'input "version"')).toThrow(/input "version": "banana"/);
    expect(() => parseReleaseVersion('1.2.3+build.5', '--version')).toThrow(/--version: .*build metadata/);
  });
});
