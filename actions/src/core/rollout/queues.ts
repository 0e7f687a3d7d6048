import semver from 'semver';
import { InputError } from '../errors.js';

/** A release version as the pipeline names it: a semver, with or without a leading `v` (`v1.4.0`). */
export function parseVersion(version: string, subject: string): semver.SemVer {
  const parsed = semver.parse(version.trim().replace(/^v/, ''));
  if (!parsed) {
    throw new InputError(subject, `"${version}" is not a semantic version`, 'pass a version like v1.4.0');
  }
  return parsed;
}

/**
 * The task queue a release polls, from a template such as `{base}-v{major}`. Placeholders: {base}, {major},
 * {minor}, {patch}, {version}.
 */
export function queueName(template: string, base: string, version: string, subject = 'version'): string {
  const v = parseVersion(version, subject);
  const name = template
    .replaceAll('{base}', base)
    .replaceAll('{major}', String(v.major))
    .replaceAll('{minor}', String(v.minor))
    .replaceAll('{patch}', String(v.patch))
    .replaceAll('{version}', v.version);
  const unknown = /\{[^}]*\}/.exec(name);
  if (unknown) {
    throw new InputError(
      `queue template "${template}"`,
      `has an unknown placeholder ${unknown[0]}`,
      'use {base}, {major}, {minor}, {patch} or {version}',
    );
  }
  return name;
}

/** The worker build id for a version: the semver without its `v` (`v1.4.0` → `1.4.0`). */
export function buildIdFor(version: string): string {
  return parseVersion(version, 'version').version;
}
