import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { createHash, randomBytes, createCipheriv, createDecipheriv } from 'node:crypto';
import { I as InputError } from './errors-Cq3sNBNk.js';

const CLOSING_EVENTS = {
    EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: 'completed',
    EVENT_TYPE_WORKFLOW_EXECUTION_FAILED: 'failed',
    EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED: 'canceled',
    EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED: 'terminated',
    EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT: 'timed-out',
    EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW: 'continued-as-new'
};
/** `WorkflowExecutionStarted` (the old PascalCase form the SDK still reads) → `EVENT_TYPE_WORKFLOW_EXECUTION_STARTED`. */ function normalizeEventType(type) {
    if (type.startsWith('EVENT_TYPE_')) return type;
    return `EVENT_TYPE_${type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}
/** `EVENT_TYPE_ACTIVITY_TASK_SCHEDULED` → `activityTaskScheduledEventAttributes`, the field that holds its details. */ function attributesField(normalizedType) {
    const words = normalizedType.replace(/^EVENT_TYPE_/, '').toLowerCase().split('_');
    return `${words.map((w, i)=>i === 0 ? w : `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join('')}EventAttributes`;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Where JSON.parse stopped, as line and column when the parser says, without quoting any of the text. */ function jsonErrorPlace(err, text) {
    const message = err.message;
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) return `at line ${lineColumn[1]}, column ${lineColumn[2]}`;
    const position = /position (\d+)/.exec(message)?.[1];
    if (position !== undefined) {
        const before = text.slice(0, Number(position));
        return `at line ${before.split('\n').length}, column ${Number(position) - before.lastIndexOf('\n')}`;
    }
    return /end of JSON/i.test(message) ? 'it ends early' : 'an unexpected character';
}
/** Parses the text of a history file; malformed JSON or a JSON value that is not a history is an InputError naming the file. */ function parseHistoryText(text, file) {
    let value;
    try {
        value = JSON.parse(text);
    } catch (err) {
        throw new InputError(`history file ${file}`, // Never the parser's message: it quotes the start of the file, which may not be a history at all.
        `is not valid JSON (${jsonErrorPlace(err, text)})`, 'store histories as written by `temporal workflow show -o json` or historyToJSON()');
    }
    return parseHistoryValue(value, file);
}
/**
 * Checks that a parsed JSON value is a workflow history and describes it. Numeric event ids (hand-written files)
 * are turned into the strings the SDK expects, so the replayer reads the file as JSON and not as a proto object.
 */ function parseHistoryValue(value, source) {
    const notHistory = (problem)=>new InputError(`history file ${source}`, `is not a workflow history: ${problem}`, 'expected `{"events":[…]}` as written by `temporal workflow show -o json`');
    if (!isRecord(value) || !Array.isArray(value.events)) throw notHistory('no "events" array');
    if (value.events.length === 0) throw notHistory('"events" is empty');
    const events = [];
    for (const [index, raw] of value.events.entries()){
        if (!isRecord(raw)) throw notHistory(`events[${index}] is not an object`);
        const { eventId, eventType } = raw;
        if (typeof eventType !== 'string') throw notHistory(`events[${index}] has no eventType`);
        if (typeof eventId === 'number') raw.eventId = String(eventId);
        else if (typeof eventId !== 'string' || !/^\d+$/.test(eventId)) throw notHistory(`events[${index}] has no numeric eventId`);
        // The SDK core panics and never returns on events out of order or with gaps (issue 16 item 3): refuse them here.
        if (Number(raw.eventId) !== index + 1) throw notHistory(`events[${index}] has eventId ${raw.eventId}, expected ${index + 1} (events must be in order, numbered from 1 without gaps)`);
        const attributes = attributesField(normalizeEventType(eventType));
        if (!isRecord(raw[attributes])) throw notHistory(`events[${index}] (${eventType}) has no "${attributes}" object`);
        events.push(raw);
    }
    const first = events[0];
    if (normalizeEventType(first.eventType) !== 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED') throw notHistory(`the first event is ${first.eventType}, not WorkflowExecutionStarted`);
    const started = first.workflowExecutionStartedEventAttributes;
    const workflowType = isRecord(started) && isRecord(started.workflowType) ? started.workflowType.name : undefined;
    if (typeof workflowType !== 'string' || workflowType === '') throw notHistory('the WorkflowExecutionStarted event names no workflow type');
    const runId = isRecord(started) ? started.originalExecutionRunId : undefined;
    const last = events[events.length - 1];
    const status = CLOSING_EVENTS[normalizeEventType(last.eventType)] ?? 'open';
    return {
        source,
        history: value,
        workflowType,
        ...typeof runId === 'string' && runId !== '' ? {
            runId
        } : {},
        status,
        eventCount: events.length
    };
}
/** The SDK name/version and build id the first completed workflow task recorded, when the history holds them. */ function writerOf(history) {
    for (const event of history.events){
        if (normalizeEventType(event.eventType) !== 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED') continue;
        const attributes = event.workflowTaskCompletedEventAttributes;
        if (!isRecord(attributes)) continue;
        const metadata = isRecord(attributes.sdkMetadata) ? attributes.sdkMetadata : {};
        const buildId = isRecord(attributes.workerVersion) ? attributes.workerVersion.buildId : undefined;
        return {
            ...typeof metadata.sdkName === 'string' ? {
                sdk: metadata.sdkName
            } : {},
            ...typeof metadata.sdkVersion === 'string' ? {
                sdkVersion: metadata.sdkVersion
            } : {},
            ...typeof buildId === 'string' ? {
                buildId
            } : {}
        };
    }
    return {};
}

/** Core's marker name for `patched()` / `deprecatePatch()` (TEMPORAL-FACTS §6). */ const PATCH_MARKER_NAME = 'core_patch';
function record(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function firstPayloadData(details, key) {
    const payloads = record(details[key])?.payloads;
    const data = Array.isArray(payloads) ? record(payloads[0])?.data : undefined;
    return typeof data === 'string' ? Buffer.from(data, 'base64') : undefined;
}
/** The patch a `core_patch` marker event records, in the `patch-data` form or the legacy `patch_id` form; else undefined. */ function patchMarkerOf(event) {
    if (normalizeEventType(event.eventType) !== 'EVENT_TYPE_MARKER_RECORDED') return undefined;
    const attributes = record(event.markerRecordedEventAttributes);
    if (attributes?.markerName !== PATCH_MARKER_NAME) return undefined;
    const details = record(attributes.details) ?? {};
    const patchData = firstPayloadData(details, 'patch-data');
    if (patchData) {
        try {
            const parsed = record(JSON.parse(patchData.toString('utf8')));
            if (typeof parsed?.id === 'string') return {
                id: parsed.id,
                deprecated: parsed.deprecated === true,
                eventId: event.eventId
            };
        } catch  {
            return undefined;
        }
    }
    const legacyId = firstPayloadData(details, 'patch_id');
    if (legacyId) {
        const deprecated = firstPayloadData(details, 'deprecated');
        return {
            id: legacyId.toString('utf8'),
            deprecated: deprecated?.[0] === 1,
            eventId: event.eventId
        };
    }
    return undefined;
}
function patchMarkers(history) {
    const found = [];
    for (const event of history.events){
        const marker = patchMarkerOf(event);
        if (marker) found.push(marker);
    }
    return found;
}
/** Distinct patch ids a history holds, sorted. */ function patchIds(history) {
    return [
        ...new Set(patchMarkers(history).map((m)=>m.id))
    ].sort();
}
/** The SDK's own patches (`__temporal_internal_…`, `__sdk_internal_patch_number:…`): not the user's to manage. */ function isSdkInternal(id) {
    return id.startsWith('__');
}
/**
 * The patch ids a workflow bundle (or source) calls: with a literal (`patched('x')`, also as webpack writes it,
 * `(0,_temporalio_workflow__…patched)('x')`), or with a constant the same code assigns a literal to
 * (`const NOTIFY_PATCH = 'x'` … `patched(NOTIFY_PATCH)`). Ids computed at run time are not seen; the audit still
 * lists every id found in histories.
 */ function codePatches(code) {
    const found = new Map();
    const add = (call, id)=>{
        if (isSdkInternal(id)) return;
        const key = `${call}:${id}`;
        if (!found.has(key)) found.set(key, {
            id,
            call
        });
    };
    const literal = /\b(patched|deprecatePatch)\)?\s*\(\s*(['"`])([^'"`\\]+)\2\s*\)/g;
    for (const match of code.matchAll(literal))add(match[1], match[3]);
    const constant = /\b(patched|deprecatePatch)\)?\s*\(\s*(?:[\w$]+\.)?([A-Za-z_$][\w$]*)\s*\)/g;
    for (const match of code.matchAll(constant)){
        const name = match[2].replace(/\$/g, '\\$');
        // The SDK's own `function patched(patchId)` has no such assignment, so it adds nothing.
        const assigned = new RegExp(`\\b${name}\\s*=\\s*(['"\`])([^'"\`\\\\]+)\\1`).exec(code);
        if (assigned) add(match[1], assigned[2]);
    }
    return [
        ...found.values()
    ].sort((a, b)=>a.id.localeCompare(b.id) || a.call.localeCompare(b.call));
}
/**
 * For each patch in the code or in the histories: which open runs still need its old branch (the operations
 * guide's "keep the branch until old runs complete", made measurable). An open run without the marker either
 * passed the patch point on old code or has not reached it yet. When its first workflow task ran on a build id
 * that wrote this marker in some other history, it runs patched code and is not counted; otherwise it is counted,
 * erring on the safe side.
 */ function auditPatches(code, histories) {
    const markersBySource = new Map(histories.map((h)=>[
            h.source,
            patchMarkers(h.history)
        ]));
    const typesUsing = new Map();
    for (const h of histories)for (const marker of markersBySource.get(h.source) ?? []){
        if (isSdkInternal(marker.id)) continue;
        const types = typesUsing.get(marker.id) ?? new Set();
        types.add(h.workflowType);
        typesUsing.set(marker.id, types);
    }
    const patchedBuilds = new Map();
    for (const h of histories){
        const build = writerOf(h.history).buildId;
        if (!build) continue;
        for (const marker of markersBySource.get(h.source) ?? []){
            const builds = patchedBuilds.get(marker.id) ?? new Set();
            builds.add(build);
            patchedBuilds.set(marker.id, builds);
        }
    }
    const ids = [
        ...new Set([
            ...code.map((p)=>p.id),
            ...typesUsing.keys()
        ])
    ].sort();
    return ids.map((id)=>{
        const inCode = code.find((p)=>p.id === id && p.call === 'deprecatePatch') ? 'deprecatePatch' : code.some((p)=>p.id === id) ? 'patched' : null;
        const types = typesUsing.get(id);
        const openWithMarker = [];
        const openWithoutMarker = [];
        const openNotYetAtPatch = [];
        let closedWithMarker = 0;
        for (const h of histories){
            const has = (markersBySource.get(h.source) ?? []).some((m)=>m.id === id);
            if (h.status !== 'open') {
                if (has) closedWithMarker++;
            } else if (has) openWithMarker.push(h.source);
            else if (!types || types.has(h.workflowType)) {
                const build = writerOf(h.history).buildId;
                if (build && patchedBuilds.get(id)?.has(build)) openNotYetAtPatch.push(h.source);
                else openWithoutMarker.push(h.source);
            }
        }
        let advice;
        let explanation;
        if (inCode === 'patched') {
            advice = openWithoutMarker.length > 0 ? 'keep-old-branch' : 'can-deprecate';
            explanation = advice === 'keep-old-branch' ? `${openWithoutMarker.length} open run(s) have no "${id}" marker and may still take the old branch: keep it until they complete` : `every open run already has the "${id}" marker: the old branch can be replaced by deprecatePatch('${id}')`;
        } else if (inCode === 'deprecatePatch') {
            advice = openWithMarker.length > 0 ? 'keep-deprecate-call' : 'can-remove-call';
            explanation = advice === 'keep-deprecate-call' ? `${openWithMarker.length} open run(s) hold the "${id}" marker: keep deprecatePatch('${id}') until they complete` : `no open run holds the "${id}" marker: deprecatePatch('${id}') can be removed`;
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
            explanation
        };
    });
}

// AES-256-GCM payload codec: the format of Temporal's encryption samples (`binary/encrypted`, `encryption-key-id`,
// data = 12-byte IV + ciphertext + 16-byte tag), so a codec server built from those samples can read the files.
const ENCRYPTED = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
/** Parses a key given as base64 or hex (32 bytes). */ function parseCodecKey(text, subject) {
    const trimmed = text.trim();
    const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
    if (key.length !== 32) throw new InputError(subject, `must be a 256-bit key (32 bytes as base64 or hex), got ${key.length} bytes`, 'generate one with `openssl rand -base64 32` and keep it in a secret');
    return key;
}
class AesGcmCodec {
    constructor(key){
        this.key = key;
        this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
    }
    async encode(payloads) {
        return payloads.map((payload)=>{
            const iv = randomBytes(12);
            const cipher = createCipheriv('aes-256-gcm', this.key, iv);
            const plain = Buffer.from(JSON.stringify({
                metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v])=>[
                        k,
                        Buffer.from(v).toString('base64')
                    ])),
                data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64')
            }));
            const sealed = Buffer.concat([
                iv,
                cipher.update(plain),
                cipher.final(),
                cipher.getAuthTag()
            ]);
            return {
                metadata: {
                    encoding: Buffer.from(ENCRYPTED),
                    [KEY_ID]: Buffer.from(this.keyId)
                },
                data: sealed
            };
        });
    }
    async decode(payloads) {
        return payloads.map((payload)=>{
            if (Buffer.from(payload.metadata?.encoding ?? []).toString() !== ENCRYPTED) return payload;
            const keyId = Buffer.from(payload.metadata?.[KEY_ID] ?? []).toString();
            if (keyId !== this.keyId) throw new InputError('codec key', `payload was encrypted with key ${keyId}, the key given is ${this.keyId}`, 'use the key the histories were captured with');
            const data = Buffer.from(payload.data ?? new Uint8Array());
            const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
            decipher.setAuthTag(data.subarray(data.length - 16));
            const plain = Buffer.concat([
                decipher.update(data.subarray(12, data.length - 16)),
                decipher.final()
            ]);
            const parsed = JSON.parse(plain.toString());
            return {
                metadata: Object.fromEntries(Object.entries(parsed.metadata).map(([k, v])=>[
                        k,
                        new Uint8Array(Buffer.from(v, 'base64'))
                    ])),
                data: new Uint8Array(Buffer.from(parsed.data, 'base64'))
            };
        });
    }
}
function isJsonPayload(value) {
    if (typeof value !== 'object' || value === null) return false;
    const metadata = value.metadata;
    return typeof metadata === 'object' && metadata !== null && 'encoding' in metadata;
}
/**
 * Every payload slot in a history JSON, except search attributes (visibility already holds them in the clear)
 * and Core's patch markers (SDK bookkeeping, read by the patch audit without the key).
 */ function payloadSlots(value, slots = []) {
    if (Array.isArray(value)) {
        value.forEach((item, index)=>{
            if (isJsonPayload(item)) slots.push({
                holder: value,
                key: index
            });
            else payloadSlots(item, slots);
        });
    } else if (typeof value === 'object' && value !== null) {
        const record = value;
        if (record.markerName === PATCH_MARKER_NAME) return slots;
        for (const [key, item] of Object.entries(record)){
            if (key === 'searchAttributes') continue;
            if (isJsonPayload(item)) slots.push({
                holder: record,
                key
            });
            else payloadSlots(item, slots);
        }
    }
    return slots;
}
function toProto(p) {
    return {
        metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v])=>[
                k,
                new Uint8Array(Buffer.from(v, 'base64'))
            ])),
        data: new Uint8Array(Buffer.from(p.data ?? '', 'base64'))
    };
}
function toJson(p) {
    return {
        metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v])=>[
                k,
                Buffer.from(v).toString('base64')
            ])),
        data: Buffer.from(p.data ?? new Uint8Array()).toString('base64')
    };
}
async function transform(history, fn) {
    const copy = structuredClone(history);
    const slots = payloadSlots(copy);
    const read = (s)=>s.holder[s.key];
    const out = await fn(slots.map((s)=>toProto(read(s))));
    slots.forEach((s, i)=>{
        s.holder[s.key] = toJson(out[i]);
    });
    return copy;
}
/** A copy of the history with its payloads run through the codec's `encode`. */ function encodeHistory(history, codec) {
    return transform(history, (p)=>codec.encode(p));
}
/** A copy of the history with its payloads run through the codec's `decode`. */ function decodeHistory(history, codec) {
    return transform(history, (p)=>codec.decode(p));
}
/** The encoding as it appears in history JSON (base64 of `binary/encrypted`). */ const ENCRYPTED_JSON = Buffer.from(ENCRYPTED).toString('base64');
/** A quick look at a history file's text: false means no payload in it is encrypted (true: look closer). */ function mayBeEncrypted(text) {
    return text.includes(ENCRYPTED_JSON);
}
function isEncrypted(history) {
    return payloadSlots(history).some((s)=>{
        const p = s.holder[s.key];
        return Buffer.from(p.metadata.encoding ?? '', 'base64').toString() === ENCRYPTED;
    });
}

export { AesGcmCodec as A, patchIds as a, parseCodecKey as b, parseHistoryText as c, patchMarkerOf as d, encodeHistory as e, auditPatches as f, codePatches as g, decodeHistory as h, isEncrypted as i, mayBeEncrypted as m, normalizeEventType as n, parseHistoryValue as p, writerOf as w };
