import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
/**
 * `text` with every character a regular expression gives a meaning to escaped, so it matches only itself
 * inside a pattern (JavaScript's, and PromQL's RE2 for `=~`). Node 20 has no `RegExp.escape` yet.
 */ function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export { escapeRegExp as e };
