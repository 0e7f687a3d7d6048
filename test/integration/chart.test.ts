import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { tool } from '../../scripts/local-platform/tools.js';

const CHART = fileURLToPath(new URL('../../charts/order-worker', import.meta.url));
const DIGEST_V1 = `sha256:${'1'.repeat(64)}`;
const DIGEST_V2 = `sha256:${'2'.repeat(64)}`;
const KUBE = ['--kube-version', '1.37.2'];

// Rendered manifests are untyped YAML; tests read fields by path and assert on them.
// biome-ignore lint/suspicious/noExplicitAny: manifest trees are arbitrary YAML
type Manifest = Record<string, any>;

async function helm(args: string[]) {
  return execa(tool('helm'), args, { reject: false });
}

async function render(release: string, args: string[]): Promise<Manifest[]> {
  const result = await helm(['template', release, CHART, '--namespace', 'orders', ...KUBE, ...args]);
  expect(result.exitCode, result.stderr).toBe(0);
  const docs = parseAllDocuments(result.stdout);
  // Strict YAML: a duplicated key (e.g. two `app.kubernetes.io/component` labels) is an error, not a last-wins.
  expect(docs.flatMap((doc) => doc.errors.map((e) => e.message))).toEqual([]);
  return docs.map((doc) => doc.toJS() as Manifest | null).filter((doc): doc is Manifest => doc !== null);
}

function find(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind);
  expect(
    found.map((m) => m.kind),
    `exactly one ${kind}`,
  ).toEqual([kind]);
  return found[0]!;
}

function env(deployment: Manifest): Record<string, string> {
  const container = deployment.spec.template.spec.containers[0];
  return Object.fromEntries(
    (container.env as { name: string; value?: string }[]).map((e) => [e.name, e.value ?? '<from secret>']),
  );
}

