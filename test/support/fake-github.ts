// FakeGitHub: a local stand-in for the few GitHub REST endpoints the pipeline calls (GitHub is unreachable
// here). It keeps just enough state for the calls to be consistent, and records every request for assertions.
// Every request is checked against GitHub's published REST description (github-openapi.ts): a route GitHub
// does not have, a missing required field or a wrong type is a violation, answered with an error and made
// loud by close(). Its own answers are completed to, and validated against, the documented response schemas.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubRestDescription } from './github-openapi.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

interface Comment {
  id: number;
  issue: number;
  body: string;
  /** The login that wrote it (GitHub's `user.login`). */
  author: string;
}

export interface FakeGitHub {
  /** e.g. http://127.0.0.1:PORT — pass as the API base URL. */
  url: string;
  token: string;
  requests: RecordedRequest[];
  /**
   * Requests that do not conform to GitHub's REST description, and answers of the fake that do not follow
   * its response schemas. close() fails while any is left: a test that provokes one on purpose removes it.
   */
  violations: string[];
  /** Current state, for assertions. */
  state: {
    deployments: { id: number; environment: string; ref: string; payload: unknown; statuses: string[] }[];
    comments: Comment[];
    branches: Map<string, string>;
    commits: Map<string, { tree: string; message: string; parents: string[]; files: string[] }>;
    pulls: { number: number; head: string; base: string; title: string; state: 'open' }[];
  };
  close(): Promise<void>;
}

const sha = (text: string) => createHash('sha1').update(text).digest('hex');

/** The login GitHub gives comments written with a workflow's GITHUB_TOKEN. */
export const WORKFLOW_BOT = 'github-actions[bot]';

