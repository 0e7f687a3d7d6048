import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

// The official Temporal chart cannot be fetched here, so this checks our values file as far as is possible
// offline: strict YAML, our schema of the chart's documented keys, and the cross-field rules of the production
// profile. It does NOT render the real chart.
const VALUES = fileURLToPath(new URL('../../charts/temporal-server-values.yaml', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../charts/temporal-server-values.schema.json', import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: a values tree is arbitrary YAML; fields are asserted on below
type Tree = Record<string, any>;

function load(): Tree {
  const doc = parseDocument(readFileSync(VALUES, 'utf8'), { uniqueKeys: true, prettyErrors: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(doc.warnings.map((w) => w.message)).toEqual([]);
  return doc.toJS() as Tree;
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(SCHEMA, 'utf8')),
);

function errorsOf(values: Tree): string[] {
  return validate(values) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function keysDeep(node: unknown, path = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => keysDeep(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => [
    `${path}.${key}`,
    ...keysDeep(value, `${path}.${key}`),
  ]);
}

describe('charts/temporal-server-values.yaml (values for the official Temporal chart)', () => {
  it('is strict YAML and matches the schema of the keys it uses', () => {
    expect(errorsOf(load())).toEqual([]);
  });

  it('puts both stores on PostgreSQL over TLS, with the password only in a Secret', () => {
    const values = load();
    const stores = values.server.config.persistence.datastores;
    for (const name of ['default', 'visibility']) {
      expect(stores[name].sql.pluginName).toMatch(/^postgres12/);
      expect(stores[name].sql.tls.enabled).toBe(true);
      expect(stores[name].sql.existingSecret).toBeTruthy();
    }
    expect(stores.default.sql.databaseName).not.toBe(stores.visibility.sql.databaseName);
    expect(keysDeep(values).filter((key) => /\.password$/i.test(key))).toEqual([]);
  });

  it('mounts every certificate file the stores reference from a declared Secret volume', () => {
    const server = load().server;
    const volumes = new Set((server.additionalVolumes as Tree[]).map((v) => v.name));
    const mounts = server.additionalVolumeMounts as Tree[];
    for (const store of Object.values(server.config.persistence.datastores as Tree)) {
      for (const key of ['caFile', 'certFile', 'keyFile']) {
        const file = store.sql.tls[key] as string | undefined;
        if (file === undefined) continue;
        const mount = mounts.find((m) => file.startsWith(`${m.mountPath}/`));
        expect(mount, `${file} is under a volume mount`).toBeDefined();
        expect(volumes.has(mount!.name), `volume ${mount!.name} is declared`).toBe(true);
      }
    }
  });

  it('turns on TLS for internode and frontend (mTLS) and for the Web UI, and creates our namespaces', () => {
    const values = load();
    expect(values.server.tls.internode).toMatchObject({ enabled: true, requireClientAuth: true });
    expect(values.server.tls.frontend).toMatchObject({ enabled: true, requireClientAuth: true });
    expect(values.web.tls.serverName).toBe(values.server.tls.frontend.serverName);
    expect(values.server.config.namespaces.namespace.map((n: Tree) => n.name)).toEqual(['default', 'orders']);
  });

  it('the schema refuses the mistakes it exists to catch', () => {
    const mutate = (change: (v: Tree) => void): string[] => {
      const values = load();
      change(values);
      return errorsOf(values);
    };
    expect(
      mutate((v) => {
        v.server.config.persistence.datastores.default.sql.password = 'hunter2';
      }),
    ).toContainEqual(expect.stringMatching(/datastores\/default\/sql must NOT have additional properties/));
    expect(
      mutate((v) => {
        v.server.config.persistence.datastores.visibility.sql.pluginName = 'mysql8';
      }),
    ).toContainEqual(
      expect.stringMatching(/visibility\/sql\/pluginName must be equal to one of the allowed values/),
    );
    expect(
      mutate((v) => {
        v.server.tls.frontend.enabled = false;
      }),
    ).toContainEqual(expect.stringMatching(/\/server\/tls\/frontend\/enabled must be equal to constant/));
    expect(
      mutate((v) => {
        delete v.server.config.persistence.datastores.default.sql.tls;
      }),
    ).toContainEqual(expect.stringMatching(/datastores\/default\/sql must have required property 'tls'/));
    expect(
      mutate((v) => {
        v.server.config.persistance = {};
      }),
    ).toContainEqual(expect.stringMatching(/\/server\/config must NOT have additional properties/));
  });
});