/** The restricted Pod Security Standard, as the pod spec states it; /tmp is the only writable place. */
function expectRestricted(pod: Manifest): void {
  const container = pod.containers[0];
  expect(pod.securityContext).toMatchObject({
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(container.securityContext).toMatchObject({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
  });
  expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
}

const stableArgs = [
  '--set-string',
  `image.digest=${DIGEST_V1},worker.orderTaskQueue=order-task-queue-v1,worker.paymentTaskQueue=payment-task-queue-v1,worker.buildId=1.3.0`,
  '--set',
  'replicaCount=3',
];
const canaryArgs = [
  '--set-string',
  `track=canary,image.digest=${DIGEST_V2},worker.orderTaskQueue=order-task-queue-v2,worker.paymentTaskQueue=payment-task-queue-v2,worker.buildId=2.0.0`,
  '--set',
  'replicaCount=1',
];

describe('helm lint', () => {
  it('passes --strict with the defaults and with every optional object on', async () => {
    for (const extra of [
      [],
      [
        '--set',
        'autoscaling.enabled=true,monitoring.serviceMonitor.enabled=true,deployRbac.create=true,controller.enabled=true,starter.enabled=true,monitoring.dashboard.enabled=true,temporal.tls.enabled=true,temporal.tls.secretName=worker-tls,temporal.apiKey.secretName=temporal-cloud,worker.tracing.enabled=true',
        '--set-string',
        'worker.tracing.otlpEndpoint=http://otel-collector:4317,controller.image.tag=0.1.0',
      ],
    ]) {
      const result = await helm([
        'lint',
        CHART,
        '--strict',
        '--set-string',
        `image.digest=${DIGEST_V1}`,
        ...extra,
      ]);
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    }
  });
});

describe('helm template: one chart, a stable and a canary release', () => {
  it('renders the same object kinds under different names, selectors, queues, build ids and digests', async () => {
    const stable = await render('order-worker', stableArgs);
    const canary = await render('order-worker-canary', canaryArgs);

    const stableNames = new Set(stable.map((m) => `${m.kind}/${m.metadata.name}`));
    for (const m of canary)
      expect(stableNames.has(`${m.kind}/${m.metadata.name}`), m.metadata.name).toBe(false);
    // The routing ConfigMap belongs to the stable release only (both would fight over it).
    expect(stable.map((m) => m.kind).sort()).toEqual([...canary.map((m) => m.kind), 'ConfigMap'].sort());

    const sd = find(stable, 'Deployment');
    const cd = find(canary, 'Deployment');
    expect(sd.metadata.name).toBe('order-worker');
    expect(cd.metadata.name).toBe('order-worker-canary');
    expect(sd.spec.replicas).toBe(3);
    expect(cd.spec.replicas).toBe(1);
    expect(sd.spec.selector.matchLabels['temporal-rollout/track']).toBe('stable');
    expect(cd.spec.selector.matchLabels['temporal-rollout/track']).toBe('canary');
    expect(sd.spec.template.spec.containers[0].image).toBe(
      `registry.example.com/acme/order-worker@${DIGEST_V1}`,
    );
    expect(cd.spec.template.spec.containers[0].image).toBe(
      `registry.example.com/acme/order-worker@${DIGEST_V2}`,
    );
    expect(env(sd)).toMatchObject({
      ORDER_TASK_QUEUE: 'order-task-queue-v1',
      PAYMENT_TASK_QUEUE: 'payment-task-queue-v1',
      BUILD_ID: '1.3.0',
    });
    expect(env(cd)).toMatchObject({
      ORDER_TASK_QUEUE: 'order-task-queue-v2',
      PAYMENT_TASK_QUEUE: 'payment-task-queue-v2',
      BUILD_ID: '2.0.0',
    });
    // Selectors of one release never match the other's pods.
    const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    expect(matches(sd.spec.selector.matchLabels, cd.spec.template.metadata.labels)).toBe(false);
    expect(matches(cd.spec.selector.matchLabels, sd.spec.template.metadata.labels)).toBe(false);
    for (const kind of ['PodDisruptionBudget', 'PodMonitor']) {
      expect(find(canary, kind).spec.selector.matchLabels).toEqual(cd.spec.selector.matchLabels);
    }
    expect(find(canary, 'NetworkPolicy').spec.podSelector.matchLabels).toEqual(cd.spec.selector.matchLabels);

    // Each release alerts on its own queues.
    const exprs = (ms: Manifest[]) =>
      find(ms, 'PrometheusRule')
        .spec.groups.flatMap((g: Manifest) => g.rules)
        .map((r: Manifest) => r.expr as string);
    expect(exprs(stable).every((e: string) => /-v1\b/.test(e) && !/-v2\b/.test(e))).toBe(true);
    expect(exprs(canary).every((e: string) => /-v2\b/.test(e) && !/-v1\b/.test(e))).toBe(true);
  });

  it('under worker versioning the canary shares the queues and leaves alerting to stable', async () => {
    const versioned = [
      '--set',
      'worker.versioning.enabled=true',
      '--set-string',
      'worker.versioning.defaultBehavior=PINNED',
    ];
    const canary = await render('order-worker-canary', [
      '--set-string',
      `track=canary,image.digest=${DIGEST_V2},worker.buildId=2.0.0`,
      ...versioned,
    ]);
    expect(canary.some((m) => m.kind === 'PrometheusRule')).toBe(false);
    expect(env(find(canary, 'Deployment'))).toMatchObject({
      ORDER_TASK_QUEUE: 'order-task-queue',
      DEPLOYMENT_NAME: 'order-worker',
      BUILD_ID: '2.0.0',
      DEFAULT_VERSIONING_BEHAVIOR: 'PINNED',
    });
    const stable = await render('order-worker', [
      '--set-string',
      `image.digest=${DIGEST_V1},worker.buildId=1.3.0`,
      ...versioned,
    ]);
    expect(stable.some((m) => m.kind === 'PrometheusRule')).toBe(true);
    const noBuildId = await helm([
      'template',
      'order-worker',
      CHART,
      ...KUBE,
      '--set-string',
      `image.digest=${DIGEST_V1}`,
      ...versioned,
    ]);
    expect(noBuildId.exitCode).not.toBe(0);
    expect(noBuildId.stderr).toMatch(/worker.buildId is required when worker.versioning.enabled/);
  });

  it('under the task-queue strategy the workers are unversioned (no DEPLOYMENT_NAME), whatever the build id', async () => {
    const workerEnv = env(find(await render('order-worker', stableArgs), 'Deployment'));
    expect(workerEnv.BUILD_ID).toBe('1.3.0');
    expect(workerEnv.DEPLOYMENT_NAME).toBeUndefined();
    expect(workerEnv.DEFAULT_VERSIONING_BEHAVIOR).toBeUndefined();
  });

  it('the routing ConfigMap holds the starter routing file', async () => {
    const manifests = await render('order-worker', [
      ...stableArgs,
      '--set-json',
      'routing.routes=[{"taskQueue":"order-task-queue-v1","weight":90},{"taskQueue":"order-task-queue-v2","weight":10}]',
    ]);
    const cm = find(manifests, 'ConfigMap');
    expect(cm.metadata.name).toBe('order-worker-routing');
    expect(JSON.parse(cm.data['routes.json'])).toEqual({
      routes: [
        { taskQueue: 'order-task-queue-v1', weight: 90 },
        { taskQueue: 'order-task-queue-v2', weight: 10 },
      ],
    });
    const byDefault = find(await render('order-worker', stableArgs), 'ConfigMap');
    expect(JSON.parse(byDefault.data['routes.json'])).toEqual({
      routes: [{ taskQueue: 'order-task-queue-v1', weight: 100 }],
    });
  });

  it('the optional starter reads the routing ConfigMap as a live file, on the stable release only', async () => {
    const manifests = await render('order-worker', [...stableArgs, '--set', 'starter.enabled=true']);
    const starter = manifests.find(
      (m) => m.kind === 'Deployment' && m.metadata.name === 'order-worker-starter',
    )!;
    expect(starter).toBeDefined();
    const pod = starter.spec.template.spec;
    const container = pod.containers[0];
    expect(container.command).toEqual(['node', 'worker/dist/starter/server.js']);
    expect(env(starter)).toMatchObject({
      ROUTING_FILE: '/etc/order-routing/routes.json',
      ORDER_TASK_QUEUE: 'order-task-queue-v1',
      STARTER_PORT: '8081',
    });
    const mount = container.volumeMounts.find((m: Manifest) => m.name === 'routing');
    expect(mount).toEqual({ name: 'routing', mountPath: '/etc/order-routing', readOnly: true });
    expect(mount.subPath).toBeUndefined();
    expect(pod.volumes).toContainEqual({ name: 'routing', configMap: { name: 'order-worker-routing' } });
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    // The worker's selector does not pick up the starter's pods.
    const worker = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'order-worker')!;
    expect(starter.spec.template.metadata.labels['app.kubernetes.io/component']).toBe('starter');
    expect(worker.spec.selector.matchLabels['app.kubernetes.io/component']).toBe('worker');

    const canary = await render('order-worker-canary', [...canaryArgs, '--set', 'starter.enabled=true']);
    expect(canary.filter((m) => m.metadata.name.includes('starter'))).toEqual([]);
    const noRouting = await helm([
      'template',
      'order-worker',
      CHART,
      ...KUBE,
      ...stableArgs,
      '--set',
      'starter.enabled=true,routing.enabled=false',
    ]);
    expect(noRouting.exitCode).not.toBe(0);
    expect(noRouting.stderr).toMatch(/starter.enabled needs routing.enabled/);
  });

  it('the pod meets the restricted Pod Security Standard and outlives its longest activity', async () => {
    const d = find(await render('order-worker', stableArgs), 'Deployment');
    const pod = d.spec.template.spec;
    const container = pod.containers[0];
    expect(pod.automountServiceAccountToken).toBe(false);
    expectRestricted(pod);
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'health' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'health' });
    expect(container.lifecycle.preStop).toEqual({ sleep: { seconds: 5 } });
    expect(container.resources.limits).toBeDefined();
    // defaults: longest activity 60 s, shutdown grace 90 s, preStop 5 s, margin 15 s
    expect(env(d).SHUTDOWN_GRACE_MS).toBe('90000');
    expect(pod.terminationGracePeriodSeconds).toBe(110);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(60);

    const sa = find(await render('order-worker', stableArgs), 'ServiceAccount');
    expect(sa.automountServiceAccountToken).toBe(false);
  });

  it('mounts the TLS secret read-only and takes the API key from a Secret', async () => {
    const d = find(
      await render('order-worker', [
        ...stableArgs,
        '--set',
        'temporal.tls.enabled=true,temporal.tls.secretName=worker-tls,temporal.apiKey.secretName=temporal-cloud',
        '--set-string',
        'temporal.tls.serverName=temporal.example.com',
      ]),
      'Deployment',
    );
    const container = d.spec.template.spec.containers[0];
    expect(container.volumeMounts).toContainEqual({
      name: 'temporal-tls',
      mountPath: '/etc/temporal/tls',
      readOnly: true,
    });
    expect(d.spec.template.spec.volumes).toContainEqual({
      name: 'temporal-tls',
      secret: { secretName: 'worker-tls', defaultMode: 0o440 },
    });
    expect(env(d)).toMatchObject({
      TEMPORAL_TLS_CERT: '/etc/temporal/tls/tls.crt',
      TEMPORAL_TLS_KEY: '/etc/temporal/tls/tls.key',
      TEMPORAL_TLS_CA: '/etc/temporal/tls/ca.crt',
      TEMPORAL_TLS_SERVER_NAME: 'temporal.example.com',
    });
    const apiKey = container.env.find((e: Manifest) => e.name === 'TEMPORAL_API_KEY');
    expect(apiKey.valueFrom).toEqual({ secretKeyRef: { name: 'temporal-cloud', key: 'api-key' } });
  });

  it('the HPA scales on CPU and the task-queue backlog, and then the Deployment leaves replicas to it', async () => {
    const manifests = await render('order-worker', [...stableArgs, '--set', 'autoscaling.enabled=true']);
    const hpa = find(manifests, 'HorizontalPodAutoscaler');
    expect(hpa.spec.metrics.map((m: Manifest) => m.type)).toEqual(['Resource', 'External']);
    expect(hpa.spec.metrics[1].external.metric.selector.matchLabels).toEqual({
      taskqueue: 'order-task-queue-v1',
    });
    expect(find(manifests, 'Deployment').spec.replicas).toBeUndefined();
  });

  it('the network policy admits only metrics scrapes and lets out only DNS and the Temporal frontend', async () => {
    const np = find(await render('order-worker', stableArgs), 'NetworkPolicy');
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec.ingress).toHaveLength(1);
    expect(np.spec.ingress[0].ports).toEqual([{ port: 'metrics', protocol: 'TCP' }]);
    expect(np.spec.egress.map((rule: Manifest) => rule.ports.map((p: Manifest) => p.port))).toEqual([
      [53, 53],
      [7233],
    ]);
  });

  it('the deploy Role grants only what a Helm deploy of this chart needs', async () => {
    const only = await render('order-worker-deployer', ['--set', 'deployRbac.only=true']);
    expect(only.map((m) => m.kind)).toEqual(['ServiceAccount', 'Role', 'RoleBinding']);
    const role = find(only, 'Role');
    const granted = role.rules.flatMap((rule: Manifest) =>
      rule.resources.flatMap((r: string) => rule.verbs.map((v: string) => `${r}:${v}`)),
    );
    for (const grant of granted) expect(grant).not.toMatch(/\*/);
    const resources = role.rules.flatMap((rule: Manifest) => rule.resources);
    for (const forbidden of [
      'roles',
      'rolebindings',
      'pods/exec',
      'pods/log',
      'clusterroles',
      'namespaces',
    ]) {
      expect(resources).not.toContain(forbidden);
    }
    expect(granted).toContain('deployments:patch');
    // Helm's records are ConfigMaps by default: no access to any Secret (issue 16 item 18).
    expect(resources).not.toContain('secrets');
    expect(granted).toContain('configmaps:create');
    expect(granted).toContain('pods:watch');
    expect(granted).not.toContain('pods:delete');
    expect(find(only, 'RoleBinding').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'order-worker-deployer', namespace: 'orders' },
    ]);
    // Only a user who chooses Helm's secret driver grants the Role Secrets.
    const secretDriver = find(
      await render('order-worker-deployer', [
        '--set',
        'deployRbac.only=true',
        '--set-string',
        'deployRbac.helmDriver=secret',
      ]),
      'Role',
    );
    expect(secretDriver.rules.flatMap((rule: Manifest) => rule.resources)).toContain('secrets');
  });
});

