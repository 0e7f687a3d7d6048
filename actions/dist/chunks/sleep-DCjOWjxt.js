import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
/** Resolves after `ms`, or as soon as `signal` is aborted (at once if it already is); never rejects. */ function sleep(ms, signal) {
    return new Promise((resolve)=>{
        if (ms <= 0 || signal?.aborted) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, {
            once: true
        });
    });
}

export { sleep as s };
