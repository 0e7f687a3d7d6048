import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { protobufjsCopies, resolveWorkerSdk } from '../../actions/src/adapters/sdk-resolver.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function pkg(dir: string, name: string, version: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
  await writeFile(join(dir, 'index.js'), 'module.exports = {};');
}

describe('SDK resolver', () => {
  let scratch: TempDir | undefined;
  afterEach(async () => {
    await scratch?.remove();
  });

  it("loads this repo's @temporalio/worker with a single protobufjs 8", async () => {
    const resolved = await resolveWorkerSdk(root);
    expect(resolved.version).toBe('1.24.0');
    expect(resolved.protobufjsCopies).toHaveLength(1);
    expect(typeof resolved.sdk.Worker.runReplayHistories).toBe('function');
  });

  it('refuses a tree where npm nested one protobufjs 8 per Temporal package, and says how to fix it', async () => {
    scratch = await tempDir('sdk-dup');
    const nm = join(scratch.path, 'node_modules');
    await writeFile(join(scratch.path, 'package.json'), '{"name":"consumer"}');
    await pkg(join(nm, 'protobufjs'), 'protobufjs', '7.5.4');
    for (const name of ['worker', 'common', 'proto']) {
      await pkg(join(nm, '@temporalio', name), `@temporalio/${name}`, '1.24.0');
      await pkg(join(nm, '@temporalio', name, 'node_modules', 'protobufjs'), 'protobufjs', '8.8.1');
    }
    expect(protobufjsCopies(join(nm, '@temporalio', 'worker'))).toHaveLength(3);
    await expect(resolveWorkerSdk(scratch.path)).rejects.toThrow(
      /loads 3 copies of protobufjs 8 .* add `protobufjs@\^8` to your dependencies/,
    );
  });
});
