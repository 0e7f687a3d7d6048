// Where the bootstrap puts each tool and where the tests find it. Plain JavaScript so the bootstrap
// can run before `npm ci`; typed through JSDoc and checked by `tsc --noEmit`.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {{ module: string, version: string }} GoTool
 * @typedef {{ module: string, version: string, moduleDir: string, cpuSeconds: number, ldflags?: 'kube-version',
 *   cluster?: boolean, packages: Record<string, string> }} GoBuild
 * @typedef {{ module: string, version: string, path: string, suffix: string, files?: undefined }
 *   | { module: string, version: string, files: string[], path?: undefined, suffix?: undefined }} GoFiles
 * @typedef {{ binaries: string[] }} AptPackage
 * @typedef {{ package: string, version: string, binaries: string[] }} PypiTool
 * @typedef {{ goBuilds: Record<string, GoBuild>, goFiles: Record<string, GoFiles>,
 *   apt: Record<string, AptPackage>, node24: { package: string, version: string },
 *   pypi: Record<string, PypiTool> }} ToolVersions
 */

/** @returns {ToolVersions} */
export function toolVersions() {
  return JSON.parse(readFileSync(join(repoRoot, 'tools', 'versions.json'), 'utf8'));
}

/** The cache outside the clone, keyed by tool and version, so a fresh clone on a warm machine skips builds. */
export function cacheRoot() {
  if (process.env.TEMPORAL_ROLLOUT_CACHE) return process.env.TEMPORAL_ROLLOUT_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'temporal-rollout');
}

/** @param {string} name @param {GoTool} tool */
export function goToolDir(name, tool) {
  return join(cacheRoot(), `${name}-${tool.version}`, 'bin');
}

/** Entries of a versions.json section, without its `$comment`. @template T @param {Record<string, T>} section */
export function entries(section) {
  return Object.entries(section).filter(([name]) => name !== '$comment');
}

/** Set for the test workers while the test run builds the cluster tools beside the tests: that build's folder. */
export const CLUSTER_TOOLS_BUILD_DIR_ENV = 'TEMPORAL_ROLLOUT_CLUSTER_TOOLS_BUILD';

/** Absolute paths of the binaries of the goBuilds entries marked `cluster` (they only serve the kwok test clusters). */
export function clusterToolPaths() {
  return entries(toolVersions().goBuilds)
    .filter(([, build]) => build.cluster)
    .flatMap(([name, build]) =>
      Object.keys(build.packages).map((binary) => join(goToolDir(name, build), binary)),
    );
}

/**
 * The cluster tools (clusterToolPaths) that the cache lacks. Empty once the bootstrap, or a test run's build beside
 * the tests, has built them.
 */
export function missingClusterTools() {
  return clusterToolPaths().filter((path) => !existsSync(path));
}

/** The virtualenv of a `pypi` entry in the cache. @param {string} name @param {PypiTool} tool */
export function pypiVenvDir(name, tool) {
  return join(cacheRoot(), `${name}-${tool.version}`);
}

/** The folder of a `goFiles` entry in the cache. @param {string} name @param {GoFiles} files */
export function goFilesDir(name, files) {
  return join(cacheRoot(), `${name}-${files.version}`);
}

/**
 * Absolute paths of every tool the tests use. Debian's binaries are looked up in /usr/bin.
 * `prometheusOperatorCrds` is a folder of CustomResourceDefinition YAML files, `kwokStages` one of kwok's
 * default Stage YAML files.
 * @returns {{ temporal: string, helm: string, actionlint: string, act: string, prometheus: string, promtool: string,
 *   registry: string, buildah: string, skopeo: string, strip: string, node24: string, kubeApiserver: string,
 *   kubeControllerManager: string, kubeScheduler: string, kubectl: string, etcd: string, kwok: string,
 *   kwokctl: string, prometheusOperatorCrds: string, kwokStages: string, zizmor: string }}
 */
export function toolPaths() {
  const versions = toolVersions();
  /** @param {string} build @param {string} binary */
  const built = (build, binary) => {
    const entry = versions.goBuilds[build];
    if (!entry || !(binary in entry.packages)) {
      throw new Error(`tools/versions.json has no goBuilds "${build}" with a binary "${binary}"`);
    }
    return join(goToolDir(build, entry), binary);
  };
  const zizmor = versions.pypi.zizmor;
  if (!zizmor) throw new Error('tools/versions.json has no pypi "zizmor"');
  /** @param {string} name */
  const files = (name) => {
    const entry = versions.goFiles[name];
    if (!entry) throw new Error(`tools/versions.json has no goFiles "${name}"`);
    return entry;
  };
  const kwokStages = files('kwok-stages');
  if (kwokStages.version !== versions.goBuilds.kwok?.version) {
    throw new Error('tools/versions.json: goFiles "kwok-stages" must have the version of goBuilds "kwok"');
  }
  return {
    temporal: built('temporal', 'temporal'),
    helm: built('helm', 'helm'),
    actionlint: built('actionlint', 'actionlint'),
    act: built('act', 'act'),
    prometheus: '/usr/bin/prometheus',
    promtool: '/usr/bin/promtool',
    registry: '/usr/bin/docker-registry',
    buildah: '/usr/bin/buildah',
    skopeo: '/usr/bin/skopeo',
    strip: '/usr/bin/strip',
    node24: join(cacheRoot(), `node-${versions.node24.version}`, 'bin', 'node'),
    kubeApiserver: built('kubernetes', 'kube-apiserver'),
    kubeControllerManager: built('kubernetes', 'kube-controller-manager'),
    kubeScheduler: built('kubernetes', 'kube-scheduler'),
    kubectl: built('kubernetes', 'kubectl'),
    etcd: built('etcd', 'etcd'),
    kwok: built('kwok', 'kwok'),
    kwokctl: built('kwok', 'kwokctl'),
    prometheusOperatorCrds: goFilesDir('prometheus-operator-crds', files('prometheus-operator-crds')),
    kwokStages: goFilesDir('kwok-stages', kwokStages),
    zizmor: join(pypiVenvDir('zizmor', zizmor), 'bin', 'zizmor'),
  };
}
