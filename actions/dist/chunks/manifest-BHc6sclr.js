import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Cq3sNBNk.js';

function emptyManifest() {
    return {
        version: 1,
        histories: []
    };
}
function parseManifest(text, file) {
    let value;
    try {
        value = JSON.parse(text);
    } catch (err) {
        throw new InputError(file, `is not valid JSON (${err.message})`);
    }
    const v = value;
    if (v?.version !== 1 || !Array.isArray(v.histories)) throw new InputError(file, 'is not a history manifest', 'expected {"version":1,"histories":[…]}');
    for (const [i, entry] of v.histories.entries())if (typeof entry?.file !== 'string' || typeof entry.workflowType !== 'string') throw new InputError(`${file}: histories[${i}]`, 'needs "file" and "workflowType"');
    return v;
}
/**
 * Adds entries; an entry for a file already listed is refused (histories of older code are never rewritten),
 * and so is a run id already present.
 */ function addEntries(manifest, entries) {
    const files = new Set(manifest.histories.map((e)=>e.file));
    const runs = new Set(manifest.histories.flatMap((e)=>e.runId ? [
            e.runId
        ] : []));
    const added = [];
    const skipped = [];
    for (const entry of entries){
        if (files.has(entry.file) || entry.runId && runs.has(entry.runId)) {
            skipped.push(entry);
            continue;
        }
        files.add(entry.file);
        if (entry.runId) runs.add(entry.runId);
        added.push(entry);
    }
    const histories = [
        ...manifest.histories,
        ...added
    ].sort((a, b)=>a.file.localeCompare(b.file));
    return {
        manifest: {
            version: 1,
            histories
        },
        skipped
    };
}

export { addEntries as a, emptyManifest as e, parseManifest as p };
