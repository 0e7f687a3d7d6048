// The flags every Go build of the bootstrap uses. One set for all builds: the Go build cache keys each compiled
// package by its flags too, so a package shared by two tools (same module version) compiles once only when both
// builds pass the same -trimpath and CGO setting. Plain JavaScript: the bootstrap runs before `npm ci`.

/** Environment of every Go build: static binaries, no VCS stamping (module builds have no checkout). */
export const goBuildEnv = { CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' };

/**
 * `-X` flags that stamp a Kubernetes version: without them the binaries report `v0.0.0-master+$Format:%H$`,
 * which kubectl cannot parse and chart `kubeVersion` checks reject.
 * @param {string} version like v1.37.2
 */
export function kubeVersionLdflags(version) {
  const [major, minor] = version.replace(/^v/, '').split('.');
  return ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version'].flatMap((pkg) => [
    `-X ${pkg}.gitVersion=${version}`,
    `-X ${pkg}.gitMajor=${major}`,
    `-X ${pkg}.gitMinor=${minor}`,
    `-X ${pkg}.gitTreeState=clean`,
  ]);
}

/**
 * `go build`/`go install` flags: -trimpath everywhere (reproducible, and the same cache key for every tool);
 * -s -w drop the symbol tables, which halves the control-plane binaries. Since the link drops DWARF (-w), the
 * compiler need not write it (-dwarf=false): etcd from an empty build cache took 74 instead of 82 CPU seconds
 * (two runs each) and its largest compile 309 instead of 410 MB, for the same instructions (some functions in
 * another order). Compare with scripts/bench/bootstrap-go.mjs --variants bootstrap,compiler-dwarf.
 * @param {{ version: string, ldflags?: 'kube-version' }} build
 */
export function goBuildFlags(build) {
  const ldflags = [
    '-s',
    '-w',
    ...(build.ldflags === 'kube-version' ? kubeVersionLdflags(build.version) : []),
  ];
  return ['-trimpath', '-gcflags=all=-dwarf=false', '-ldflags', ldflags.join(' ')];
}

/**
 * The one go command that builds a `goBuilds` entry of tools/versions.json into `outDir` (a folder):
 * `go build -o` inside the in-repo module `moduleDir`; without one (scripts/bench/bootstrap-go.mjs --variants
 * upstream), `go install pkg@version` with GOBIN, from the tool's own go.mod. Several packages go into one command so
 * the packages they share compile once and the links run side by side; with one package `-o` names the file, with
 * several go names each binary after its package.
 * `shown` is the command with relative paths and the environment in front, for a retry hint.
 * @param {{ module: string, version: string, moduleDir?: string, ldflags?: 'kube-version',
 *   packages?: Record<string, string> }} build
 * @param {string} name the entry's name (the binary's name when there are no `packages`)
 * @param {string} outDir
 * @param {string} [shownOutDir] outDir as the retry hint should show it
 * @returns {{ args: string[], cwd?: string, env: Record<string, string>, shown: string }}
 */
export function goBuildCommand(build, name, outDir, shownOutDir = outDir) {
  const packages = Object.entries(build.packages ?? { [name]: build.module });
  const flags = goBuildFlags(build);
  const shownFlags = flags.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(' ');
  const [first] = packages;
  if (build.moduleDir) {
    const out = (/** @type {string} */ dir) =>
      packages.length === 1 && first ? `${dir}/${first[0]}` : `${dir}/`;
    const targets = packages.map(([, pkg]) => pkg);
    return {
      args: ['build', ...flags, '-o', out(outDir), ...targets],
      cwd: build.moduleDir,
      env: goBuildEnv,
      shown: `cd ${build.moduleDir} && CGO_ENABLED=0 go build ${shownFlags} -o ${out(shownOutDir)} ${targets.join(' ')}`,
    };
  }
  const targets = packages.map(([, pkg]) => `${pkg}@${build.version}`);
  return {
    args: ['install', ...flags, ...targets],
    env: { ...goBuildEnv, GOBIN: outDir },
    shown: `GOBIN=${shownOutDir} CGO_ENABLED=0 go install ${shownFlags} ${targets.join(' ')}`,
  };
}
