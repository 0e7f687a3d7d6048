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
 * -s -w drop the symbol tables, which halves the control-plane binaries.
 * @param {{ version: string, ldflags?: 'kube-version' }} build
 */
export function goBuildFlags(build) {
  const ldflags = [
    '-s',
    '-w',
    ...(build.ldflags === 'kube-version' ? kubeVersionLdflags(build.version) : []),
  ];
  return ['-trimpath', '-ldflags', ldflags.join(' ')];
}