describe('the rollout controller (controller.enabled)', () => {
  const controllerArgs = [
    '--set',
    'deployRbac.only=true,controller.enabled=true',
    '--set-string',
    `controller.image.digest=${DIGEST_V1}`,
  ];

  it('renders beside the deploy RBAC only, as the deploy ServiceAccount, under restricted', async () => {
    const manifests = await render('order-worker-deployer', controllerArgs);
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'NetworkPolicy/order-worker-deployer-rollout-controller',
      'ServiceAccount/order-worker-deployer',
      'ConfigMap/order-worker-deployer-rollout-controller-kubeconfig',
      'Role/order-worker-deployer',
      'RoleBinding/order-worker-deployer',
      'Deployment/order-worker-deployer-rollout-controller',
    ]);
    const d = find(manifests, 'Deployment');
    const pod = d.spec.template.spec;
    const container = pod.containers[0];
    expect(d.spec.replicas).toBe(1);
    expect(pod.serviceAccountName).toBe('order-worker-deployer');
    expect(pod.automountServiceAccountToken).toBe(true);
    expectRestricted(pod);
    // The image the release workflow publishes, run by its own entry point (controller/Containerfile).
    expect(container.image).toBe(`ghcr.io/temporal-rollout/temporal-rollout-controller@${DIGEST_V1}`);
    expect(container.command).toBeUndefined();
    expect(container.args).toEqual([
      'controller',
      '--deployer',
      'helm',
      '--config',
      '/workspace/rollout.yaml',
      '--task-queue',
      'temporal-rollout',
      '--namespace',
      'default',
      '--kubeconfig',
      '/etc/temporal-rollout/kube/config',
      '--helm-namespace',
      'orders',
      '--state-dir',
      '/tmp/rollout',
    ]);
    expect(env(d)).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal-frontend.temporal.svc.cluster.local:7233',
      KUBECONFIG: '/etc/temporal-rollout/kube/config',
      HELM_DRIVER: 'configmap',
      HOME: '/tmp',
    });
    expect(env(d).PROMETHEUS_TOKEN).toBeUndefined();
    // The controller's selector never matches worker pods (nor theirs it).
    expect(d.spec.selector.matchLabels['app.kubernetes.io/component']).toBe('rollout-controller');

    const kubeconfig = parse(find(manifests, 'ConfigMap').data.config);
    expect(kubeconfig.clusters[0].cluster).toEqual({
      server: 'https://kubernetes.default.svc',
      'certificate-authority': '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
    });
    expect(kubeconfig.users[0].user).toEqual({
      tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token',
    });
    expect(kubeconfig.contexts[0].context.namespace).toBe('orders');

    const np = find(manifests, 'NetworkPolicy');
    expect(np.spec.ingress).toEqual([]);
    expect(np.spec.egress.map((rule: Manifest) => rule.ports.map((p: Manifest) => p.port))).toEqual([
      [53, 53],
      [7233],
      [443, 6443],
      [9090],
    ]);
  });

  it('mounts rollout.yaml from controller.rolloutConfig at controller.config, restarting on a change', async () => {
    const text = 'app: order-worker\ndeployer: helm\nchart: charts/order-worker\n';
    const withConfig = (config: string) =>
      render('order-worker-deployer', [
        ...controllerArgs,
        '--set-string',
        `controller.rolloutConfig=${config}`,
      ]);
    const manifests = await withConfig(text);
    const configMap = manifests.find(
      (m) =>
        m.kind === 'ConfigMap' &&
        m.metadata.name === 'order-worker-deployer-rollout-controller-rollout-config',
    );
    expect(configMap?.data).toEqual({ 'rollout.yaml': text });
    const pod = find(manifests, 'Deployment').spec.template.spec;
    expect(pod.containers[0].volumeMounts).toContainEqual({
      name: 'rollout-config',
      mountPath: '/workspace/rollout.yaml',
      subPath: 'rollout.yaml',
      readOnly: true,
    });
    expect(pod.volumes).toContainEqual({
      name: 'rollout-config',
      configMap: { name: 'order-worker-deployer-rollout-controller-rollout-config' },
    });
    const checksum = (m: Manifest[]) =>
      find(m, 'Deployment').spec.template.metadata.annotations['checksum/rollout-config'];
    expect(checksum(await withConfig(`${text}# changed\n`))).not.toBe(checksum(manifests));
    // Without it, nothing is mounted over the image's /workspace.
    const plain = await render('order-worker-deployer', controllerArgs);
    expect(plain.map((m) => m.metadata.name)).not.toContain(
      'order-worker-deployer-rollout-controller-rollout-config',
    );
  });

  it('takes its namespace, task queue, Prometheus token and Helm driver from values', async () => {
    const d = find(
      await render('order-worker-deployer', [
        ...controllerArgs,
        '--set-string',
        'controller.namespace=orders,controller.taskQueue=rollouts-eu,controller.prometheus.url=http://prometheus:9090,controller.prometheus.tokenSecret.name=prom,deployRbac.helmDriver=secret,temporal.apiKey.secretName=temporal-cloud',
      ]),
      'Deployment',
    );
    const args: string[] = d.spec.template.spec.containers[0].args;
    expect(args[args.indexOf('--task-queue') + 1]).toBe('rollouts-eu');
    expect(args[args.indexOf('--namespace') + 1]).toBe('orders');
    expect(env(d)).toMatchObject({
      PROMETHEUS_URL: 'http://prometheus:9090',
      PROMETHEUS_TOKEN: '<from secret>',
      TEMPORAL_API_KEY: '<from secret>',
      HELM_DRIVER: 'secret',
    });
  });

  it('refuses to render inside a worker release, or with no image version, saying what to do', async () => {
    const inWorker = await helm([
      'template',
      'order-worker',
      CHART,
      ...KUBE,
      ...stableArgs,
      '--set',
      'controller.enabled=true',
      '--set-string',
      'controller.image.tag=0.1.0',
    ]);
    expect(inWorker.exitCode).not.toBe(0);
    expect(inWorker.stderr).toMatch(
      /controller.enabled needs deployRbac.create or deployRbac.only: .*never in the stable or canary release a rollout upgrades/,
    );
    const unversioned = await helm([
      'template',
      'order-worker-deployer',
      CHART,
      ...KUBE,
      '--set',
      'deployRbac.only=true,controller.enabled=true',
    ]);
    expect(unversioned.exitCode).not.toBe(0);
    expect(unversioned.stderr).toMatch(/set controller.image.digest \(sha256:…\) or controller.image.tag/);
  });
});

