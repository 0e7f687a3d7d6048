import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as libExports } from './index-Die7_PD0.js';
import { r as rolloutWorkflowId, c as canary, p as promote, a as rollback } from './rollback-BLxVQd3C.js';
import { s as startOrAttachRelease, a as sendAction, b as sendRollback } from './client-CDdOk1z2.js';
import './index-minimal-Bp1UdQBh.js';
import './_commonjsHelpers-DR8IKnz7.js';
import 'process';
import 'tls';
import 'fs';
import 'os';
import 'net';
import 'events';
import 'stream';
import 'path';
import 'zlib';
import 'http2';
import 'http';
import 'url';
import 'dns';
import 'util';
import './index-BKk9e40y.js';
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import 'node:module';
import 'crypto';
import './errors-Cq3sNBNk.js';
import './plan-DZflFiIU.js';
import './queues-BMU_gztj.js';
import './state-CvQhWG_v.js';
import './drain-Cq-j2CB-.js';
import './routing-BHPDnfjE.js';
import 'node:crypto';
import './temporal-visibility-DuA1Yd36.js';
import './sleep-DCjOWjxt.js';
import './index-DA9XjHXy.js';

// The single-shot steps (canary, promote, rollback) when a rollout workflow may own the app: while
// `rollout/<app>` runs, the workflow is the only writer, so the request goes to it as an Update (an immediate
// yes, or a no with the reason); with none running, the step runs directly, as before.
/** Whether the app's rollout workflow is running now. */ async function rolloutIsOpen(client, app) {
    try {
        const description = await client.workflow.getHandle(rolloutWorkflowId(app)).describe();
        return description.status.name === 'RUNNING';
    } catch (err) {
        if (err instanceof libExports.WorkflowNotFoundError) return false;
        throw err;
    }
}
async function routeRollback(ctx, config, request) {
    if (await rolloutIsOpen(ctx.client, config.app)) {
        const answer = await sendRollback(ctx.client, {
            config,
            reason: request.reason ?? `manual rollback (${request.requestedBy})`,
            requestedBy: request.requestedBy,
            ...request.to ? {
                to: request.to
            } : {},
            ...request.drainPolicy ? {
                drainPolicy: request.drainPolicy
            } : {}
        });
        return {
            via: 'workflow',
            answer
        };
    }
    const result = await rollback(ctx, {
        ...request.to ? {
            to: request.to
        } : {},
        ...request.reason ? {
            reason: request.reason
        } : {}
    });
    return {
        via: 'step',
        result
    };
}
async function routePromote(ctx, config, request) {
    if (await rolloutIsOpen(ctx.client, config.app)) {
        const answer = await sendAction(ctx.client, config.app, 'promote-now', {
            requestedBy: request.requestedBy,
            reason: request.version ? `promote ${request.version} now` : 'promote now'
        });
        return {
            via: 'workflow',
            answer
        };
    }
    return {
        via: 'step',
        result: await promote(ctx, request.version ? {
            version: request.version
        } : {})
    };
}
/**
 * A canary while a rollout runs is a release of that version to the workflow: it places the canary at the
 * weights of rollout.yaml's steps (a given weight is not applied; the answer says so).
 */ async function routeCanary(ctx, config, request) {
    if (await rolloutIsOpen(ctx.client, config.app)) {
        const answer = await startOrAttachRelease(ctx.client, {
            config,
            version: request.version,
            image: request.image,
            requestedBy: request.requestedBy,
            ...request.env ? {
                env: request.env
            } : {},
            ...request.replayDeploy ? {
                replayDeploy: request.replayDeploy
            } : {}
        });
        return {
            via: 'workflow',
            answer: {
                ...answer,
                message: `${answer.message} (a rollout is running: it sets the weights from rollout.yaml's steps, not ${request.weight}%)`
            }
        };
    }
    const { requestedBy: _by, ...step } = request;
    return {
        via: 'step',
        result: await canary(ctx, step)
    };
}

export { rolloutIsOpen, routeCanary, routePromote, routeRollback };
