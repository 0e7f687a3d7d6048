import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRoutingError } from '../core/rollout/routing.js';
import { LocalDeployer } from './local-deployer.js';

// Only the routing file is exercised here; no worker process is started.
describe('LocalDeployer routing file', () => {
  let dir: string;
  let deployer: LocalDeployer;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tr-local-routing-'));
    deployer = new LocalDeployer({ dir });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const table = { routes: [{ taskQueue: 'q-v1', weight: 100 }] };

  it('reads back what it wrote, and nothing when there is no file', async () => {
    expect(await deployer.readRouting()).toBeUndefined();
    expect((await deployer.writeRouting(table)).changed).toBe(true);
    expect(await deployer.readRouting()).toEqual(table);
  });

  it('validates the file as the starter does, naming the file and the field', async () => {
    await writeFile(deployer.routingFile, '{"routes":[{"taskQueue":"q-v1","weight":"100"}]}');
    const read = deployer.readRouting();
    await expect(read).rejects.toBeInstanceOf(InvalidRoutingError);
    await expect(read).rejects.toThrow(
      `${deployer.routingFile}: routes[0].weight must be an integer ≥ 0, got "100"`,
    );
    await writeFile(deployer.routingFile, 'not json');
    await expect(deployer.readRouting()).rejects.toThrow(`${deployer.routingFile}: is not JSON`);
  });

  it('replaces a file the starter would refuse instead of stopping on it', async () => {
    await writeFile(deployer.routingFile, '{"routes":[{"taskQueue":"q-v1","weight":0}]}');
    expect((await deployer.writeRouting(table)).changed).toBe(true);
    expect(JSON.parse(await readFile(deployer.routingFile, 'utf8'))).toEqual(table);
  });
});
