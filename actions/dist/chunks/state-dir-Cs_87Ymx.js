import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve, dirname } from 'node:path';
import { I as InputError } from './errors-Cq3sNBNk.js';

// The state directory is checked before a step connects to anything or writes a byte: a path that is a file,
// sits under a file, or cannot be written is an input error naming the input, not a late ENOTDIR.
const FIX = 'point it at a writable directory (it is created when missing), e.g. .rollout';
async function kindOf(path) {
    try {
        return (await stat(path)).isDirectory() ? 'directory' : 'other';
    } catch (err) {
        const code = err.code;
        // ENOTDIR: a parent is a file, which the walk up finds.
        if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
        throw err;
    }
}
/** Throws an InputError naming `subject` unless `dir` is, or can be created as, a writable directory. */ async function checkWritableDirectory(dir, subject) {
    let path = resolve(dir);
    for(;;){
        const kind = await kindOf(path);
        if (kind === 'other') {
            const what = path === resolve(dir) ? `${dir} is not a directory` : `${dir} lies under ${path}, which is not a directory`;
            throw new InputError(subject, what, FIX);
        }
        if (kind === 'directory') break;
        const parent = dirname(path);
        if (parent === path) break;
        path = parent;
    }
    try {
        await access(path, constants.W_OK | constants.X_OK);
    } catch (err) {
        const code = err.code;
        const where = path === resolve(dir) ? dir : `${dir} (its nearest existing parent ${path})`;
        throw new InputError(subject, `${where} is not writable (${code === 'EROFS' ? 'read-only file system' : code})`, FIX);
    }
}

export { checkWritableDirectory as c };
