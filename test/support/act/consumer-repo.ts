// The repositories an act test needs, built in temp folders: a user's repository (test/fixtures/act-consumer,
// calling temporal-rollout by its public name), and temporal-rollout itself as a user gets it at a tag (the
// files git tracks in this checkout, plus new ones not yet committed; no node_modules, no .git).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { type TempDir, tempDir } from '../../../scripts/local-platform/temp.js';
import { repoRoot } from '../../../scripts/tool-paths.mjs';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'act-consumer');
const REPLAY_FIXTURES = join(repoRoot, 'test', 'fixtures', 'replay');

/** The public name the consumer's workflows use, and the ref they pin. */
export const TOOLKIT = 'temporal-rollout/temporal-rollout@v1';

export interface ConsumerRepo {
  path: string;
  /** Writes a file (relative to the repository), creating folders. */
  write(file: string, text: string): Promise<void>;
  /** Commits everything and returns the new commit's sha. */
  commit(message: string): Promise<string>;
  /** Tags HEAD (a lightweight tag, as `git tag v2.0.0 && git push --tags` pushes it). */
  tag(name: string): Promise<void>;
  remove(): Promise<void>;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execa('git', args, {
    cwd,
    env: {
      GIT_AUTHOR_NAME: 'dev',
      GIT_AUTHOR_EMAIL: 'dev@acme.example',
      GIT_COMMITTER_NAME: 'dev',
      GIT_COMMITTER_EMAIL: 'dev@acme.example',
    },
  });
  return stdout.trim();
}

/** The replay fixture's workflow module, as the consumer's `src/workflows/index.ts`. */
export async function fixtureWorkflowSource(variant: 'base' | 'reordered'): Promise<string> {
  const text = await readFile(join(REPLAY_FIXTURES, `${variant}.ts`), 'utf8');
  return text.replace("from './activities.js'", "from '../activities.js'");
}

/**
 * A git repository `acme/orders` (its origin names GitHub; nothing is ever fetched from it) with one commit on
 * main: package.json and lockfile, a small workflow and its activities, two stored histories of it (one open
 * run, one completed), and the consumer's workflows in .github/workflows.
 */
export async function createConsumerRepo(): Promise<ConsumerRepo> {
  const dir: TempDir = await tempDir('consumer');
  const path = dir.path;
  const write = async (file: string, text: string) => {
    await mkdir(dirname(join(path, file)), { recursive: true });
    await writeFile(join(path, file), text);
  };
  await cp(join(FIXTURE, 'package.json'), join(path, 'package.json'));
  await cp(join(FIXTURE, 'package-lock.json'), join(path, 'package-lock.json'));
  await cp(join(FIXTURE, 'workflows'), join(path, '.github', 'workflows'), { recursive: true });
  await write('src/workflows/index.ts', await fixtureWorkflowSource('base'));
  await cp(join(REPLAY_FIXTURES, 'activities.ts'), join(path, 'src', 'activities.ts'));
  for (const history of (await readdir(join(REPLAY_FIXTURES, 'histories'))).filter((f) =>
    f.startsWith('base-'),
  )) {
    await cp(join(REPLAY_FIXTURES, 'histories', history), join(path, 'histories', 'fixtureOrder', history));
  }
  await write('.gitignore', 'node_modules/\nreplay-report.json\n');
  return gitRepository(dir, 'acme/orders', 'acme orders: worker, histories, workflows');
}

/**
 * `acme/orders` as a team shipping the order worker has it: this checkout's worker workspace (worker/ sources and
 * Containerfile, no dist: the build compiles it) under the team's own package.json and lockfile, its stored
 * OrderWorkflow histories, the given rollout.yaml and Helm values, and the consumer's workflows. `baseImage`
 * becomes the Containerfile's default BASE_IMAGE (no public base image is reachable here).
 */
