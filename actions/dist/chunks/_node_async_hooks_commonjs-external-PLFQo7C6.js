import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { createRequire } from 'node:module';

const require$3 = createRequire(import.meta.url);
function __require$2() { return require$3("node:events"); }

const require$2 = createRequire(import.meta.url);
function __require$1() { return require$2("node:perf_hooks"); }

const require$1 = createRequire(import.meta.url);
function __require() { return require$1("node:async_hooks"); }

export { __require$2 as _, __require$1 as a, __require as b };
