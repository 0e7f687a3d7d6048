import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { D as DEFAULTS } from './defaults-BsVYh3R2.js';

// The JSON Schema of rollout.yaml. `rollout.schema.json` at the repo root is this object, written out for
// editors (`# yaml-language-server: $schema=./rollout.schema.json`); a test keeps the two equal.
// The duration grammar (worker/src/duration.ts). A number passes the schema only so that the loader can say
// what to write instead: any bare number but 0 is refused there, with the fix.
const duration = {
    anyOf: [
        {
            type: 'string',
            pattern: '^\\s*(\\d+(\\.\\d+)?\\s*(ms|s|m|h|d)\\s*)+$'
        },
        {
            type: 'number',
            minimum: 0
        }
    ],
    description: 'A duration: one or more <number><unit> parts, units ms, s, m, h, d (500ms, 30s, 1m30s, 1.5h, 7d), or 0. A bare number other than 0 is refused: give it a unit.'
};
/** A task queue's base name, as `taskQueues.*.base` allows it (the replay's `task-queues` input too). */ const TASK_QUEUE_BASE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const queue = {
    type: 'object',
    additionalProperties: false,
    required: [
        'base'
    ],
    properties: {
        base: {
            type: 'string',
            pattern: TASK_QUEUE_BASE_PATTERN,
            description: 'The base queue name, without a version (the template adds it).'
        },
        template: {
            type: 'string',
            default: DEFAULTS.queueTemplate,
            pattern: '^([^{}]|\\{(base|major|minor|patch|version)\\})*\\{base\\}([^{}]|\\{(base|major|minor|patch|version)\\})*$',
            description: 'How a version maps to a queue. Placeholders: {base} (required), {major}, {minor}, {patch}, {version}.'
        }
    }
};
const rolloutSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/temporal-rollout/temporal-rollout/rollout.schema.json',
    title: 'temporal-rollout rollout.yaml',
    type: 'object',
    additionalProperties: false,
    required: [
        'app',
        'image',
        'taskQueues'
    ],
    properties: {
        app: {
            type: 'string',
            pattern: '^[a-z0-9]([-a-z0-9]{0,51}[a-z0-9])?$',
            description: 'The application name: Helm release base name and Worker Deployment name default.'
        },
        image: {
            type: 'string',
            pattern: '^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)+$|^[a-z0-9]+([._-][a-z0-9]+)*$',
            description: 'The image repository, without tag or digest (the build step adds them).'
        },
        chart: {
            type: 'string',
            default: DEFAULTS.chart,
            description: 'Path of the Helm chart.'
        },
        deployer: {
            enum: [
                'local',
                'helm'
            ],
            default: 'local',
            description: 'Where canary workers run.'
        },
        temporal: {
            type: 'object',
            additionalProperties: false,
            properties: {
                address: {
                    type: 'string',
                    description: 'host:port of the Temporal frontend.'
                },
                namespace: {
                    type: 'string',
                    default: DEFAULTS.namespace
                }
            }
        },
        taskQueues: {
            type: 'object',
            additionalProperties: false,
            required: [
                'order'
            ],
            properties: {
                order: queue,
                payment: queue
            }
        },
        strategy: {
            type: 'object',
            additionalProperties: false,
            properties: {
                type: {
                    enum: [
                        'task-queue',
                        'worker-versioning'
                    ],
                    default: 'task-queue'
                },
                deploymentName: {
                    type: 'string',
                    description: 'Worker Deployment name (worker-versioning); default: app.'
                },
                steps: {
                    type: 'array',
                    minItems: 1,
                    items: {
                        type: 'object',
                        additionalProperties: false,
                        required: [
                            'weight'
                        ],
                        properties: {
                            weight: {
                                type: 'integer',
                                minimum: 1,
                                maximum: 100,
                                description: 'Percent of new work on the canary.'
                            },
                            pause: duration
                        }
                    }
                },
                drain: {
                    type: 'object',
                    additionalProperties: false,
                    properties: {
                        policy: {
                            enum: [
                                'wait',
                                'reset',
                                'terminate'
                            ],
                            default: 'wait'
                        },
                        timeout: duration
                    }
                }
            }
        },
        helm: {
            type: 'object',
            additionalProperties: false,
            properties: {
                release: {
                    type: 'string',
                    description: 'Stable release name; the canary is <release>-canary. Default: app.'
                },
                namespace: {
                    type: 'string',
                    description: 'Kubernetes namespace.'
                },
                timeout: duration,
                valuesFiles: {
                    type: 'array',
                    items: {
                        type: 'string'
                    }
                },
                driver: {
                    enum: [
                        'configmap',
                        'secret'
                    ],
                    default: 'configmap',
                    description: "Helm's storage driver (HELM_DRIVER) for release records: configmap needs no access to Secrets; secret is Helm's default. Match the chart's deployRbac.helmDriver."
                },
                state: {
                    enum: [
                        'configmap',
                        'file'
                    ],
                    default: 'configmap',
                    description: 'Where the rollout state lives: a ConfigMap beside the releases (every workflow run sees it), or a file in state-dir.'
                },
                stateConfigMap: {
                    type: 'string',
                    description: 'The state ConfigMap. Default: <release>-rollout-state.'
                }
            }
        },
        analysis: {
            type: 'object',
            description: 'Analysis settings and checks; see the analysis reference.'
        },
        doctor: {
            type: 'object',
            additionalProperties: false,
            description: 'What `temporal-rollout doctor` expects of the environment.',
            properties: {
                historiesDir: {
                    type: 'string',
                    default: 'histories',
                    description: 'The stored histories and their manifest.'
                },
                historiesMaxAge: {
                    ...duration,
                    description: 'The newest captured history may be at most this old (default 720h, 30 days).'
                },
                workflowsPath: {
                    type: 'string',
                    description: 'The workflows module the stored histories are replayed against (and the patch audit reads).'
                },
                metricsMaxAge: {
                    ...duration,
                    description: "The stable release's newest SDK metric sample may be at most this old (default 2m)."
                },
                searchAttributes: {
                    type: 'object',
                    description: 'Search attributes the workflows set (name: type), besides those found in the stored histories.',
                    additionalProperties: {
                        enum: [
                            'Text',
                            'Keyword',
                            'Int',
                            'Double',
                            'Bool',
                            'Datetime',
                            'KeywordList'
                        ]
                    }
                },
                alerts: {
                    type: 'array',
                    items: {
                        type: 'string'
                    },
                    description: "The runbook alert names Prometheus must have loaded; default: every `alert:` in the chart's templates."
                }
            }
        }
    }
};

export { TASK_QUEUE_BASE_PATTERN as T, rolloutSchema as r };
