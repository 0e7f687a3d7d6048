/**
 * What a GitHub Actions job says about the build through its environment (GITHUB_*). Read by the front ends
 * only (the action, and the CLI when it runs in a job), so the build step itself reads no environment.
 */
export interface CiBuildContext {
  /** GITHUB_SHA. */
  sha?: string;
  /** GITHUB_REF. */
  ref?: string;
  /** `GITHUB_SERVER_URL/GITHUB_REPOSITORY`: the image's `org.opencontainers.image.source`. */
  sourceUrl?: string;
  /** In a job with the Actions cache service: docker builds cache there (`type=gha`). */
  actionsCache: boolean;
}

export function ciBuildContext(env: NodeJS.ProcessEnv): CiBuildContext {
  return {
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    ...(env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
      ? { sourceUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` }
      : {}),
    actionsCache: env.GITHUB_ACTIONS === 'true' && Boolean(env.ACTIONS_RUNTIME_TOKEN),
  };
}
