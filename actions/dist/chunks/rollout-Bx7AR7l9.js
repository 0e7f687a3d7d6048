import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { loadRolloutConfig } from './rollout-file-CfWIW6kC.js';
import { D as DEFAULTS } from './defaults-BsVYh3R2.js';
import { p as parseDuration } from './duration-C-1UD4yS.js';
import { I as InputError } from './errors-Cq3sNBNk.js';
import { t as textOf, j as parseKeyValues, l as listOf, i as integerOf, m as durationOf, g as parseChoice } from './table-BWLE4AEh.js';
import { w as weightOfStep } from './plan-DZflFiIU.js';
import { existsSync } from 'node:fs';
import { c as checkWritableDirectory } from './state-dir-Cs_87Ymx.js';
import { R as REPLAY_DEPLOY_OPTION, r as replayDeployOf } from './replay-deploy-CL7Vuhcl.js';

// What the action's inputs, the CLI's flags and the demo may change of rollout.yaml for one run, applied in one
// place and without touching the config that was read.
/** `config` with every override that is set; the config given is left as it was. */ function applyOverrides(config, overrides) {
    const { deployer, strategy, temporalAddress, namespace, drainPolicy, drainTimeoutMs } = overrides;
    return {
        ...config,
        ...deployer ? {
            deployer
        } : {},
        temporal: {
            ...config.temporal,
            ...temporalAddress ? {
                address: temporalAddress
            } : {},
            ...namespace ? {
                namespace
            } : {}
        },
        strategy: {
            ...config.strategy,
            ...strategy ? {
                type: strategy
            } : {},
            drain: {
                ...config.strategy.drain,
                ...drainPolicy ? {
                    policy: drainPolicy
                } : {},
                ...drainTimeoutMs !== undefined ? {
                    timeoutMs: drainTimeoutMs
                } : {}
            }
        }
    };
}

// What a rollout step can check about its options before it loads the Temporal client, connects or writes:
// the deployer's needs and the state directory. Errors name the fields `kubeconfig` and `state-dir`; each front
// end says them as its own input or flag.
async function checkRolloutOptions(options) {
    const kind = options.config.deployer;
    if (kind === 'helm') {
        if (!options.helm) throw new InputError('kubeconfig', 'is required by the helm deployer', 'pass the kubeconfig file');
        if (!existsSync(options.helm.kubeconfig)) {
            throw new InputError('kubeconfig', `${options.helm.kubeconfig} does not exist`, 'pass the kubeconfig file');
        }
    }
    // The helm deployer with state in a ConfigMap writes nothing locally.
    if (kind !== 'helm' || options.config.helm.state !== 'configmap') {
        await checkWritableDirectory(options.stateDir ?? DEFAULTS.stateDir, 'state-dir');
    }
}

