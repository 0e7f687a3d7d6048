// Image build step: keeps only this platform's Temporal core bridge (@temporalio/core-bridge ships five, ~25 MB
// each, and its Rust sources), drops the workspaces' self-links (node_modules/@temporal-rollout), and loads the
// bridge, so a base image whose libc cannot run it fails the build here.
//
//   node worker/dist/image/keep-platform-bridge.js <app dir holding node_modules/>
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the bridge package holds beside its prebuilt releases: sources and build files nothing loads. */
const BRIDGE_SOURCES = ['sdk-core', 'src', 'bridge-macros', 'ts', 'scripts', 'Cargo.lock', 'Cargo.toml'];

/** Returns the prebuilt target kept (e.g. x86_64-unknown-linux-gnu) once the bridge has loaded from what is left. */
export function keepPlatformBridge(appDir: string): string {
  const modules = join(resolve(appDir), 'node_modules');
  const bridge = join(modules, '@temporalio', 'core-bridge');
  const require = createRequire(join(bridge, 'package.json'));
  const { getPrebuiltTargetName } = require('./common.js') as { getPrebuiltTargetName(): string };
  const keep = getPrebuiltTargetName();
  for (const target of readdirSync(join(bridge, 'releases'))) {
    if (target !== keep) rmSync(join(bridge, 'releases', target), { recursive: true });
  }
  for (const source of BRIDGE_SOURCES) rmSync(join(bridge, source), { recursive: true, force: true });
  rmSync(join(modules, '@temporal-rollout'), { recursive: true, force: true });
  require(bridge);
  return keep;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const appDir = process.argv[2];
  if (!appDir) {
    process.stderr.write('usage: node worker/dist/image/keep-platform-bridge.js <app dir>\n');
    process.exit(2);
  }
  process.stdout.write(`core bridge ${keepPlatformBridge(appDir)} loads\n`);
}
