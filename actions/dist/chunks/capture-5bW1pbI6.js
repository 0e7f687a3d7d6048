import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { existsSync } from 'node:fs';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { connectLive, fetchRuns } from './temporal-histories-BbsGWPUy.js';
import { A as AesGcmCodec, p as parseHistoryValue, w as writerOf, e as encodeHistory, a as patchIds } from './history-codec-JxvfVN6M.js';
import { a as addEntries, p as parseManifest, e as emptyManifest } from './manifest-BHc6sclr.js';
import { c as checkWorkflowTypes } from './capture-options-BQhg6GSs.js';
import './index-Die7_PD0.js';
import './index-minimal-Bp1UdQBh.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'process';
import 'tls';
import 'fs';
import 'os';
import 'net';
import 'events';
import 'stream';
import 'path';
import 'zlib';
import 'http2';
import 'http';
import 'url';
import 'dns';
import 'util';
import './index-BKk9e40y.js';
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import 'node:module';
import 'crypto';
import './errors-Cq3sNBNk.js';
import 'node:crypto';

const quote = (value)=>JSON.stringify(value);
function queries(options) {
    const open = options.openPerType ?? 20;
    const closed = options.closedPerStatus ?? 3;
    if (options.query) return [
        {
            query: options.query,
            limit: open + closed * 6
        }
    ];
    const types = options.workflowTypes ?? [];
    const scopes = types.length > 0 ? types.map((t)=>`WorkflowType=${quote(t)} AND `) : [
        ''
    ];
    // Without a type list, fetch enough to see several types; sampling trims each group below.
    const factor = types.length > 0 ? 1 : 10;
    return scopes.flatMap((scope)=>[
            {
                query: `${scope}ExecutionStatus="Running"`,
                limit: open * factor
            },
            {
                query: `${scope}ExecutionStatus!="Running"`,
                limit: closed * 6 * factor
            }
        ]);
}
/** Keeps at most `open` running runs per type and `closed` per type and close status, newest first, one per run id. */ function sample(runs, open, closed) {
    const seen = new Set();
    const groups = new Map();
    const kept = [];
    for (const run of runs){
        if (seen.has(run.runId)) continue;
        seen.add(run.runId);
        const key = `${run.workflowType}\0${run.status}`;
        const count = groups.get(key) ?? 0;
        if (count >= (run.status === 'running' ? open : closed)) continue;
        groups.set(key, count + 1);
        kept.push(run);
    }
    return kept;
}
async function loadManifest(path) {
    return existsSync(path) ? parseManifest(await readFile(path, 'utf8'), path) : emptyManifest();
}
async function capture(options) {
    const outDir = resolve(options.outDir);
    const manifestPath = join(outDir, 'manifest.json');
    const manifest = await loadManifest(manifestPath);
    checkWorkflowTypes(options.workflowTypes ?? [], 'workflow-types');
    const codec = options.codecKey ? new AesGcmCodec(options.codecKey) : undefined;
    const session = await connectLive(options.live);
    let fetched = [];
    try {
        for (const { query, limit } of queries(options))fetched = fetched.concat(await fetchRuns(session.client, query, limit));
    } finally{
        await session.close();
    }
    const known = new Set(manifest.histories.flatMap((e)=>e.runId ? [
            e.runId
        ] : []));
    const runs = sample(fetched.filter((r)=>!known.has(r.runId)), options.openPerType ?? 20, options.closedPerStatus ?? 3);
    const capturedAt = new Date().toISOString();
    const entries = [];
    const files = [];
    for (const run of runs){
        const parsed = parseHistoryValue(run.history, `live:${run.workflowId}/${run.runId}`);
        const writer = writerOf(parsed.history);
        const file = `${run.workflowType}/captured-${parsed.status}-${run.runId}.json`;
        const stored = codec ? await encodeHistory(parsed.history, codec) : parsed.history;
        files.push({
            path: join(outDir, file),
            text: `${JSON.stringify(stored, null, 2)}\n`
        });
        entries.push({
            file,
            workflowType: run.workflowType,
            scenario: 'captured',
            status: parsed.status,
            codeVersion: writer.buildId ? {
                buildId: writer.buildId
            } : {},
            sdkVersion: writer.sdkVersion ?? 'unknown',
            capturedAt,
            source: `captured:${options.live.address}/${options.live.namespace}`,
            runId: run.runId,
            patches: patchIds(parsed.history),
            encrypted: codec !== undefined
        });
    }
    const { manifest: next, skipped } = addEntries(manifest, entries);
    const skippedFiles = new Set(skipped.map((e)=>e.file));
    for (const { path, text } of files){
        if (skippedFiles.has(path.slice(outDir.length + 1)) || existsSync(path)) continue;
        await mkdir(join(path, '..'), {
            recursive: true
        });
        await writeFile(path, text, {
            flag: 'wx'
        });
    }
    await mkdir(outDir, {
        recursive: true
    });
    await writeFile(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
    return {
        manifestPath,
        written: entries.filter((e)=>!skippedFiles.has(e.file)),
        skipped: fetched.length - runs.length + skipped.length,
        fetched: fetched.length
    };
}

export { capture, sample };
