import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-5XkxSMbp.js';
import { s as secretInput, o as optionalInput } from './io-CJZ0Or7t.js';

// The Prometheus inputs the analyze, release and doctor actions share: the URL and a token or basic auth
// (secrets).
/** prometheus-token, or prometheus-username + prometheus-password (secrets masked); undefined when none is set. */ function prometheusAuthInputs() {
    const token = secretInput('prometheus-token');
    const username = optionalInput('prometheus-username');
    const password = secretInput('prometheus-password');
    if (token && (username || password)) throw new InputError('input "prometheus-token"', 'is set together with basic auth', 'use a token or a username and password');
    if (token) return {
        type: 'bearer',
        token
    };
    if (username === undefined && password === undefined) return undefined;
    if (username === undefined || password === undefined) throw new InputError('input "prometheus-username"', 'and "prometheus-password" go together', 'set both');
    return {
        type: 'basic',
        username,
        password
    };
}
/** prometheus-url with its auth inputs; undefined without a URL. */ function prometheusInputs() {
    const url = secretInput('prometheus-url');
    if (!url) return undefined;
    const auth = prometheusAuthInputs();
    return auth ? {
        url,
        auth
    } : {
        url
    };
}

export { prometheusAuthInputs as a, prometheusInputs as p };
