import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { r as requireIndexMinimal, L as Long } from './index-minimal-Bp1UdQBh.js';
import { g as getDefaultExportFromCjs } from './_commonjsHelpers-DR8IKnz7.js';

var minimal;
var hasRequiredMinimal;

function requireMinimal () {
	if (hasRequiredMinimal) return minimal;
	hasRequiredMinimal = 1;
	minimal = requireIndexMinimal();
	return minimal;
}

var minimalExports = requireMinimal();
var protobuf = /*@__PURE__*/getDefaultExportFromCjs(minimalExports);

// protobufjs finds long.js with a `require('long')` inside try/catch, which a bundle cannot satisfy at run time
// (there is no node_modules beside actions/dist). Without it, int64 fields decode as plain numbers and the
// Temporal client breaks (`historyLength.toNumber is not a function`). loadStep (step-loader.ts) and openRollout
// import this before any module that reaches the Temporal client.
protobuf.util.Long = Long;
protobuf.configure();
