// The demo and the benchmarks start servers and detached processes; Ctrl-C must stop them, not strand them.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { repoRoot } from '../../scripts/tool-paths.mjs';

// A script that "starts something", registers its cleanup, and then either waits or ends normally.
const SCRIPT = `
import { appendFileSync } from 'node:fs';
import { cleanupOnSignal } from ${JSON.stringify(join(repoRoot, 'scripts', 'cleanup-on-signal.ts'))};
const [log, mode] = process.argv.slice(2);
const stop = cleanupOnSignal(async () => {
  await new Promise((r) => setTimeout(r, 200));
  appendFileSync(log, 'cleaned\\n');
});
console.log('started');
if (mode === 'normal') {
  try { appendFileSync(log, 'worked\\n'); } finally { await stop(); await stop(); }
} else {
  setInterval(() => {}, 1000);
}
`;

describe('cleanupOnSignal', () => {
  let dir: TempDir;
  let script: string;
  beforeAll(async () => {
    dir = await tempDir('signal');
    script = join(dir.path, 'script.mts');
    await writeFile(script, SCRIPT);
  });
  afterAll(async () => {
    await dir?.remove();
  });

  const run = (log: string, mode: string) =>
    execa(process.execPath, ['--import', 'tsx', script, log, mode], { cwd: repoRoot, reject: false });

  it('runs the cleanup on SIGINT before exiting 130, and on SIGTERM before exiting 143', async () => {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const log = join(dir.path, `${signal}.log`);
      const child = run(log, 'wait');
      // Started (or already dead: then the assertions below say why).
      await Promise.race([new Promise((resolve) => child.stdout?.once('data', resolve)), child]);
      child.kill(signal);
      const result = await child;
      expect(result.exitCode, result.stderr).toBe(code);
      expect(result.stderr).toContain(`${signal}: stopping everything this script started`);
      expect(await readFile(log, 'utf8')).toBe('cleaned\n');
    }
  });

  it('on the normal path the cleanup runs once, however often it is asked for', async () => {
    const log = join(dir.path, 'normal.log');
    const result = await run(log, 'normal');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await readFile(log, 'utf8')).toBe('worked\ncleaned\n');
  });
});
