import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropDevFiles } from '../../src/image/drop-dev-files.js';
import { dropUnreadFiles } from '../../src/image/drop-unread-files.js';
import { bundlerOnlyPackages, pruneBundler } from '../../src/image/prune-bundler.js';

async function pkg(dir: string, name: string, dependencies: Record<string, string> = {}, extra = {}) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, dependencies, ...extra }));
  await writeFile(join(dir, 'index.js'), `module.exports = ${JSON.stringify(name)};\n`);
}

describe('pruning the workflow bundler from a production node_modules', () => {
  let app: string;
  const nm = (...parts: string[]) => join(app, 'node_modules', ...parts);

  beforeEach(async () => {
    app = await mkdtemp(join(tmpdir(), 'prune-bundler-'));
    await pkg(join(app, 'worker'), 'worker', { sdk: '1', shared: '1' });
    // The SDK depends on the bundler and on things the worker needs at run time.
    await pkg(nm('sdk'), 'sdk', { webpack: '5', memfs: '4', unionfs: '4', '@swc/core': '1', rx: '7' });
    await pkg(nm('sdk', 'node_modules', 'rx'), 'rx');
    await pkg(nm('shared'), 'shared', {}, { optionalDependencies: { 'native-x64': '1' } });
    await pkg(nm('native-x64'), 'native-x64');
    await pkg(nm('webpack'), 'webpack', { terser: '5', shared: '1' });
    await pkg(nm('webpack', 'node_modules', 'acorn'), 'acorn');
    await pkg(nm('terser'), 'terser');
    await pkg(nm('memfs'), 'memfs', { '@jsonjoy.com/json-pack': '1' });
    await pkg(nm('@jsonjoy.com', 'json-pack'), '@jsonjoy.com/json-pack');
    await pkg(nm('unionfs'), 'unionfs');
    await pkg(
      nm('@swc', 'core'),
      '@swc/core',
      {},
      { optionalDependencies: { '@swc/core-linux-x64-gnu': '1' } },
    );
    await pkg(nm('@swc', 'core-linux-x64-gnu'), '@swc/core-linux-x64-gnu');
  });
  afterEach(async () => {
    await rm(app, { recursive: true, force: true });
  });

  it('finds the packages that only the bundler reaches, nested and scoped ones included', () => {
    const removable = bundlerOnlyPackages(app).map((dir) => dir.slice(nm().length + 1));
    expect(removable.sort()).toEqual(
      [
        '@jsonjoy.com/json-pack',
        '@swc/core',
        '@swc/core-linux-x64-gnu',
        'memfs',
        'terser',
        'unionfs',
        'webpack',
        join('webpack', 'node_modules', 'acorn'),
      ].sort(),
    );
  });

  it('keeps what the worker reaches otherwise, and stubs what the SDK requires at import', async () => {
    await pruneBundler(app);
    for (const kept of ['sdk', join('sdk', 'node_modules', 'rx'), 'shared', 'native-x64']) {
      expect(existsSync(nm(kept)), kept).toBe(true);
    }
    for (const gone of ['terser', '@swc', '@jsonjoy.com', join('webpack', 'node_modules')]) {
      expect(existsSync(nm(gone)), gone).toBe(false);
    }
    const require = createRequire(join(app, 'worker', 'index.js'));
    for (const name of ['webpack', 'memfs', 'unionfs']) {
      // Loading succeeds (the SDK does it at import) and module-interop probes answer quietly…
      const stub = require(name) as Record<string, unknown> & (() => void);
      expect(stub.__esModule).toBe(true);
      expect((stub as { then?: unknown }).then).toBeUndefined();
      // …but any real use says why bundling is impossible here.
      expect(() => stub.webpack).toThrow(`${name} is not installed in this image`);
      expect(() => stub.Volume).toThrow(/WORKFLOW_BUNDLE_PATH/);
      expect(() => stub()).toThrow(/bundled when the image was built/);
    }
  });
});

