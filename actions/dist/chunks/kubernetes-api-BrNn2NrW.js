import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { E as ExternalError } from './errors-Cq3sNBNk.js';

/** The API server refused or failed a request; `status` is the HTTP status, `reason` the Status reason. */ class KubernetesApiError extends Error {
    constructor(status, /** `Conflict`, `AlreadyExists`, `Forbidden`, `NotFound`, `Unauthorized`, … (empty when the body had none). */ reason, message){
        super(message), this.status = status, this.reason = reason, this.name = 'KubernetesApiError';
    }
    /** 409: the object changed since it was read (resourceVersion), or someone created it first. */ get conflict() {
        return this.status === 409;
    }
}
/**
 * True for what a KubernetesApi rejects with when a call failed (the API server's refusal, or no answer); false
 * for the reason of a cancellation (KubernetesTarget.cancelSignal), which callers pass on as it is.
 */ function isKubernetesFailure(error) {
    return error instanceof KubernetesApiError || error instanceof ExternalError;
}
/** The API over @kubernetes/client-node, loaded (and the kubeconfig read) at the first call. */ function kubernetesApi(target) {
    let loaded;
    const api = ()=>{
        loaded ??= import('./kubernetes-client-CHiia_p2.js').then(({ clientNodeApi })=>clientNodeApi(target));
        return loaded;
    };
    return {
        namespace: target.namespace,
        readConfigMap: async (name)=>(await api()).readConfigMap(name),
        writeConfigMap: async (map)=>(await api()).writeConfigMap(map),
        listConfigMaps: async (selector)=>(await api()).listConfigMaps(selector),
        listEvents: async (selector)=>(await api()).listEvents(selector),
        reviewAccess: async (questions)=>(await api()).reviewAccess(questions),
        namespaceLabels: async (name)=>(await api()).namespaceLabels(name)
    };
}

export { KubernetesApiError as K, isKubernetesFailure as i, kubernetesApi as k };
