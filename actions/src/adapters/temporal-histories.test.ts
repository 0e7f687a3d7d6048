import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { parseHistoryText } from '../core/replay/history.js';
import { patchIds } from '../core/replay/patches.js';
import {
  AesGcmCodec,
  decodeHistory,
  encodeHistory,
  isEncrypted,
  parseCodecKey,
} from './temporal-histories.js';

const history = parseHistoryText(
  readFileSync(
    new URL('../../../test/fixtures/replay/histories/base-completed.json', import.meta.url),
    'utf8',
  ),
  'base-completed.json',
).history;

describe('AES-GCM payload codec', () => {
  const key = randomBytes(32);

  it('round-trips a payload and hides its bytes', async () => {
    const codec = new AesGcmCodec(key);
    const plain = {
      metadata: { encoding: new TextEncoder().encode('json/plain') },
      data: new TextEncoder().encode('"alice@example.com"'),
    };
    const [sealed] = await codec.encode([plain]);
    expect(Buffer.from(sealed?.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed?.data ?? []).toString('latin1')).not.toContain('alice');
    expect(await codec.decode([sealed as typeof plain])).toEqual([plain]);
  });

  it('encrypts every payload of a history except patch markers, and decodes it back exactly', async () => {
    const codec = new AesGcmCodec(key);
    const encoded = await encodeHistory(history, codec);
    expect(isEncrypted(encoded)).toBe(true);
    expect(isEncrypted(history)).toBe(false);
    expect(JSON.stringify(encoded)).not.toContain('Im8tMSI='); // base64 of the input "o-1"
    expect(patchIds(encoded)).toEqual(['fixture-charge-v2']);
    expect(await decodeHistory(encoded, codec)).toEqual(history);
  });

  it('refuses another key, naming the key ids', async () => {
    const encoded = await encodeHistory(history, new AesGcmCodec(key));
    const other = new AesGcmCodec(randomBytes(32));
    await expect(decodeHistory(encoded, other)).rejects.toThrow(InputError);
    await expect(decodeHistory(encoded, other)).rejects.toThrow(/encrypted with key [0-9a-f]{16}/);
  });

  it('reads keys as base64 or hex and rejects other lengths', () => {
    expect(parseCodecKey(key.toString('base64'), 'env X')).toEqual(key);
    expect(parseCodecKey(key.toString('hex'), 'env X')).toEqual(key);
    expect(() => parseCodecKey('c2hvcnQ=', 'env X')).toThrow(/env X: must be a 256-bit key/);
  });
});
