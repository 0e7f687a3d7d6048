// In what order the bootstrap downloads Go modules and compiles the Go tools. Plain JavaScript: the bootstrap runs
// before `npm ci`.

/**
 * @template {{ moduleDir: string, cpuSeconds: number }} B
 * @typedef {{ name: string, build: B }} PlannedCompile
 */

/**
 * The Go work for `builds` (name and entry of tools/versions.json goBuilds): compiles biggest first (`cpuSeconds`,
 * ties in the order given), so the downloads of the others run while the longest one compiles; one module download
 * per module folder (helm and kwok share one), in the order their first compile comes.
 * @template {{ moduleDir: string, cpuSeconds: number }} B
 * @param {[string, B][]} builds
 * @returns {{ compiles: PlannedCompile<B>[], downloads: { moduleDir: string, tools: string[] }[] }}
 */
export function goBuildPlan(builds) {
  const compiles = builds
    .map(([name, build]) => ({ name, build }))
    .sort((a, b) => b.build.cpuSeconds - a.build.cpuSeconds);
  /** @type {Map<string, string[]>} */
  const downloads = new Map();
  for (const { name, build } of compiles) {
    downloads.set(build.moduleDir, [...(downloads.get(build.moduleDir) ?? []), name]);
  }
  return { compiles, downloads: [...downloads].map(([moduleDir, tools]) => ({ moduleDir, tools })) };
}

/**
 * The compile to start now: the first of `pending` (in plan order) whose module folder is among `downloaded`;
 * undefined when every pending compile still waits for its modules. So the compiles run back to back as long as
 * some modules are in, and the biggest goes first once its own are.
 * @template {{ moduleDir: string, cpuSeconds: number }} B
 * @param {PlannedCompile<B>[]} pending @param {ReadonlySet<string>} downloaded
 */
export function nextCompile(pending, downloaded) {
  return pending.find(({ build }) => downloaded.has(build.moduleDir));
}
