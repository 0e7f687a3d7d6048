// The OCI image-spec's pre-defined annotation keys, set both as image config labels and as manifest
// annotations, so `skopeo inspect`, registries and scanners all see them.

export const OCI = {
  source: 'org.opencontainers.image.source',
  revision: 'org.opencontainers.image.revision',
  version: 'org.opencontainers.image.version',
  created: 'org.opencontainers.image.created',
  title: 'org.opencontainers.image.title',
  description: 'org.opencontainers.image.description',
  licenses: 'org.opencontainers.image.licenses',
} as const;

export interface OciMetadata {
  /** Repository URL, e.g. https://github.com/acme/orders. */
  source?: string;
  revision: string;
  version: string;
  /** Commit time in epoch seconds: `created` and SOURCE_DATE_EPOCH both come from it, never from the clock. */
  commitTime: number;
  title?: string;
  description?: string;
  /** SPDX expression. */
  licenses?: string;
}

/** RFC 3339 in UTC without fractions, as the image spec's `created` expects. */
export function rfc3339(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The labels in a fixed order; empty optional values are left out rather than written as "". */
export function ociLabels(meta: OciMetadata): Record<string, string> {
  const labels: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') labels[key] = value;
  };
  set(OCI.created, rfc3339(meta.commitTime));
  set(OCI.description, meta.description);
  set(OCI.licenses, meta.licenses);
  set(OCI.revision, meta.revision);
  set(OCI.source, meta.source);
  set(OCI.title, meta.title);
  set(OCI.version, meta.version);
  return labels;
}

/** `git@github.com:acme/orders.git` or `https://token@github.com/acme/orders.git` → `https://github.com/acme/orders`. */
export function sourceUrl(remote: string): string | undefined {
  const trimmed = remote.trim();
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(trimmed);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(trimmed);
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    // Credentials in a remote URL must never reach a label.
    return `https://${url.host}${url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '')}`;
  } catch {
    return undefined;
  }
}
