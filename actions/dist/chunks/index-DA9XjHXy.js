import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { g as getDefaultExportFromCjs } from './_commonjsHelpers-DR8IKnz7.js';
import { r as requireProtos } from './index-BKk9e40y.js';

var protosExports = requireProtos();
var proto = /*@__PURE__*/getDefaultExportFromCjs(protosExports);

export { proto as p };
