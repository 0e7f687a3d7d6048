import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { r as requireProtojson, l as libExports } from './index-Die7_PD0.js';
import { r as requireProtos, a as requirePatchProtobufRoot } from './index-BKk9e40y.js';
import { E as ExternalError } from './errors-Cq3sNBNk.js';
export { A as AesGcmCodec, h as decodeHistory, e as encodeHistory, i as isEncrypted, b as parseCodecKey } from './history-codec-JxvfVN6M.js';
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
import './_node_async_hooks_commonjs-external-PLFQo7C6.js';
import 'node:module';
import 'crypto';
import 'node:crypto';

var protoUtils = {};

var hasRequiredProtoUtils;

function requireProtoUtils () {
	if (hasRequiredProtoUtils) return protoUtils;
	hasRequiredProtoUtils = 1;
	var __createBinding = (protoUtils && protoUtils.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (protoUtils && protoUtils.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (protoUtils && protoUtils.__importStar) || function (mod) {
	    if (mod && mod.__esModule) return mod;
	    var result = {};
	    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
	    __setModuleDefault(result, mod);
	    return result;
	};
	Object.defineProperty(protoUtils, "__esModule", { value: true });
	protoUtils.historyFromJSON = historyFromJSON;
	protoUtils.historyToJSON = historyToJSON;
	protoUtils.payloadToJSON = payloadToJSON;
	protoUtils.JSONToPayload = JSONToPayload;
	const protojson_1 = requireProtojson();
	const proto = __importStar(requireProtos());
	const patch_protobuf_root_1 = requirePatchProtobufRoot();
	// Tolerate fields we don't know about, e.g. history produced by a newer server or SDK. protobufjs
	// rejects them by default, whereas the proto3-json-serializer this replaced always ignored them.
	const PARSE_OPTIONS = { ignoreUnknownFields: true };
	// Cast to any because the generated proto module types are missing the lookupType method
	const patched = (0, patch_protobuf_root_1.patchProtobufRoot)(proto);
	const historyType = patched.lookupType('temporal.api.history.v1.History');
	const payloadType = patched.lookupType('temporal.api.common.v1.Payload');
	/**
	 * Convert a proto JSON representation of History to a valid History object
	 */
	function historyFromJSON(history) {
	    function pascalCaseToConstantCase(s) {
	        return s.replace(/[^\b][A-Z]/g, (m) => `${m[0]}_${m[1]}`).toUpperCase();
	    }
	    function fixEnumValue(obj, attr, prefix) {
	        return (obj[attr] && {
	            [attr]: obj[attr].startsWith(prefix) ? obj[attr] : `${prefix}_${pascalCaseToConstantCase(obj[attr])}`,
	        });
	    }
	    function fixHistoryEvent(e) {
	        const type = Object.keys(e).find((k) => k.endsWith('EventAttributes'));
	        if (!type) {
	            throw new TypeError(`Missing attributes in history event: ${JSON.stringify(e)}`);
	        }
	        return {
	            ...e,
	            ...fixEnumValue(e, 'eventType', 'EVENT_TYPE'),
	            [type]: {
	                ...e[type],
	                ...(e[type].taskQueue && {
	                    taskQueue: { ...e[type].taskQueue, ...fixEnumValue(e[type].taskQueue, 'kind', 'TASK_QUEUE_KIND') },
	                }),
	                ...fixEnumValue(e[type], 'parentClosePolicy', 'PARENT_CLOSE_POLICY'),
	                ...fixEnumValue(e[type], 'workflowIdReusePolicy', 'WORKFLOW_ID_REUSE_POLICY'),
	                ...fixEnumValue(e[type], 'initiator', 'CONTINUE_AS_NEW_INITIATOR'),
	                ...fixEnumValue(e[type], 'retryState', 'RETRY_STATE'),
	                ...(e[type].childWorkflowExecutionFailureInfo && {
	                    childWorkflowExecutionFailureInfo: {
	                        ...e[type].childWorkflowExecutionFailureInfo,
	                        ...fixEnumValue(e[type].childWorkflowExecutionFailureInfo, 'retryState', 'RETRY_STATE'),
	                    },
	                }),
	            },
	        };
	    }
	    function fixHistory(h) {
	        return {
	            events: h.events.map(fixHistoryEvent),
	        };
	    }
	    if (typeof history !== 'object' || history == null || !Array.isArray(history.events)) {
	        throw new TypeError('Invalid history, expected an object with an array of events');
	    }
	    const loaded = (0, protojson_1.fromJson)(historyType, fixHistory(history), PARSE_OPTIONS);
	    if (loaded === null) {
	        throw new TypeError('Invalid history');
	    }
	    return loaded;
	}
	/**
	 * Convert an History object, e.g. as returned by `WorkflowClient.list().withHistory()`, to a JSON
	 * string that adheres to the same norm as JSON history files produced by other Temporal tools.
	 */
	function historyToJSON(history) {
	    const protoJson = (0, protojson_1.toJson)(historyType, proto.temporal.api.history.v1.History.fromObject(history));
	    return JSON.stringify(protoJson, null, 2);
	}
	/**
	 * Convert from protobuf payload to JSON
	 */
	function payloadToJSON(payload) {
	    return (0, protojson_1.toJson)(payloadType, patched.temporal.api.common.v1.Payload.create(payload));
	}
	/**
	 * Convert from JSON to protobuf payload
	 */
	function JSONToPayload(json) {
	    const loaded = (0, protojson_1.fromJson)(payloadType, json, PARSE_OPTIONS);
	    if (loaded === null) {
	        throw new TypeError('Invalid payload');
	    }
	    return loaded;
	}
	
	return protoUtils;
}

var protoUtilsExports = requireProtoUtils();

async function connectLive(source) {
    const options = {
        address: source.address,
        ...source.connectTimeoutMs ? {
            connectTimeout: source.connectTimeoutMs
        } : {}
    };
    if (source.tls) {
        const { cert, key, ca, serverName } = source.tls;
        options.tls = {
            ...cert && key ? {
                clientCertPair: {
                    crt: Buffer.from(cert),
                    key: Buffer.from(key)
                }
            } : {},
            ...ca ? {
                serverRootCACertificate: Buffer.from(ca)
            } : {},
            ...serverName ? {
                serverNameOverride: serverName
            } : {}
        };
    }
    if (source.apiKey) {
        options.apiKey = source.apiKey;
        options.tls ??= {};
    }
    let connection;
    try {
        connection = await libExports.Connection.connect(options);
    } catch (err) {
        throw new ExternalError('Temporal', `could not connect to ${source.address}: ${err.message}`, {
            cause: err
        });
    }
    return {
        client: new libExports.Client({
            connection,
            namespace: source.namespace
        }),
        close: ()=>connection.close()
    };
}
/**
 * Runs matching a visibility query, newest first, at most `limit`, each with its history in proto3-JSON form
 * (`historyToJSON`, never a JSON.stringify of the protobuf objects: their Long ids would not survive).
 */ async function fetchRuns(client, query, limit) {
    const runs = [];
    try {
        for await (const info of client.workflow.list({
            query,
            pageSize: Math.min(limit, 1000)
        })){
            if (runs.length >= limit) break;
            const handle = client.workflow.getHandle(info.workflowId, info.runId);
            const history = JSON.parse(protoUtilsExports.historyToJSON(await handle.fetchHistory()));
            runs.push({
                workflowId: info.workflowId,
                runId: info.runId,
                workflowType: info.type,
                taskQueue: info.taskQueue ?? '',
                status: info.status.name.toLowerCase(),
                history
            });
        }
    } catch (err) {
        throw new ExternalError('Temporal', `listing "${query}" failed: ${err.message}`, {
            cause: err
        });
    }
    return runs;
}

export { connectLive, fetchRuns };
