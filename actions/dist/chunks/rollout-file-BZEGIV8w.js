import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { I as InputError } from './errors-5XkxSMbp.js';

async function readConfigFile(path) {
    try {
        return await readFile(path, 'utf8');
    } catch (err) {
        const code = err.code;
        throw new InputError(path, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`, 'pass the path of your rollout.yaml (⟨config⟩)');
    }
}
/** Reads and validates rollout.yaml (or the file the user named), parsed once into the typed config. */ async function loadRolloutConfig(path) {
    const text = await readConfigFile(path);
    // The YAML parser and schema validator load only once there is a file to read.
    const { parseRolloutConfig } = await import('./rollout-config-DN3MJ8-L.js');
    return parseRolloutConfig(text, path);
}
/**
 * The `analysis:` section of rollout.yaml or of a file that holds only that section (the analyze step takes
 * either), as written, so overrides apply before it is parsed; undefined when the file has none.
 */ async function loadAnalysisSection(path) {
    const text = await readConfigFile(path);
    const { analysisSectionOf } = await import('./rollout-config-DN3MJ8-L.js');
    return analysisSectionOf(text, path);
}

export { loadAnalysisSection as a, loadRolloutConfig as l };
