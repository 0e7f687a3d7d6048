import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './ports.js';
import { httpOk, type ManagedProcess, startProcess } from './process.js';
import { tempDir } from './temp.js';
import { tool } from './tools.js';

export interface OciRegistry {
  /** host:port on 127.0.0.1, plain HTTP */
  host: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** The CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 with a free port and temp storage. */
export async function startRegistry(): Promise<OciRegistry> {
  const dir = await tempDir('registry');
  const port = await freePort();
  const configFile = join(dir.path, 'config.yml');
  const config = {
    version: 0.1,
    log: { level: 'warn' },
    storage: { filesystem: { rootdirectory: join(dir.path, 'data') }, delete: { enabled: true } },
    http: { addr: `127.0.0.1:${port}` },
  };
  await writeFile(configFile, JSON.stringify(config));
  const host = `127.0.0.1:${port}`;
  const proc = await startProcess('docker-registry', tool('registry'), ['serve', configFile], {
    ready: () => httpOk(`http://${host}/v2/`),
  }).catch(async (err) => {
    await dir.remove();
    throw err;
  });
  return {
    host,
    process: proc,
    async stop() {
      await proc.stop();
      await dir.remove();
    },
  };
}
