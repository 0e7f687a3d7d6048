import { type ChildProcess, spawn } from 'node:child_process';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Everything the process printed so far (bounded). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** The exit code; null when a signal ended the process (see `signal()`). */
  readonly exited: Promise<number | null>;
  /** The signal that ended the process, once it has exited by one. */
  signal(): NodeJS.Signals | null;
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
  let endedBy: NodeJS.Signals | null = null;
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      endedBy = signal;
      resolve(code);
    });
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
    signal: () => endedBy,
    async stop(graceMs = 5_000) {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  if (options.ready) await untilReady(handle, options.ready, options.readyTimeoutMs);
  return handle;
}

/**
 * Polls `ready` until it resolves true. Throws if the process exits first, or stops it and throws once
 * `timeoutMs` passed.
 */
export async function untilReady(
  handle: ManagedProcess,
  ready: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  let alive = true;
  void handle.exited.then(() => {
    alive = false;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive)
      throw new Error(`${handle.name} exited before it was ready:\n${handle.output().slice(-4000)}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(
        `${handle.name} was not ready within ${timeoutMs} ms:\n${handle.output().slice(-4000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
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
