import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HistoryJson } from '../core/replay/history.js';
import { AesGcmCodec, decodeHistory, encodeHistory, isEncrypted, mayBeEncrypted } from './history-codec.js';

const text = readFileSync(
  new URL('../../../test/fixtures/replay/histories/base-completed.json', import.meta.url),
  'utf8',
);

describe('history codec', () => {
  it('the quick text check agrees with the full one, both ways, and decoding restores the history', async () => {
    const plain = JSON.parse(text) as HistoryJson;
    const codec = new AesGcmCodec(Buffer.alloc(32, 7));
    const sealed = await encodeHistory(plain, codec);
    const sealedText = JSON.stringify(sealed, null, 2);
    expect([mayBeEncrypted(text), isEncrypted(plain)]).toEqual([false, false]);
    expect([mayBeEncrypted(sealedText), isEncrypted(JSON.parse(sealedText))]).toEqual([true, true]);
    expect(await decodeHistory(JSON.parse(sealedText), codec)).toEqual(plain);
  });
});
