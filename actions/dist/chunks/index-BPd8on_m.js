import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { g as getDefaultExportFromCjs } from './errors-Brz47dcM.js';
import { r as requireProtos } from './index-BSjeM6V3.js';

var protosExports = requireProtos();
var proto = /*@__PURE__*/getDefaultExportFromCjs(protosExports);

export { proto as p };
