// `npm run build --workspace controller`: controller/dist/, what controller/Containerfile copies into the image.
//
//   dist/cli.js, dist/chunks/   temporal-rollout's bundled CLI: actions/dist/cli.js and the chunks it imports
//                               (`npm run bundle` writes them; a release commits them)
//   dist/workflows/index.js     RolloutWorkflow and the core/ code it runs, one ES module (only @temporalio/*
//                               imported): a copy of actions/dist/rollout-workflows.js, which the release
//                               action bundles too; the image build bundles it with bundleWorkflowCode, once
//   dist/image/*.js             the image build's steps, shared with the worker image (worker/src/image): bundle
//                               the workflows, prune the bundler, drop files nothing loads
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import swc from '@rollup/plugin-swc';
import { rollup } from 'rollup';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'controller', 'dist');
const actionsDist = join(root, 'actions', 'dist');

/** Relative imports in an ES module bundle: static, side-effect and dynamic ones (and look-alikes in strings). */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g;

/** `entry` and every file it imports relatively, transitively (paths absolute). */
function importClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      // Rollup names every chunk `*.js`; other matches are text inside the bundled code.
      const target = resolve(dirname(file), specifier);
      if (specifier.endsWith('.js') && existsSync(target)) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

/** A file `npm run bundle` writes into actions/dist/ (committed by a release); an error naming the fix if absent. */
function bundled(name) {
  const file = join(actionsDist, name);
  if (!existsSync(file)) {
    throw new Error(`${relative(root, file)} does not exist: run \`npm run bundle\` first`);
  }
  return file;
}

async function copyCli() {
  const files = importClosure(bundled('cli.js'));
  for (const file of files) {
    const target = join(dist, relative(actionsDist, file));
    await mkdir(dirname(target), { recursive: true });
    await cp(file, target);
  }
  return files.length;
}

/** `npm run bundle` writes RolloutWorkflow as one module (rollout-workflows.js); the image uses that same file. */
async function copyRolloutWorkflows() {
  const source = bundled('rollout-workflows.js');
  await mkdir(join(dist, 'workflows'), { recursive: true });
  await cp(source, join(dist, 'workflows', 'index.js'));
}

/** Bundles `input` (name → source) into dist/, every @temporalio package (and node: builtin) left imported. */
async function bundle(input, chunkDir) {
  const build = await rollup({
    input,
    external: [/^@temporalio\//, /^node:/],
    plugins: [
      swc({
        include: /(actions|worker)\/src\/.*\.ts$/,
        swc: { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } },
      }),
      nodeResolve({ preferBuiltins: true, extensions: ['.ts', '.mjs', '.js', '.json'] }),
      commonjs(),
      json(),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  try {
    await build.write({
      dir: dist,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: `${chunkDir}/[name]-[hash].js`,
      sourcemap: false,
    });
  } finally {
    await build.close();
  }
}

rmSync(dist, { recursive: true, force: true });
const copied = await copyCli();
await copyRolloutWorkflows();
await bundle(
  Object.fromEntries(
    ['keep-platform-bridge', 'bundle-workflows', 'prune-bundler', 'drop-dev-files', 'drop-unread-files'].map(
      (name) => [`image/${name}`, join(root, 'worker/src/image', `${name}.ts`)],
    ),
  ),
  'image',
);
process.stdout.write(
  `controller/dist: cli.js with ${copied - 1} chunks, workflows/index.js, image/ build steps\n`,
);
