import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { InputError } from '../core/errors.js';
import type { HistoryJson } from '../core/replay/history.js';
import { PATCH_MARKER_NAME } from '../core/replay/patches.js';

// AES-256-GCM payload codec: the format of Temporal's encryption samples (`binary/encrypted`, `encryption-key-id`,
// data = 12-byte IV + ciphertext + 16-byte tag), so a codec server built from those samples can read the files.

const ENCRYPTED = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';

/** Parses a key given as base64 or hex (32 bytes). */
export function parseCodecKey(text: string, subject: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new InputError(
      subject,
      `must be a 256-bit key (32 bytes as base64 or hex), got ${key.length} bytes`,
      'generate one with `openssl rand -base64 32` and keep it in a secret',
    );
  return key;
}

export class AesGcmCodec implements PayloadCodec {
  readonly keyId: string;
  constructor(private readonly key: Buffer) {
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', this.key, iv);
      const plain = Buffer.from(
        JSON.stringify({
          metadata: Object.fromEntries(
            Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
          ),
          data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
        }),
      );
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: Buffer.from(ENCRYPTED), [KEY_ID]: Buffer.from(this.keyId) },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (Buffer.from(payload.metadata?.encoding ?? []).toString() !== ENCRYPTED) return payload;
      const keyId = Buffer.from(payload.metadata?.[KEY_ID] ?? []).toString();
      if (keyId !== this.keyId)
        throw new InputError(
          'codec key',
          `payload was encrypted with key ${keyId}, the key given is ${this.keyId}`,
          'use the key the histories were captured with',
        );
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(data.length - 16));
      const plain = Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
      const parsed = JSON.parse(plain.toString()) as { metadata: Record<string, string>; data: string };
      return {
        metadata: Object.fromEntries(
          Object.entries(parsed.metadata).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
        ),
        data: new Uint8Array(Buffer.from(parsed.data, 'base64')),
      };
    });
  }
}

type JsonPayload = { metadata: Record<string, string>; data?: string };
type Slot = { holder: Record<string, unknown> | unknown[]; key: string | number };

function isJsonPayload(value: unknown): value is JsonPayload {
  if (typeof value !== 'object' || value === null) return false;
  const metadata = (value as { metadata?: unknown }).metadata;
  return typeof metadata === 'object' && metadata !== null && 'encoding' in metadata;
}

/**
 * Every payload slot in a history JSON, except search attributes (visibility already holds them in the clear)
 * and Core's patch markers (SDK bookkeeping, read by the patch audit without the key).
 */
function payloadSlots(value: unknown, slots: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (isJsonPayload(item)) slots.push({ holder: value, key: index });
      else payloadSlots(item, slots);
    });
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (record.markerName === PATCH_MARKER_NAME) return slots;
    for (const [key, item] of Object.entries(record)) {
      if (key === 'searchAttributes') continue;
      if (isJsonPayload(item)) slots.push({ holder: record, key });
      else payloadSlots(item, slots);
    }
  }
  return slots;
}

function toProto(p: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
    ),
    data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
  };
}

function toJson(p: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
    data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
  };
}

async function transform(
  history: HistoryJson,
  fn: (payloads: Payload[]) => Promise<Payload[]>,
): Promise<HistoryJson> {
  const copy = structuredClone(history);
  const slots = payloadSlots(copy);
  const read = (s: Slot) => (s.holder as Record<string | number, unknown>)[s.key] as JsonPayload;
  const out = await fn(slots.map((s) => toProto(read(s))));
  slots.forEach((s, i) => {
    (s.holder as Record<string | number, unknown>)[s.key] = toJson(out[i] as Payload);
  });
  return copy;
}

/** A copy of the history with its payloads run through the codec's `encode`. */
export function encodeHistory(history: HistoryJson, codec: PayloadCodec): Promise<HistoryJson> {
  return transform(history, (p) => codec.encode(p));
}

/** A copy of the history with its payloads run through the codec's `decode`. */
export function decodeHistory(history: HistoryJson, codec: PayloadCodec): Promise<HistoryJson> {
  return transform(history, (p) => codec.decode(p));
}

/** The encoding as it appears in history JSON (base64 of `binary/encrypted`). */
const ENCRYPTED_JSON = Buffer.from(ENCRYPTED).toString('base64');

/** A quick look at a history file's text: false means no payload in it is encrypted (true: look closer). */
export function mayBeEncrypted(text: string): boolean {
  return text.includes(ENCRYPTED_JSON);
}

export function isEncrypted(history: HistoryJson): boolean {
  return payloadSlots(history).some((s) => {
    const p = (s.holder as Record<string | number, unknown>)[s.key] as JsonPayload;
    return Buffer.from(p.metadata.encoding ?? '', 'base64').toString() === ENCRYPTED;
  });
}