export async function createWorkerConsumerRepo(files: {
  rolloutYaml: string;
  helmValues: string;
  baseImage: string;
}): Promise<ConsumerRepo> {
  const dir: TempDir = await tempDir('consumer-worker');
  const path = dir.path;
  const write = async (file: string, text: string) => {
    await mkdir(dirname(join(path, file)), { recursive: true });
    await writeFile(join(path, file), text);
  };
  for (const file of ['tsconfig.json', 'worker/package.json', 'worker/tsconfig.json']) {
    await write(file, await readFile(join(repoRoot, file), 'utf8'));
  }
  await writeWorkerPackage(path);
  await cp(join(repoRoot, 'worker', 'src'), join(path, 'worker', 'src'), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  });
  const containerfile = await readFile(join(repoRoot, 'worker', 'Containerfile'), 'utf8');
  if (!/^ARG BASE_IMAGE=.*$/m.test(containerfile))
    throw new Error('worker/Containerfile has no ARG BASE_IMAGE line');
  await write(
    'worker/Containerfile',
    containerfile.replace(/^ARG BASE_IMAGE=.*$/m, `ARG BASE_IMAGE=${files.baseImage}`),
  );
  await cp(join(repoRoot, 'histories', 'OrderWorkflow'), join(path, 'histories', 'OrderWorkflow'), {
    recursive: true,
  });
  await cp(join(FIXTURE, 'workflows'), join(path, '.github', 'workflows'), { recursive: true });
  await write('rollout.yaml', files.rolloutYaml);
  await write('deploy/values.yaml', files.helmValues);
  await write('.gitignore', 'node_modules/\nworker/dist/\nreplay-report.json\n');
  return gitRepository(
    dir,
    'acme/orders',
    'acme orders: the order worker, its histories, rollout.yaml, workflows',
  );
}

/**
 * The team's own package.json — the worker workspace and what compiling it takes (TypeScript, Node's types), not
 * this toolkit's dev tools — and its lockfile: this checkout's, pruned to those packages by npm offline, so every
 * version it pins is one the bootstrap's `npm ci` put in the npm cache.
 */
async function writeWorkerPackage(path: string): Promise<void> {
  const root = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const devDependencies = Object.fromEntries(
    ['typescript', '@types/node'].map((name) => [name, root.devDependencies[name]]),
  );
  const pkg = {
    name: 'acme-orders',
    version: '1.0.0',
    private: true,
    workspaces: ['worker'],
    devDependencies,
  };
  await writeFile(join(path, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await cp(join(repoRoot, 'package-lock.json'), join(path, 'package-lock.json'));
  await execa(
    'npm',
    ['install', '--package-lock-only', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    { cwd: path },
  );
}

/** Makes `dir` a git repository whose origin is GitHub's `name` (never fetched), with its files committed. */
async function gitRepository(dir: TempDir, name: string, message: string): Promise<ConsumerRepo> {
  const path = dir.path;
  await git(path, ['init', '--quiet', '--initial-branch', 'main']);
  await git(path, ['remote', 'add', 'origin', `https://github.com/${name}.git`]);
  const repo: ConsumerRepo = {
    path,
    async write(file, text) {
      await mkdir(dirname(join(path, file)), { recursive: true });
      await writeFile(join(path, file), text);
    },
    async commit(text) {
      await git(path, ['add', '--all']);
      await git(path, ['commit', '--quiet', '--allow-empty', '--message', text]);
      return git(path, ['rev-parse', 'HEAD']);
    },
    async tag(name) {
      await git(path, ['tag', name]);
    },
    remove: () => dir.remove(),
  };
  await repo.commit(message);
  return repo;
}

/** temporal-rollout's own repository (a toolkitSnapshot, committed), for its workflows that run only there. */
export async function thisRepository(): Promise<ConsumerRepo> {
  return gitRepository(await toolkitSnapshot(), 'temporal-rollout/temporal-rollout', 'temporal-rollout');
}

/**
 * temporal-rollout as `uses: temporal-rollout/temporal-rollout/…@v1` would fetch it: the files of this checkout
 * git knows (tracked, or new and not ignored), copied into a temp folder. The committed bundles in actions/dist
 * are what runs.
 */
export async function toolkitSnapshot(): Promise<TempDir> {
  const dir = await tempDir('toolkit');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of listed.split('\0').filter(Boolean)) {
    const target = join(dir.path, file);
    await mkdir(dirname(target), { recursive: true });
    // A tracked file deleted in the working tree is not part of what a user would get from this checkout.
    await cp(join(repoRoot, file), target).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
  return dir;
}
