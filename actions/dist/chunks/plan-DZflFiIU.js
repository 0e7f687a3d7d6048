import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { I as InputError } from './errors-Cq3sNBNk.js';
import { p as parseVersion, a as sameVersion } from './queues-BMU_gztj.js';
import { s as sameRelease } from './state-CvQhWG_v.js';

/** The weight of a ramp step, 1-based (`step 1` is the first weight). */ function weightOfStep(steps, step, subject = 'step') {
    const found = steps[step - 1];
    if (!Number.isInteger(step) || !found) {
        throw new InputError(subject, `there is no ramp step ${step}`, `pick 1..${steps.length} (strategy.steps)`);
    }
    return found.weight;
}
function checkWeight(weight, subject) {
    if (!Number.isFinite(weight) || weight < 1 || weight > 100) {
        throw new InputError(subject, `${weight} is not a percentage of new work`, 'pass a weight from 1 to 100');
    }
}
function planCanary(state, release, weight) {
    checkWeight(weight, 'weight');
    parseVersion(release.version, 'version');
    if (state.phase === 'promoting' || state.phase === 'rolling-back') {
        const verb = state.phase === 'promoting' ? 'promote' : 'rollback';
        throw new InputError('version', `a ${verb} of ${state.canary?.version} is still draining, so a new canary cannot start`, `re-run ${verb} to finish it first`);
    }
    const { stable, canary } = state;
    if (!stable) return {
        kind: 'install',
        release
    };
    if (!canary && sameVersion(stable.version, release.version)) {
        if (!sameRelease(stable, release)) {
            throw new InputError('version', `${release.version} is already stable with a different image or queue`, 'publish the change under a new version');
        }
        return {
            kind: 'noop',
            reason: `${release.version} is already the stable release`
        };
    }
    if (canary) {
        if (!sameVersion(canary.version, release.version)) {
            throw new InputError('version', `canary ${canary.version} is still running, so ${release.version} cannot start beside it`, `promote or roll back ${canary.version} first`);
        }
        if (!sameRelease(canary, release)) {
            throw new InputError('version', `canary ${canary.version} runs a different image or queue than requested`, 'roll the canary back and start it again, or publish a new version');
        }
        if (canary.weight === weight) {
            return {
                kind: 'noop',
                reason: `canary ${canary.version} already gets ${weight}% of new work`
            };
        }
        return {
            kind: 'reweight',
            release,
            from: canary.weight,
            weight
        };
    }
    return {
        kind: 'deploy',
        release,
        weight
    };
}
function planPromote(state, version) {
    const { canary, stable } = state;
    if (!canary) {
        if (version !== undefined && sameVersion(stable?.version, version)) {
            return {
                kind: 'noop',
                reason: `${version} is already stable: nothing left to promote`
            };
        }
        throw new InputError('version', version === undefined ? 'there is no canary to promote' : `there is no canary to promote (stable is ${stable?.version ?? 'nothing'}, not ${version})`, 'run the canary step first');
    }
    if (version !== undefined && !sameVersion(canary.version, version)) {
        throw new InputError('version', `the canary is ${canary.version}, not ${version}`, `promote ${canary.version}, or roll it back and start ${version}`);
    }
    if (state.phase === 'promoting' && state.promotion === 'restore') {
        throw new InputError('version', `a manual rollback to ${canary.version} is draining ${stable?.version ?? 'the old release'}`, `re-run rollback --to ${canary.version} to continue it`);
    }
    if (state.phase === 'rolling-back') {
        throw new InputError('version', `canary ${canary.version} is being rolled back`, 'finish the rollback (re-run it), then start a new canary');
    }
    const { weight: _weight, ...spec } = canary;
    return {
        kind: 'promote',
        canary: spec,
        stable,
        resume: state.phase === 'promoting'
    };
}
function planRollback(state, to) {
    const { canary, stable } = state;
    if (canary && state.phase === 'promoting' && state.promotion === 'restore') {
        if (to !== canary.version) {
            throw new InputError('to', `a manual rollback to ${canary.version} is waiting for ${stable?.version ?? 'the old release'} to drain${to === undefined ? '' : `, so ${to} cannot be restored now`}`, `re-run rollback --to ${canary.version} to continue it`);
        }
        if (!stable) throw new Error('unreachable: a restore always replaces a stable release');
        const { weight: _weight, ...target } = canary;
        return {
            kind: 'restore',
            target,
            current: stable,
            resume: true
        };
    }
    if (canary) {
        if (to !== undefined && !sameVersion(to, stable?.version)) {
            throw new InputError('to', `canary ${canary.version} is running; rolling back means returning to stable ${stable?.version}, not ${to}`, 'roll the canary back without a target first, then restore an older version');
        }
        if (state.phase === 'promoting') {
            throw new InputError('to', `canary ${canary.version} is being promoted and already takes all new work`, 'finish the promotion (re-run promote), then restore the earlier version by name');
        }
        const { weight: _weight, ...spec } = canary;
        return {
            kind: 'abort-canary',
            canary: spec,
            stable,
            resume: state.phase === 'rolling-back'
        };
    }
    if (to === undefined) return {
        kind: 'noop',
        reason: 'no canary is running: nothing to roll back'
    };
    if (!stable) {
        throw new InputError('to', `nothing is deployed yet, so ${to} cannot be restored`, 'run the canary step');
    }
    if (sameVersion(stable.version, to)) return {
        kind: 'noop',
        reason: `${to} is already the stable release`
    };
    const target = state.deployed.find((release)=>sameVersion(release.version, to));
    if (!target) {
        const known = state.deployed.map((release)=>release.version).join(', ') || 'none';
        throw new InputError('to', `${to} was never deployed here (deployed: ${known})`, 'pick a deployed version');
    }
    return {
        kind: 'restore',
        target,
        current: stable,
        resume: false
    };
}

export { planPromote as a, planRollback as b, planCanary as p, weightOfStep as w };
