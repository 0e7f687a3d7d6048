import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { existsSync } from 'node:fs';
import { c as checkWritableDirectory } from './state-dir-DMm1tIQk.js';
import { I as InputError } from './errors-Bt1yA7Sc.js';

// What a rollout step can check about its options before it loads the Temporal client, connects or writes:
// the deployer's needs and the state directory. The action and the CLI name their own inputs in errors.
async function checkRolloutOptions(options, names) {
    const kind = options.deployer ?? options.config.deployer;
    if (kind === 'helm') {
        if (!options.helm) throw new InputError(names.kubeconfig, 'is required by the helm deployer', 'pass the kubeconfig file');
        if (!existsSync(options.helm.kubeconfig)) {
            throw new InputError(names.kubeconfig, `${options.helm.kubeconfig} does not exist`, 'pass the kubeconfig file');
        }
    }
    // The helm deployer with state in a ConfigMap writes nothing locally.
    if (kind !== 'helm' || options.config.helm.state !== 'configmap') {
        await checkWritableDirectory(options.stateDir ?? '.rollout', names.stateDir);
    }
}

export { checkRolloutOptions as c };