// The options every rollout command shares (canary, promote, rollback, release, and the CLI's controller,
// status and send), and what they become: rollout.yaml with the overrides applied, and the options a rollout
// step opens with. Both front ends go through `rolloutSetup`; only how they read values and name options differs.
const OVERRIDES = 'overrides rollout.yaml';
const ROLLOUT_OPTIONS = [
    {
        field: 'config',
        description: 'Path of rollout.yaml.',
        arg: 'FILE',
        help: 'rollout.yaml (default ./rollout.yaml)',
        default: DEFAULTS.configFile
    },
    {
        field: 'strategy',
        description: `task-queue | worker-versioning; ${OVERRIDES}.`,
        arg: 'task-queue|worker-versioning',
        help: `${OVERRIDES} strategy.type`
    },
    {
        field: 'deployer',
        description: `local | helm; ${OVERRIDES}.`,
        arg: 'local|helm',
        help: `${OVERRIDES} \`deployer\``
    },
    {
        field: 'temporal-address',
        description: 'host:port of the Temporal frontend (drain counts, gate workflows, versioning).',
        arg: 'H:P',
        help: 'default rollout.yaml temporal.address, then $TEMPORAL_ADDRESS'
    },
    {
        field: 'temporal-api-key',
        description: 'API key (masked).',
        secret: true,
        flag: false
    },
    {
        field: 'namespace',
        description: `Temporal namespace; ${OVERRIDES}.`,
        arg: 'NS',
        help: 'default rollout.yaml temporal.namespace'
    },
    {
        field: 'drain-policy',
        description: 'wait | reset | terminate: what happens to open runs on the version being left.',
        arg: 'wait|reset|terminate',
        help: `${OVERRIDES} strategy.drain.policy`
    },
    {
        field: 'drain-timeout',
        description: 'How long to wait for open runs before reporting waiting (e.g. 30m).',
        arg: '30m',
        help: `${OVERRIDES} strategy.drain.timeout`
    },
    {
        field: 'versioning-behavior',
        description: 'PINNED | AUTO_UPGRADE default for workflows that declare none (worker-versioning).',
        arg: 'PINNED|AUTO_UPGRADE',
        help: 'default for workflows that declare none'
    },
    {
        field: 'replicas',
        description: "Workers per track. Unset: Helm uses the chart's replicaCount (your values files), the local deployer 1.",
        arg: 'N',
        help: "workers per release (default: helm, the chart's replicaCount; local, 1)"
    },
    {
        field: 'worker-entry',
        input: false,
        arg: 'FILE',
        help: 'local worker entry point (default worker/dist/main.js)'
    },
    {
        field: 'worker-env',
        kind: 'list',
        description: "Extra non-secret KEY=VALUE env for the workers, one per line (under Helm: the chart's worker.releaseEnv).",
        arg: 'K=V',
        help: 'extra env for the workers (repeatable; not for secrets; Helm: worker.releaseEnv)'
    },
    {
        field: 'state-dir',
        description: 'Where the rollout state is kept between steps: the local deployer, and Helm with helm.state: file.',
        arg: 'DIR',
        help: `local state, pid files, logs, routing file (default ${DEFAULTS.stateDir})`,
        default: DEFAULTS.stateDir
    },
    {
        field: 'kubeconfig',
        description: 'Path of a kubeconfig file (helm deployer).',
        arg: 'FILE'
    },
    {
        field: 'kube-context',
        description: 'kubeconfig context.',
        arg: 'C'
    },
    {
        field: 'helm',
        description: 'helm binary.',
        arg: 'BIN',
        default: DEFAULTS.helm
    },
    {
        field: 'helm-namespace',
        description: 'Kubernetes namespace of the releases.',
        arg: 'NS'
    },
    {
        field: 'json',
        kind: 'switch',
        input: false,
        help: 'print the typed result as JSON'
    },
    {
        field: 'help',
        kind: 'switch',
        input: false,
        short: 'h'
    }
];
/** After the shared options in --help. */ const ROLLOUT_HELP_FOOTER = `  Secrets come from the environment only: TEMPORAL_API_KEY.
  Exit codes: 0 done or nothing to do, 3 still draining (re-run to continue), 1 error, 2 bad usage or input.`;
