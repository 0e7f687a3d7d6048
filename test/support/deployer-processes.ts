// The worker processes local deployers started on this machine, found in /proc by the ROLLOUT_WORKER_ID each
// one carries: what a test checks for orphans, whatever the deployer's own files say.
import { readdirSync, readFileSync } from 'node:fs';

export interface DeployerProcess {
  pid: number;
  /** Its ROLLOUT_WORKER_ID. */
  id: string;
  /** A variable of its environment, undefined when unset. */
  env(name: string): string | undefined;
}

/** Every live (not zombie) deployer worker process whose environment `matches`, by pid. */
export function deployerProcesses(matches: (env: DeployerProcess['env']) => boolean): DeployerProcess[] {
  const found: DeployerProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let environ: string[];
    try {
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${entry}/stat`, 'latin1'))) continue;
      environ = readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
    } catch {
      continue;
    }
    const env = (name: string) => environ.find((kv) => kv.startsWith(`${name}=`))?.slice(name.length + 1);
    const id = env('ROLLOUT_WORKER_ID');
    if (id && matches(env)) found.push({ pid: Number(entry), id, env });
  }
  return found.sort((a, b) => a.pid - b.pid);
}