describe('dropping the files nothing loads at run time', () => {
  it('removes declarations, TypeScript sources and source maps, and nothing else', async () => {
    const app = await mkdtemp(join(tmpdir(), 'drop-dev-files-'));
    try {
      const files = {
        'node_modules/a/index.js': 'module.exports = 1;',
        'node_modules/a/index.js.map': '{}',
        'node_modules/a/index.d.ts': 'export {};',
        'node_modules/@s/b/lib/x.cjs': '',
        'node_modules/@s/b/lib/x.d.cts': '',
        'node_modules/@s/b/src/x.ts': '',
        'node_modules/@s/b/src/y.mts': '',
        'node_modules/@s/b/package.json': '{}',
        'node_modules/@s/b/tsconfig.json': '{}',
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(app, path, '..'), { recursive: true });
        await writeFile(join(app, path), text);
      }
      expect(await dropDevFiles(app)).toBe(5);
      const left = Object.keys(files).filter((path) => existsSync(join(app, path)));
      expect(left).toEqual([
        'node_modules/a/index.js',
        'node_modules/@s/b/lib/x.cjs',
        'node_modules/@s/b/package.json',
        'node_modules/@s/b/tsconfig.json',
      ]);
    } finally {
      await rm(app, { recursive: true, force: true });
    }
  });
});

describe('dropping the builds only bundlers read, and the markdown documents', () => {
  it('removes module/esnext/es2015 folders and browser dist/ unless Node resolves into them', async () => {
    const app = await mkdtemp(join(tmpdir(), 'drop-unread-files-'));
    const manifests: Record<string, object> = {
      // OpenTelemetry 1.x: no exports; main is build/src, module and esnext are bundler copies.
      otel: { main: 'build/src/index.js', module: 'build/esm/index.js', esnext: 'build/esnext/index.js' },
      // exports: the esnext/module conditions are bundler-only, default is what Node picks.
      'otel-exports': {
        main: 'build/src/index.js',
        module: 'build/esm/index.js',
        exports: {
          '.': { module: './build/esm/index.js', types: './x.d.ts', default: './build/src/index.js' },
        },
      },
      // uuid: module points at dist/esm, which exports hands to Node for import: it stays.
      uuid: {
        main: './dist/cjs/index.js',
        module: './dist/esm/index.js',
        exports: { '.': { node: { import: './dist/esm/index.js', require: './dist/cjs/index.js' } } },
      },
      // rxjs: es2015 → dist/esm is bundler-only; module → dist/esm5 is also exports' default: it stays.
      rxjs: {
        main: './dist/cjs/index.js',
        module: './dist/esm5/index.js',
        es2015: './dist/esm/index.js',
        exports: {
          '.': {
            node: './dist/cjs/index.js',
            es2015: './dist/esm/index.js',
            default: './dist/esm5/index.js',
          },
        },
      },
      // A module field naming a file in the package root names no folder.
      flat: { main: 'index.js', module: 'index.mjs' },
      protobufjs: { name: 'protobufjs', main: 'index.js' },
    };
    const files = [
      'otel/build/src/index.js',
      'otel/build/esm/index.js',
      'otel/build/esnext/index.js',
      'otel/README.md',
      'otel/LICENSE.md',
      'otel-exports/build/src/index.js',
      'otel-exports/build/esm/index.js',
      'uuid/dist/cjs/index.js',
      'uuid/dist/esm/index.js',
      'rxjs/dist/cjs/index.js',
      'rxjs/dist/esm/index.js',
      'rxjs/dist/esm5/index.js',
      'flat/index.js',
      'flat/index.mjs',
      'protobufjs/index.js',
      'protobufjs/src/index.js',
      'protobufjs/dist/protobuf.min.js',
      'protobufjs/CHANGELOG.md',
    ];
    try {
      for (const [dir, manifest] of Object.entries(manifests)) {
        await mkdir(join(app, 'node_modules', dir), { recursive: true });
        await writeFile(join(app, 'node_modules', dir, 'package.json'), JSON.stringify(manifest));
      }
      for (const file of files) {
        await mkdir(join(app, 'node_modules', file, '..'), { recursive: true });
        await writeFile(join(app, 'node_modules', file), '');
      }
      const { builds, docs } = await dropUnreadFiles(app);
      expect(builds.map((dir) => dir.slice(join(app, 'node_modules').length + 1)).sort()).toEqual(
        [
          'otel/build/esm',
          'otel/build/esnext',
          'otel-exports/build/esm',
          'rxjs/dist/esm',
          'protobufjs/dist',
        ].sort(),
      );
      expect(docs).toBe(2);
      expect(files.filter((file) => existsSync(join(app, 'node_modules', file)))).toEqual([
        'otel/build/src/index.js',
        'otel/LICENSE.md',
        'otel-exports/build/src/index.js',
        'uuid/dist/cjs/index.js',
        'uuid/dist/esm/index.js',
        'rxjs/dist/cjs/index.js',
        'rxjs/dist/esm5/index.js',
        'flat/index.js',
        'flat/index.mjs',
        'protobufjs/index.js',
        'protobufjs/src/index.js',
      ]);
    } finally {
      await rm(app, { recursive: true, force: true });
    }
  });
});
