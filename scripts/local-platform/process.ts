import { type ChildProcess, spawn } from 'node:child_process';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Everything the process printed so far (bounded). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
  readonly exited: Promise<number | null>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Polled until it resolves true; the process fails to start if it exits or `readyTimeoutMs` passes first. */
  ready?: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

const MAX_OUTPUT = 200_000;

export async function startProcess(
  name: string,
  file: string,
  args: string[],
  options: StartOptions = {},
): Promise<ManagedProcess> {
  const child: ChildProcess = spawn(file, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > MAX_OUTPUT) log = log.slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (err) => {
      log += `\n[spawn error] ${err.message}`;
      resolve(-1);
    });
  });
  let alive = true;
  void exited.then(() => {
    alive = false;
  });

  const handle: ManagedProcess = {
    name,
    pid: child.pid ?? -1,
    output: () => log,
    exited,
    async stop(graceMs = 5_000) {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  if (options.ready) {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
    for (;;) {
      if (!alive) {
        throw new Error(`${name} exited before it was ready:\n${log.slice(-4000)}`);
      }
      if (await options.ready().catch(() => false)) break;
      if (Date.now() > deadline) {
        await handle.stop();
        throw new Error(
          `${name} was not ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${log.slice(-4000)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return handle;
}

/** true when GET url answers with a 2xx status. */
export async function httpOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
