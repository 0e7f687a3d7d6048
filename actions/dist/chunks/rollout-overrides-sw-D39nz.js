import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
// What the action's inputs, the CLI's flags and the demo may change of rollout.yaml for one run, applied in one
// place and without touching the config that was read.
/** `config` with every override that is set; the config given is left as it was. */ function applyOverrides(config, overrides) {
    const { deployer, strategy, temporalAddress, namespace, drainPolicy, drainTimeoutMs } = overrides;
    return {
        ...config,
        ...deployer ? {
            deployer
        } : {},
        temporal: {
            ...config.temporal,
            ...temporalAddress ? {
                address: temporalAddress
            } : {},
            ...namespace ? {
                namespace
            } : {}
        },
        strategy: {
            ...config.strategy,
            ...strategy ? {
                type: strategy
            } : {},
            drain: {
                ...config.strategy.drain,
                ...drainPolicy ? {
                    policy: drainPolicy
                } : {},
                ...drainTimeoutMs !== undefined ? {
                    timeoutMs: drainTimeoutMs
                } : {}
            }
        }
    };
}

export { applyOverrides as a };
