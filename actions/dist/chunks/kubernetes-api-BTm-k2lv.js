import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
/**
 * What the steps ask the Kubernetes API server directly (helm does the releases): ConfigMaps, events, access
 * reviews, namespaces. Small and injected, so the callers' error mapping is tested without a cluster; the real
 * one (`kubernetesApi`) is @kubernetes/client-node, loaded on first use so a step that stops on a bad input
 * never pays for it.
 */ /** Where and as whom the API is called: the same kubeconfig, context and namespace as helm. */ /** The API server refused or failed a request; `status` is the HTTP status, `reason` the Status reason. */ class KubernetesApiError extends Error {
    constructor(status, /** `Conflict`, `AlreadyExists`, `Forbidden`, `NotFound`, `Unauthorized`, … (empty when the body had none). */ reason, message){
        super(message), this.status = status, this.reason = reason, this.name = 'KubernetesApiError';
    }
    /** 409: the object changed since it was read (resourceVersion), or someone created it first. */ get conflict() {
        return this.status === 409;
    }
}
/** The API over @kubernetes/client-node, loaded (and the kubeconfig read) at the first call. */ function kubernetesApi(target) {
    let loaded;
    const api = ()=>{
        loaded ??= import('./kubernetes-client-BO1wnvB3.js').then(({ clientNodeApi })=>clientNodeApi(target));
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

export { KubernetesApiError as K, kubernetesApi as k };
