// Any OCI registry, through skopeo: what an image reference points at, and adding a tag to a pushed digest.
import { execa } from 'execa';
import { ExternalError } from '../core/errors.js';
import { childOptions } from './child-env.js';

export interface RegistryAccess {
  /** false for a plain-HTTP or self-signed registry. */
  tlsVerify: boolean;
  /** A containers-auth.json (`{"auths":{host:{auth}}}`); credentials never go on a command line. */
  authfile?: string;
  /** The skopeo binary; `skopeo` from PATH by default. */
  skopeo?: string;
}

export interface RemoteImage {
  /** The manifest digest, `sha256:…`. */
  digest: string;
  labels: Record<string, string>;
}

function accessArgs(access: RegistryAccess, prefix: '' | 'src-' | 'dest-' = ''): string[] {
  const args = [`--${prefix}tls-verify=${access.tlsVerify}`];
  if (access.authfile) args.push(`--${prefix}authfile`, access.authfile);
  return args;
}

// skopeo reports a missing repository or tag with the registry's own error code (distribution spec).
const NOT_FOUND = /manifest unknown|name unknown|not found|MANIFEST_UNKNOWN|NAME_UNKNOWN/i;

/** What `ref` (`host/repo:tag` or `host/repo@sha256:…`) points at, or undefined when it does not exist. */
export async function inspectImage(ref: string, access: RegistryAccess): Promise<RemoteImage | undefined> {
  const result = await execa(
    access.skopeo ?? 'skopeo',
    ['inspect', ...accessArgs(access), `docker://${ref}`],
    { reject: false, ...childOptions() },
  );
  if (result.exitCode !== 0) {
    if (NOT_FOUND.test(result.stderr)) return undefined;
    throw new ExternalError('registry', `skopeo inspect ${ref} failed: ${result.stderr.trim().slice(-800)}`);
  }
  const parsed = JSON.parse(result.stdout) as { Digest?: string; Labels?: Record<string, string> | null };
  if (!parsed.Digest) throw new ExternalError('registry', `skopeo inspect ${ref} returned no digest`);
  return { digest: parsed.Digest, labels: parsed.Labels ?? {} };
}

/** Points `repository:tag` at an already pushed `repository@digest`, keeping the digest byte for byte. */
export async function tagDigest(
  repository: string,
  digest: string,
  tag: string,
  access: RegistryAccess,
): Promise<void> {
  const result = await execa(
    access.skopeo ?? 'skopeo',
    [
      'copy',
      '--preserve-digests',
      ...accessArgs(access, 'src-'),
      ...accessArgs(access, 'dest-'),
      `docker://${repository}@${digest}`,
      `docker://${repository}:${tag}`,
    ],
    { reject: false, ...childOptions() },
  );
  if (result.exitCode !== 0) {
    throw new ExternalError(
      'registry',
      `tagging ${repository}@${digest} as ${tag} failed: ${result.stderr.trim().slice(-800)}`,
    );
  }
}

/** `registry.example.com/acme/app` → `registry.example.com`; a name without a host is on Docker Hub. */
export function registryHost(repository: string): string {
  const first = repository.split('/')[0] ?? '';
  return repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'docker.io';
}