export async function startFakeGitHub(
  options: {
    token?: string;
    baseSha?: string;
    /**
     * Who the token is. An installation token (the workflow's GITHUB_TOKEN, the default) cannot read
     * GET /user (403), as on GitHub; a personal or user token can.
     */
    identity?: { login: string; kind: 'installation' | 'user' };
  } = {},
): Promise<FakeGitHub> {
  const token = options.token ?? 'fake-token';
  const identity = options.identity ?? { login: WORKFLOW_BOT, kind: 'installation' };
  const baseSha = options.baseSha ?? sha('base');
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const description = githubRestDescription();
  const state: FakeGitHub['state'] = {
    deployments: [],
    comments: [],
    branches: new Map([['main', baseSha]]),
    commits: new Map([[baseSha, { tree: sha('base-tree'), message: 'base', parents: [], files: [] }]]),
    pulls: [],
  };
  const trees = new Map<string, string[]>();
  let nextId = 1000;
  let url = '';

  const routes: [
    string,
    RegExp,
    (m: string[], body: Record<string, unknown>, q: Record<string, string>) => [number, unknown],
  ][] = [
    [
      'GET',
      /^\/user$/,
      () =>
        identity.kind === 'user'
          ? [200, { login: identity.login, type: 'User' }]
          : [403, { message: 'Resource not accessible by integration' }],
    ],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/deployments$/,
      (_m, body) => {
        const deployment = {
          id: nextId++,
          environment: String(body.environment),
          ref: String(body.ref),
          payload: body.payload,
          statuses: [] as string[],
        };
        state.deployments.push(deployment);
        return [201, { id: deployment.id, environment: deployment.environment, ref: deployment.ref }];
      },
    ],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/,
      (m, body) => {
        const deployment = state.deployments.find((d) => d.id === Number(m[1]));
        if (!deployment) return [404, { message: 'Not Found' }];
        deployment.statuses.push(String(body.state));
        return [201, { id: nextId++, state: body.state }];
      },
    ],
    [
      'GET',
      /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
      (m) => [
        200,
        state.comments
          .filter((c) => c.issue === Number(m[1]))
          .map(({ id, body, author }) => ({
            id,
            body,
            user: { login: author, type: author.endsWith('[bot]') ? 'Bot' : 'User' },
          })),
      ],
    ],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
      (m, body) => {
        const comment = {
          id: nextId++,
          issue: Number(m[1]),
          body: String(body.body),
          author: identity.login,
        };
        state.comments.push(comment);
        return [201, { id: comment.id, body: comment.body, user: { login: identity.login } }];
      },
    ],
    [
      'PATCH',
      /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/,
      (m, body) => {
        const comment = state.comments.find((c) => c.id === Number(m[1]));
        if (!comment) return [404, { message: 'Not Found' }];
        // A token may edit what it wrote; on GitHub a repository writer could edit others' comments too, which
        // is why the adapter must not rely on this refusal.
        if (comment.author !== identity.login)
          return [403, { message: 'Must have admin rights to Repository.' }];
        comment.body = String(body.body);
        return [200, { id: comment.id, body: comment.body }];
      },
    ],
    [
      'GET',
      /^\/repos\/[^/]+\/[^/]+\/git\/ref\/heads\/(.+)$/,
      (m) => {
        const head = state.branches.get(decodeURIComponent(m[1] ?? ''));
        return head
          ? [200, { ref: `refs/heads/${m[1]}`, object: { sha: head, type: 'commit' } }]
          : [404, { message: 'Not Found' }];
      },
    ],
    [
      'GET',
      /^\/repos\/[^/]+\/[^/]+\/git\/commits\/([0-9a-f]+)$/,
      (m) => {
        const commit = state.commits.get(m[1] ?? '');
        return commit
          ? [200, { sha: m[1], tree: { sha: commit.tree }, message: commit.message }]
          : [404, { message: 'Not Found' }];
      },
    ],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/git\/trees$/,
      (_m, body) => {
        const entries = (body.tree as { path: string; content: string }[]).map(
          (e) => `${e.path}:${sha(e.content)}`,
        );
        const treeSha = sha(`${body.base_tree}|${entries.join(',')}`);
        trees.set(
          treeSha,
          entries.map((e) => e.split(':')[0] ?? ''),
        );
        return [201, { sha: treeSha }];
      },
    ],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/git\/commits$/,
      (_m, body) => {
        const tree = String(body.tree);
        const commitSha = sha(`${tree}|${body.message}|${(body.parents as string[]).join(',')}`);
        state.commits.set(commitSha, {
          tree,
          message: String(body.message),
          parents: body.parents as string[],
          files: trees.get(tree) ?? [],
        });
        return [201, { sha: commitSha }];
      },
    ],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/git\/refs$/,
      (_m, body) => {
        const branch = String(body.ref).replace(/^refs\/heads\//, '');
        if (state.branches.has(branch)) return [422, { message: 'Reference already exists' }];
        state.branches.set(branch, String(body.sha));
        return [201, { ref: body.ref, object: { sha: body.sha } }];
      },
    ],
    [
      'PATCH',
      /^\/repos\/[^/]+\/[^/]+\/git\/refs\/heads\/(.+)$/,
      (m, body) => {
        const branch = decodeURIComponent(m[1] ?? '');
        if (!state.branches.has(branch)) return [422, { message: 'Reference does not exist' }];
        state.branches.set(branch, String(body.sha));
        return [200, { ref: `refs/heads/${branch}`, object: { sha: body.sha } }];
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+)\/[^/]+\/pulls$/,
      (_m, _body, q) => [
        200,
        state.pulls
          .filter((p) => !q.head || `${q.head}` === p.head || q.head.endsWith(`:${p.head}`))
          .map((p) => ({ number: p.number, html_url: `${url}/pull/${p.number}`, head: { ref: p.head } })),
      ],
    ],
    [
      'POST',
      /^\/repos\/[^/]+\/[^/]+\/pulls$/,
      (_m, body) => {
        const pull = {
          number: state.pulls.length + 1,
          head: String(body.head),
          base: String(body.base),
          title: String(body.title),
          state: 'open' as const,
        };
        state.pulls.push(pull);
        return [201, { number: pull.number, html_url: `${url}/pull/${pull.number}` }];
      },
    ],
  ];

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => resolve(text));
    });

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    // Octokit percent-encodes the slash of `heads/<branch>`; GitHub accepts both spellings.
    const parsed = new URL((req.url ?? '/').replace(/%2F/gi, '/'), 'http://fake');
    const text = await readBody(req);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const query = Object.fromEntries(parsed.searchParams);
    requests.push({ method: req.method ?? 'GET', path: parsed.pathname, query, body });
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `token ${token}` && req.headers.authorization !== `Bearer ${token}`) {
      return reply(401, { message: 'Bad credentials' });
    }
    const line = `${req.method} ${parsed.pathname}`;
    const documented = description.match(req.method ?? 'GET', parsed.pathname);
    if (!documented) {
      violations.push(`${line}: GitHub's REST API has no such route`);
      return reply(404, { message: `Not Found: ${line} is not in GitHub's REST API` });
    }
    const problems = description.checkRequest(documented, query, body, text !== '');
    if (problems.length > 0) {
      violations.push(`${line} (${documented.operationId}): ${problems.join('; ')}`);
      return reply(422, { message: `Validation Failed: ${problems.join('; ')}` });
    }
    for (const [method, pattern, handle] of routes) {
      const match = req.method === method ? pattern.exec(parsed.pathname) : null;
      if (!match) continue;
      const [status, payload] = handle([...match], body, query);
      const schema = description.responseSchemaRef(documented, status);
      if (schema === null && status < 400) {
        violations.push(
          `${line}: FakeGitHub answered ${status}, which ${documented.operationId} does not document`,
        );
      }
      if (!schema) return reply(status, payload);
      const answer = description.complete(schema, payload);
      const wrong = description.checkValue(schema, answer, 'response');
      if (wrong.length > 0)
        violations.push(`${line}: FakeGitHub's answer breaks the schema: ${wrong.join('; ')}`);
      return reply(status, answer);
    }
    violations.push(`${line} (${documented.operationId}): GitHub has it, FakeGitHub does not implement it`);
    reply(404, { message: `FakeGitHub has no route for ${line}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token,
    requests,
    violations,
    state,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (violations.length > 0) {
        throw new Error(
          `FakeGitHub saw requests GitHub's REST description rejects:\n  ${violations.join('\n  ')}`,
        );
      }
    },
  };
}
