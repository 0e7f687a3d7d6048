// What a rollout step can check about its options before it loads the Temporal client, connects or writes:
// the deployer's needs and the state directory. Errors name the fields `kubeconfig` and `state-dir`; each front
// end says them as its own input or flag.
import { existsSync } from 'node:fs';
import { checkWritableDirectory } from '../adapters/state-dir.js';
import { DEFAULTS } from '../core/defaults.js';
import { InputError } from '../core/errors.js';
import type { OpenRolloutOptions } from './rollout-open.js';

export async function checkRolloutOptions(options: OpenRolloutOptions): Promise<void> {
  const kind = options.config.deployer;
  if (kind === 'helm') {
    if (!options.helm)
      throw new InputError('kubeconfig', 'is required by the helm deployer', 'pass the kubeconfig file');
    if (!existsSync(options.helm.kubeconfig)) {
      throw new InputError(
        'kubeconfig',
        `${options.helm.kubeconfig} does not exist`,
        'pass the kubeconfig file',
      );
    }
  }
  // The helm deployer with state in a ConfigMap writes nothing locally.
  if (kind !== 'helm' || options.config.helm.state !== 'configmap') {
    await checkWritableDirectory(options.stateDir ?? DEFAULTS.stateDir, 'state-dir');
  }
}