describe('values.schema.json', () => {
  it('accepts the chart defaults (checked with ajv, the same schema helm applies)', () => {
    const schema = JSON.parse(readFileSync(`${CHART}/values.schema.json`, 'utf8'));
    const values = parse(readFileSync(`${CHART}/values.yaml`, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses bad values before anything renders, naming the field', async () => {
    const cases: [string[], RegExp][] = [
      [['--set-string', 'image.digest=sha256:abc'], /\/image\/digest.*does not match pattern/],
      [['--set-string', 'track=blue'], /\/track.*'stable', 'canary'/],
      [
        ['--set', 'securityContext.readOnlyRootFilesystem=false'],
        /\/securityContext\/readOnlyRootFilesystem/,
      ],
      [['--set', 'podSecurityContext.runAsNonRoot=false'], /\/podSecurityContext\/runAsNonRoot/],
      [['--set', 'worker.faults.paymentRate=1.5'], /\/worker\/faults\/paymentRate/],
      [['--set-string', 'worker.orderTaskQueue=a b'], /\/worker\/orderTaskQueue/],
      [['--set', 'replicaCount=-1'], /\/replicaCount/],
      [['--set-json', 'routing.routes=[{"taskQueue":"q","weight":-5}]'], /\/routing\/routes\/0\/weight/],
      [['--set', 'workr.logLevel=info'], /additional properties 'workr' not allowed/],
      [['--set-string', 'controller.taskQueue=a b'], /\/controller\/taskQueue/],
      [['--set-string', 'controller.image.digest=latest'], /\/controller\/image\/digest/],
    ];
    for (const [args, message] of cases) {
      const result = await helm([
        'template',
        'order-worker',
        CHART,
        ...KUBE,
        '--set-string',
        `image.tag=1.0.0`,
        ...args,
      ]);
      expect(result.exitCode, args.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(/values don't meet the specifications of the schema/);
      expect(result.stderr).toMatch(message);
    }
  });

  it('refuses a shutdown grace that does not cover the longest activity, and an image with no version', async () => {
    const grace = await helm([
      'template',
      'order-worker',
      CHART,
      '--set-string',
      `image.digest=${DIGEST_V1}`,
      '--set',
      'worker.longestActivitySeconds=300,worker.shutdownGraceSeconds=120',
    ]);
    expect(grace.exitCode).not.toBe(0);
    expect(grace.stderr).toMatch(
      /worker.shutdownGraceSeconds \(120\) must be greater than worker.longestActivitySeconds \(300\)/,
    );
    const unversioned = await helm(['template', 'order-worker', CHART]);
    expect(unversioned.exitCode).not.toBe(0);
    expect(unversioned.stderr).toMatch(/set image.digest \(sha256:…\) or image.tag/);
  });
});
