import type { ResultPromise } from 'execa';

/**
 * SIGKILLs the process group `run` leads (start it with `detached: true`), the helm it runs included, as a
 * pod kill or a lost runner does; resolves once it has ended.
 */
export async function killGroup(run: ResultPromise): Promise<void> {
  if (run.pid === undefined) throw new Error('the process did not start');
  process.kill(-run.pid, 'SIGKILL');
  await run;
}
