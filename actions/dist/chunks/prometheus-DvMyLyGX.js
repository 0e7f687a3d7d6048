import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Cq3sNBNk.js';
import { t as textOf } from './table-BWLE4AEh.js';

// The Prometheus options the analyze, release and doctor commands share: the URL and a token or basic auth. The
// action takes them as (masked) inputs; the CLI takes the URL as a flag and the credentials from the environment.
/** The URL: masked in the action (it may carry credentials); the CLI falls back to PROMETHEUS_URL. */ function prometheusUrlOption(description, help) {
    return {
        field: 'prometheus-url',
        secret: true,
        env: 'PROMETHEUS_URL',
        arg: 'URL',
        description,
        help
    };
}
const PROMETHEUS_AUTH_OPTIONS = [
    {
        field: 'prometheus-token',
        flag: false,
        env: 'PROMETHEUS_TOKEN',
        secret: true,
        description: 'Bearer token (masked).'
    },
    {
        field: 'prometheus-username',
        flag: false,
        env: 'PROMETHEUS_USERNAME',
        description: 'Basic-auth user.'
    },
    {
        field: 'prometheus-password',
        flag: false,
        env: 'PROMETHEUS_PASSWORD',
        secret: true,
        description: 'Basic-auth password (masked).'
    }
];
/** A token, or a username and password; undefined when none is set. */ function prometheusAuthOf(values) {
    const token = textOf(values, 'prometheus-token');
    const username = textOf(values, 'prometheus-username');
    const password = textOf(values, 'prometheus-password');
    if (token && (username || password)) throw new InputError('prometheus-token', 'is set together with basic auth', 'use a token or a username and password');
    if (token) return {
        type: 'bearer',
        token
    };
    if (username === undefined && password === undefined) return undefined;
    if (username === undefined || password === undefined) throw new InputError('prometheus-username', 'and ⟨prometheus-password⟩ go together', 'set both');
    return {
        type: 'basic',
        username,
        password
    };
}
/** The URL with its auth; undefined without a URL. */ function prometheusOf(values) {
    const url = textOf(values, 'prometheus-url');
    if (!url) return undefined;
    const auth = prometheusAuthOf(values);
    return auth ? {
        url,
        auth
    } : {
        url
    };
}

export { PROMETHEUS_AUTH_OPTIONS as P, prometheusUrlOption as a, prometheusOf as p };
