import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { readFile } from 'node:fs/promises';
import { D as DEFAULTS } from './defaults-BsVYh3R2.js';
import { I as InputError } from './errors-Cq3sNBNk.js';

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
    const { parseRolloutConfig } = await import('./rollout-config-BNms-NFs.js');
    return parseRolloutConfig(text, path);
}
async function readRolloutFile(path) {
    const text = await readConfigFile(path);
    const { analysisSectionOf, parseRolloutConfig, readYaml } = await import('./rollout-config-BNms-NFs.js');
    let config;
    const typed = ()=>{
        config ??= parseRolloutConfig(text, path);
        return config;
    };
    const doc = readYaml(text, path);
    const analysisOnly = typeof doc === 'object' && doc !== null && Object.keys(doc).every((key)=>key === 'analysis');
    return {
        path,
        analysis: analysisSectionOf(text, path),
        config: typed,
        namespace: ()=>analysisOnly ? DEFAULTS.namespace : typed().temporal.namespace
    };
}

export { loadRolloutConfig, readRolloutFile };
