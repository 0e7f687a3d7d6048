// The environment every child process gets: what a tool needs to run, named one by one, never the step's
// whole environment. A runner puts every input (secrets included) in INPUT_*, and the job may hold tokens;
// none of that may reach npm, skopeo, buildah, helm, git or a worker that outlives the step.

/** Variables a tool may need to find itself, its files, its locale and the network. */
const PASSED = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'TERM',
  'NO_COLOR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'XDG_DATA_HOME',
  // Container tools: which engine, which storage, which registries.
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'BUILDAH_ISOLATION',
  'STORAGE_DRIVER',
  'STORAGE_OPTS',
  'CONTAINERS_CONF',
  'CONTAINERS_STORAGE_CONF',
  'CONTAINERS_REGISTRIES_CONF',
  'REGISTRIES_CONFIG_PATH',
  // Where a runner wants temporary files, and that this is CI.
  'RUNNER_TEMP',
  'CI',
  // This project's own cache and test-run marker (never a secret).
  'TEMPORAL_ROLLOUT_CACHE',
  'TEMPORAL_ROLLOUT_TEST_RUN',
]);

/** Prefixes passed whole: locale settings, and npm's own configuration for npm. */
const PASSED_PREFIXES = ['LC_', 'npm_config_', 'NPM_CONFIG_'];

/**
 * The environment for a child: the named variables from `from` (default this process's), plus `extra`.
 * Use with execa's `extendEnv: false` (childOptions does both), or as spawn's `env`.
 */
export function childEnv(
  extra: Record<string, string | undefined> = {},
  from: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(from)) {
    if (value === undefined) continue;
    if (PASSED.has(name) || PASSED_PREFIXES.some((prefix) => name.startsWith(prefix))) env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}

/** execa options that give the child exactly childEnv(extra) and nothing inherited. */
export function childOptions(extra: Record<string, string | undefined> = {}): {
  env: Record<string, string>;
  extendEnv: false;
} {
  return { env: childEnv(extra), extendEnv: false };
}
