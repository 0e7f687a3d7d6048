// Bundles each action's entry point (actions/src/entries/*.ts) into actions/dist/, as GitHub runs them:
// one ESM file per action plus shared chunks, all dependencies inlined. `npm run bundle` writes it;
// `npm run check-dist` fails when the committed bundles are stale.
import { readdirSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import swc from '@rollup/plugin-swc';

const outDir = process.env.TR_BUNDLE_DIR ?? 'actions/dist';
/** TypeScript → JavaScript for our own sources: type checking is `tsc --noEmit`'s job; swc only strips types. */
const stripTypes = () =>
  swc({
    include: /(actions|worker)\/src\/.*\.ts$/,
    swc: { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } },
  });

const entries = Object.fromEntries(
  readdirSync('actions/src/entries')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f.replace(/\.ts$/, ''), `actions/src/entries/${f}`]),
);

const actions = {
  input: entries,
  // The replay step loads the consumer's own @temporalio/worker at run time (DESIGN.md: replay with the SDK
  // version production runs), so the SDK's worker side is never bundled.
  external: [/^@temporalio\/worker(\/|$)/, /^@temporalio\/testing(\/|$)/, /^@swc\//, /^webpack(\/|$)/],
  output: {
    dir: outDir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: false,
    // Some CommonJS dependencies read require/__dirname; give the ESM bundle both. `globalThis.URL`, because a
    // chunk may declare its own top-level `URL` (uuid's namespace constant), which the banner would hit in its TDZ.
    banner:
      "import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));",
  },
  plugins: [
    stripTypes(),
    nodeResolve({
      preferBuiltins: true,
      extensions: ['.ts', '.mjs', '.js', '.json'],
      exportConditions: ['node', 'import', 'default'],
    }),
    commonjs({ ignoreDynamicRequires: true }),
    json(),
  ],
  treeshake: {
    // @actions/core imports its OIDC client (and with it @actions/http-client and undici, ~1 MB) for
    // getIDToken alone, which no step calls. Declaring those modules free of side effects lets Rollup drop them
    // from every step's start-up path; anything that does use the HTTP client (Octokit) still gets all of it.
    moduleSideEffects: (id) => !/node_modules\/@actions\/(core\/lib\/oidc-utils|http-client)\//.test(id),
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

/**
 * RolloutWorkflow and the core/ code it runs as one ES module, every @temporalio package left imported: the
 * release action bundles it for its rollout worker with the SDK's bundler (bundleWorkflowCode), so the release job
 * installs only the rollout worker's packages (the controller workspace's), not the toolkit's TypeScript sources'.
 */
const rolloutWorkflows = {
  input: { 'rollout-workflows': 'actions/src/controller/workflows.ts' },
  external: [/^@temporalio\//, /^node:/],
  output: { dir: outDir, format: 'es', entryFileNames: '[name].js', sourcemap: false },
  plugins: [stripTypes(), nodeResolve({ extensions: ['.ts', '.mjs', '.js', '.json'] }), commonjs(), json()],
  onwarn(warning, warn) {
    if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
  },
};

export default [actions, rolloutWorkflows];
