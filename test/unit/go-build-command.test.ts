import { describe, expect, it } from 'vitest';
import { goBuildCommand, goBuildFlags } from '../../scripts/go-build-flags.mjs';
import { entries, toolVersions } from '../../scripts/tool-paths.mjs';

describe('goBuildCommand', () => {
  const versions = toolVersions();

  it('builds every Kubernetes binary with one go build in the in-repo module, version stamped', () => {
    const kubernetes = versions.goBuilds.kubernetes;
    if (!kubernetes) throw new Error('tools/versions.json has no goBuilds.kubernetes');
    const command = goBuildCommand(
      kubernetes,
      'kubernetes',
      '/cache/kubernetes.partial',
      '/cache/kubernetes',
    );

    expect(command.cwd).toBe('tools/kubernetes');
    expect(command.args.slice(0, 2)).toEqual(['build', '-trimpath']);
    // Several packages: -o is a folder and go names each binary after its package.
    expect(command.args).toContain('/cache/kubernetes.partial/');
    expect(command.args.slice(-4)).toEqual(Object.values(kubernetes.packages));
    expect(command.args.join(' ')).toContain(
      `-X k8s.io/component-base/version.gitVersion=${kubernetes.version}`,
    );
    expect(command.env).toEqual({ CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' });
    expect(command.shown).toContain('-o /cache/kubernetes/ k8s.io/kubernetes/cmd/kube-apiserver');
  });

  it('names the file with -o when an entry has one package (go would call etcd "server")', () => {
    const etcd = versions.goBuilds.etcd;
    if (!etcd) throw new Error('tools/versions.json has no goBuilds.etcd');
    const command = goBuildCommand(etcd, 'etcd', '/tmp/out');

    expect(command.args).toContain('/tmp/out/etcd');
    expect(command.args.at(-1)).toBe('go.etcd.io/etcd/server/v3');
  });

  it('builds the Temporal CLI in its in-repo module, like the others', () => {
    const temporal = versions.goBuilds.temporal;
    if (!temporal) throw new Error('tools/versions.json has no goBuilds.temporal');
    const command = goBuildCommand(temporal, 'temporal', '/tmp/bin');

    expect(command.cwd).toBe('tools/temporal');
    expect(command.args[0]).toBe('build');
    expect(command.args.slice(-3)).toEqual([
      '-o',
      '/tmp/bin/temporal',
      'github.com/temporalio/cli/cmd/temporal',
    ]);
  });

  it('installs a module at its pinned version into GOBIN when no in-repo module is given (bench: upstream)', () => {
    const inRepo = versions.goBuilds.temporal;
    if (!inRepo) throw new Error('tools/versions.json has no goBuilds.temporal');
    const { moduleDir: _inRepo, ...temporal } = inRepo;
    const command = goBuildCommand(temporal, 'temporal', '/tmp/bin');

    expect(command.cwd).toBeUndefined();
    expect(command.args[0]).toBe('install');
    expect(command.args.at(-1)).toBe(`github.com/temporalio/cli/cmd/temporal@${temporal.version}`);
    expect(command.env.GOBIN).toBe('/tmp/bin');
    expect(command.shown).toBe(
      `GOBIN=/tmp/bin CGO_ENABLED=0 go install ${goBuildFlags(temporal)
        .map((f) => (f.includes(' ') ? `'${f}'` : f))
        .join(' ')} github.com/temporalio/cli/cmd/temporal@${temporal.version}`,
    );
  });

  it('passes the same flags to every build, so a package two tools share compiles once', () => {
    const all = entries(versions.goBuilds);
    const compileFlags = new Set(
      all.map(([name, build]) =>
        goBuildCommand(build, name, '/out')
          // -o and -ldflags take a value; link flags do not change compiled packages.
          .args.filter((a, i, args) => a.startsWith('-') && !['-o', '-ldflags'].includes(args[i - 1] ?? ''))
          .filter((a) => a !== '-o' && a !== '-ldflags')
          .join(' '),
      ),
    );
    expect([...compileFlags]).toHaveLength(1);
  });
});