function choice(values, field, allowed) {
    const text = textOf(values, field);
    return text === undefined ? undefined : parseChoice(text, field, allowed);
}
/** The overrides of rollout.yaml the shared options carry. */ function overridesOf(values) {
    const strategy = choice(values, 'strategy', [
        'task-queue',
        'worker-versioning'
    ]);
    const deployer = choice(values, 'deployer', [
        'local',
        'helm'
    ]);
    const drainPolicy = choice(values, 'drain-policy', [
        'wait',
        'reset',
        'terminate'
    ]);
    const drainTimeoutMs = durationOf(values, 'drain-timeout');
    const temporalAddress = textOf(values, 'temporal-address');
    const namespace = textOf(values, 'namespace');
    return {
        ...strategy ? {
            strategy
        } : {},
        ...deployer ? {
            deployer
        } : {},
        ...drainPolicy ? {
            drainPolicy
        } : {},
        ...drainTimeoutMs !== undefined ? {
            drainTimeoutMs
        } : {},
        ...temporalAddress ? {
            temporalAddress
        } : {},
        ...namespace ? {
            namespace
        } : {}
    };
}
/**
 * rollout.yaml with the overrides applied and the options a rollout step opens with, every one checked (state
 * directory and kubeconfig included) before anything loads the Temporal client or connects.
 */ async function rolloutSetup(values, frontEnd) {
    const read = await loadRolloutConfig(textOf(values, 'config') ?? DEFAULTS.configFile);
    const overrides = overridesOf(values);
    const workerEnv = parseKeyValues(listOf(values, 'worker-env'), 'worker-env');
    const behavior = choice(values, 'versioning-behavior', [
        'PINNED',
        'AUTO_UPGRADE'
    ]);
    const replicas = integerOf(values, 'replicas', {
        min: 1
    });
    const kubeconfig = textOf(values, 'kubeconfig');
    const kubeContext = textOf(values, 'kube-context');
    const helmNamespace = textOf(values, 'helm-namespace');
    const stateDir = textOf(values, 'state-dir');
    const workerEntry = textOf(values, 'worker-entry');
    const options = {
        config: applyOverrides(read, overrides),
        ...stateDir ? {
            stateDir
        } : {},
        ...frontEnd.apiKey ? {
            apiKey: frontEnd.apiKey
        } : {},
        ...replicas !== undefined ? {
            replicas
        } : {},
        ...workerEntry ? {
            workerEntry
        } : {},
        ...Object.keys(workerEnv).length > 0 ? {
            workerEnv
        } : {},
        ...behavior ? {
            versioningBehavior: behavior
        } : {},
        ...kubeconfig ? {
            helm: {
                binary: textOf(values, 'helm') ?? DEFAULTS.helm,
                kubeconfig,
                ...helmNamespace ? {
                    namespace: helmNamespace
                } : {},
                ...kubeContext ? {
                    kubeContext
                } : {}
            }
        } : {},
        log: frontEnd.log
    };
    await checkRolloutOptions(options);
    return {
        options,
        overrides
    };
}
const CANARY_OPTIONS = [
    {
        field: 'version',
        description: "Release version (the build step's version output).",
        arg: 'V',
        help: 'the release (semver, e.g. v1.4.0)'
    },
    {
        field: 'image',
        description: "Image to deploy (the build step's image-ref); default rollout.yaml's image.",
        arg: 'REF',
        help: 'repo@sha256:… (helm); locally a label or file:<worker entry> (default: rollout.yaml image)'
    },
    {
        field: 'weight',
        description: 'Percent of new work for the canary (1..100); or use ramp-step.',
        arg: 'N',
        help: 'percent of new work for the canary, 1..100'
    },
    {
        field: 'ramp-step',
        flag: 'step',
        description: 'Ramp step of rollout.yaml (1-based); used when weight is empty.',
        arg: 'N',
        help: 'or the weight of ramp step N from rollout.yaml (default: step 1)'
    },
    {
        field: 'gate-workflow',
        description: 'Workflow type started on the canary before it takes any traffic; it must complete.',
        arg: 'TYPE',
        help: 'start gate workflows of TYPE on the canary first; all must complete'
    },
    {
        field: 'gate-args',
        description: "JSON array of the gate workflow's arguments.",
        arg: 'JSON',
        help: 'their arguments, a JSON array (default [])',
        default: '[]'
    },
    {
        field: 'gate-count',
        description: 'How many gate workflows.',
        arg: 'N',
        help: `how many (default ${DEFAULTS.gateCount})`,
        default: String(DEFAULTS.gateCount)
    },
    {
        field: 'gate-timeout',
        description: 'How long the gate workflows may take.',
        arg: '2m',
        help: `how long they may take (default ${DEFAULTS.gateTimeout})`,
        default: DEFAULTS.gateTimeout
    },
    REPLAY_DEPLOY_OPTION
];
/** The gate workflows the canary starts first; undefined without gate-workflow. */ function gateOf(values) {
    const workflowType = textOf(values, 'gate-workflow');
    if (!workflowType) return undefined;
    let args;
    try {
        args = JSON.parse(textOf(values, 'gate-args') ?? '[]');
    } catch (err) {
        throw new InputError('gate-args', `is not JSON (${err.message})`, 'pass a JSON array');
    }
    if (!Array.isArray(args)) throw new InputError('gate-args', 'is not a JSON array', 'pass e.g. [{"orderId":"gate-1"}]');
    return {
        workflowType,
        args,
        count: integerOf(values, 'gate-count', {
            min: 1
        }) ?? DEFAULTS.gateCount,
        timeoutMs: durationOf(values, 'gate-timeout') ?? parseDuration(DEFAULTS.gateTimeout, 'gate-timeout')
    };
}
/** What the canary inputs or flags ask of the canary step (routeCanary), every one checked. */ function canaryRequestOf(values, version, config, requestedBy) {
    const gate = gateOf(values);
    const replayDeploy = replayDeployOf(values, 'replay-deploy');
    return {
        version,
        image: textOf(values, 'image') ?? config.image,
        weight: canaryWeightOf(values, config.strategy.steps),
        requestedBy,
        ...gate ? {
            gate
        } : {},
        ...replayDeploy ? {
            replayDeploy
        } : {}
    };
}
/** The canary's weight: `weight`, or the weight of rollout.yaml's `ramp-step` (default step 1). */ function canaryWeightOf(values, steps) {
    if (textOf(values, 'weight') !== undefined && textOf(values, 'ramp-step') !== undefined) {
        throw new InputError('weight', 'and ⟨ramp-step⟩ are both set', 'set one of them');
    }
    const weight = integerOf(values, 'weight', {
        min: 1,
        max: 100
    });
    if (weight !== undefined) return weight;
    return weightOfStep(steps, integerOf(values, 'ramp-step', {
        min: 1
    }) ?? 1, 'ramp-step');
}

export { CANARY_OPTIONS as C, ROLLOUT_OPTIONS as R, ROLLOUT_HELP_FOOTER as a, applyOverrides as b, canaryRequestOf as c, overridesOf as o, rolloutSetup as r };
