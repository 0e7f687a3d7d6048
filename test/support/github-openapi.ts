// GitHub's published REST description (npm @octokit/openapi, api.github.com) as a checker for FakeGitHub: every
// request is matched to a documented operation and its parameters and body are validated against it, and every
// response the fake sends is completed to, and validated against, the documented response schema. So the fake
// cannot drift from the real API: an undocumented route, a missing required field or a wrong type is a violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { escapeRegExp } from '../../actions/src/core/escape-regexp.js';

/** The parts of an OpenAPI 3.0 schema object this checker reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  format?: string;
}

interface Parameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface MediaTypes {
  content?: Record<string, { schema?: SchemaObject }>;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: MediaTypes & { required?: boolean };
  responses: Record<string, MediaTypes & { $ref?: string }>;
}

interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: {
    parameters: Record<string, Parameter>;
    responses: Record<string, MediaTypes>;
    schemas: Record<string, SchemaObject>;
  };
}

export interface MatchedOperation {
  operationId: string;
  template: string;
  method: string;
  pathParams: Record<string, string>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
  operation: Operation;
}

const DOCUMENT_ID = 'api.github.com.json';

/** JSON pointer (RFC 6901) of a path under the description, usable in a `$ref` fragment. */
function pointer(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

export class GitHubRestDescription {
  private readonly routes: Route[] = [];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly description: Description) {
    // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; formats and vendor keywords are not checked.
    this.ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    this.ajv.addSchema(description as object, DOCUMENT_ID);
    for (const [template, methods] of Object.entries(description.paths)) {
      const names: string[] = [];
      const segments = template.split('/').filter(Boolean);
      const source = segments
        .map((segment, i) => {
          const param = /^\{(.+)\}$/.exec(segment);
          if (!param?.[1]) return escapeRegExp(segment);
          names.push(param[1]);
          // A git ref (`heads/feature/x`) is the one documented parameter that holds slashes.
          return i === segments.length - 1 && param[1] === 'ref' ? '(.+)' : '([^/]+)';
        })
        .join('/');
      const literalSegments = segments.filter((s) => !s.startsWith('{')).length;
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
        const route = {
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^/${source}$`),
          names,
          literalSegments,
          operation,
        };
        this.routes.push(route);
      }
    }
    // The most literal template wins: /repos/{o}/{r}/git/trees beats /repos/{o}/{r}/git/{anything}.
    this.routes.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** The documented operation for a request line, or undefined when GitHub has no such route. */
  match(method: string, path: string): MatchedOperation | undefined {
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const pathParams = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]),
      );
      return { operationId: route.operation.operationId, template: route.template, method, pathParams };
    }
    return undefined;
  }

  /** What is wrong with a request against its documented operation (empty when it conforms). */
  checkRequest(
    matched: MatchedOperation,
    query: Record<string, string>,
    body: unknown,
    hasBody: boolean,
  ): string[] {
    const operation = this.operation(matched);
    const problems: string[] = [];
    for (const param of (operation.parameters ?? []).map((p) => this.parameter(p))) {
      const value = param.in === 'path' ? matched.pathParams[param.name] : query[param.name];
      if (param.in !== 'path' && param.in !== 'query') continue;
      if (value === undefined) {
        if (param.required) problems.push(`${param.in} parameter "${param.name}" is required`);
        continue;
      }
      const problem = this.checkScalar(param.schema ?? {}, value);
      if (problem) problems.push(`${param.in} parameter "${param.name}" ${problem}`);
    }
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    if (!hasBody) {
      if (operation.requestBody?.required) problems.push('the request body is required');
    } else if (bodySchema) {
      const validate = this.validator(
        pointer('paths', matched.template, matched.method.toLowerCase()) +
          '/requestBody/content/application~1json/schema',
      );
      if (!validate(body)) problems.push(...this.errors(validate, 'body'));
    }
    return problems;
  }

  /**
   * The documented JSON schema of a response, or undefined when that status has no JSON body; `null` when the
   * status is not documented for the operation at all.
   */
  responseSchemaRef(matched: MatchedOperation, status: number): string | undefined | null {
    const operation = this.operation(matched);
    const response = operation.responses[String(status)];
    if (!response) return null;
    const resolved = response.$ref ? this.resolve<MediaTypes>(response.$ref) : response;
    if (!resolved.content?.['application/json']?.schema) return undefined;
    const base = response.$ref
      ? response.$ref.slice(1)
      : `/${pointer('paths', matched.template, matched.method.toLowerCase())}/responses/${status}`;
    return `${DOCUMENT_ID}#${base}/content/application~1json/schema`;
  }

  /** What is wrong with `value` against the schema at `ref` (a full `$ref`). */
  checkValue(ref: string, value: unknown, what: string): string[] {
    const validate = this.compile(ref);
    return validate(value) ? [] : this.errors(validate, what);
  }

  /**
   * The smallest value the schema at `ref` accepts, with `given` laid over it: FakeGitHub fills what it does
   * not track (URLs, users, timestamps) so its answers have the shape GitHub documents.
   */
  complete(ref: string, given: unknown): unknown {
    return this.completeWith(this.schemaAt(ref), given, 0);
  }

  private completeWith(schema: SchemaObject, given: unknown, depth: number): unknown {
    const s = this.flatten(schema, given);
    if (given === undefined) return this.minimal(s, depth);
    if (Array.isArray(given))
      return s.items ? given.map((item) => this.completeWith(s.items ?? {}, item, depth + 1)) : given;
    if (given === null || typeof given !== 'object') return given;
    // `given` is an object, so a nullable schema's object branch is the one to fill (not its null).
    const base = this.minimal({ ...s, nullable: false }, depth);
    const out: Record<string, unknown> = base && typeof base === 'object' ? { ...(base as object) } : {};
    for (const [key, value] of Object.entries(given)) {
      const property = s.properties?.[key];
      out[key] = property ? this.completeWith(property, value, depth + 1) : value;
    }
    return out;
  }

  /** One schema for `given`: `$ref` resolved, `allOf` merged, the `oneOf`/`anyOf` branch of its type chosen. */
  private flatten(schema: SchemaObject, given: unknown): SchemaObject {
    const s = schema.$ref ? this.resolve<SchemaObject>(schema.$ref) : schema;
    if (s.allOf) {
      const parts = s.allOf.map((part) => this.flatten(part, given));
      return {
        type: parts.find((p) => p.type)?.type ?? 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      };
    }
    const options = s.oneOf ?? s.anyOf;
    if (options) {
      const kind = Array.isArray(given) ? 'array' : given === null ? 'null' : typeof given;
      const fits = options.find((o) => {
        const t = this.flatten(o, undefined).type;
        return t === kind || (kind === 'number' && t === 'integer');
      });
      return this.flatten(fits ?? options[0] ?? {}, given);
    }
    return s;
  }

  private minimal(schema: SchemaObject, depth: number): unknown {
    const s = schema.$ref ? this.resolve<SchemaObject>(schema.$ref) : schema;
    if (s.allOf) return s.allOf.reduce<unknown>((acc, part) => overlay(acc, this.minimal(part, depth)), {});
    const choice = s.oneOf?.[0] ?? s.anyOf?.[0];
    if (choice) return this.minimal(choice, depth);
    if (s.nullable && depth > 0) return null;
    if (s.enum) return s.enum[0];
    switch (s.type) {
      case 'object': {
        if (depth > 12) return {};
        const out: Record<string, unknown> = {};
        for (const name of s.required ?? []) {
          const property = s.properties?.[name];
          out[name] = property ? this.minimal(property, depth + 1) : null;
        }
        return out;
      }
      case 'array':
        return [];
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return false;
      case 'string':
        return s.format === 'date-time'
          ? '2026-01-01T00:00:00Z'
          : s.format === 'uri'
            ? 'https://github.com'
            : '';
      default:
        return s.properties ? this.minimal({ ...s, type: 'object' }, depth) : null;
    }
  }

  private schemaAt(ref: string): SchemaObject {
    const fragment = ref.slice(ref.indexOf('#'));
    return this.resolve<SchemaObject>(fragment);
  }

  private checkScalar(schema: SchemaObject, value: string): string | undefined {
    const s = schema.$ref ? this.resolve<SchemaObject>(schema.$ref) : schema;
    if (s.enum && !s.enum.map(String).includes(value))
      return `is "${value}", not one of ${s.enum.join(', ')}`;
    if (s.type === 'integer' && !/^-?\d+$/.test(value)) return `is "${value}", not an integer`;
    if (s.type === 'boolean' && value !== 'true' && value !== 'false') return `is "${value}", not a boolean`;
    return undefined;
  }

  private operation(matched: MatchedOperation): Operation {
    const operation = this.description.paths[matched.template]?.[matched.method.toLowerCase()];
    if (!operation) throw new Error(`no operation ${matched.method} ${matched.template}`);
    return operation;
  }

  private parameter(p: Parameter): Parameter {
    return p.$ref ? this.resolve<Parameter>(p.$ref) : p;
  }

  private resolve<T>(ref: string): T {
    let node: unknown = this.description;
    for (const raw of ref.replace(/^#\//, '').split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Record<string, unknown>)[key];
      if (node === undefined) throw new Error(`GitHub's REST description has nothing at ${ref}`);
    }
    const found = node as T & { $ref?: string };
    return found.$ref ? this.resolve<T>(found.$ref) : found;
  }

  private validator(fragment: string): ValidateFunction {
    return this.compile(`${DOCUMENT_ID}#/${fragment}`);
  }

  private compile(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    return validate;
  }

  private errors(validate: ValidateFunction, what: string): string[] {
    return (validate.errors ?? [])
      .slice(0, 8)
      .map((e) => `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'}${paramsText(e.params)}`);
  }
}

function paramsText(params: Record<string, unknown>): string {
  const shown = Object.entries(params)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => `${k}=${v}`);
  return shown.length > 0 ? ` (${shown.join(', ')})` : '';
}

/** `given` over `base`: objects merge key by key, anything else in `given` replaces. */
function overlay(base: unknown, given: unknown): unknown {
  if (given === undefined) return base;
  if (Array.isArray(given) || given === null || typeof given !== 'object') return given;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return given;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(given)) out[key] = overlay(out[key], value);
  return out;
}

let loaded: GitHubRestDescription | undefined;

/** The api.github.com description, parsed once per process (13 MB of JSON). */
export function githubRestDescription(): GitHubRestDescription {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    loaded = new GitHubRestDescription(JSON.parse(readFileSync(file, 'utf8')) as Description);
  }
  return loaded;
}
