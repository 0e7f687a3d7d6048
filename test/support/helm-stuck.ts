import { execa, type Result } from 'execa';
import type { Helm } from '../../actions/src/adapters/helm.js';
import { tool } from '../../scripts/local-platform/tools.js';

/**
 * Runs `helm <args>` (an upgrade whose --wait cannot finish) and SIGKILLs it as soon as the release's newest
 * revision is pending-upgrade: what a runner lost mid-deploy leaves behind. Resolves with the killed run.
 */
export async function killUpgradeWhilePending(
  helm: Helm,
  release: string,
  args: string[],
  kubeconfig: string,
): Promise<Result> {
  // Plain helm must look where the adapter keeps the records (HELM_DRIVER; configmap unless set otherwise).
  const deploy = execa(tool('helm'), args, {
    env: { KUBECONFIG: kubeconfig, HELM_DRIVER: helm.target.driver ?? 'configmap' },
    reject: false,
  });
  const deadline = Date.now() + 30_000;
  while ((await helm.history(release)).at(-1)?.status !== 'pending-upgrade') {
    if (Date.now() > deadline) {
      deploy.kill('SIGKILL');
      await deploy;
      throw new Error('helm upgrade never reached pending-upgrade');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  deploy.kill('SIGKILL');
  return await deploy;
}
