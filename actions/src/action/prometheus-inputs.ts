// The Prometheus inputs the analyze and release actions share: the URL and a token or basic auth (secrets).
import type { PrometheusOptions } from '../adapters/prometheus.js';
import { InputError } from '../core/errors.js';
import { optionalInput, secretInput } from './io.js';

/** prometheus-url with prometheus-token, or prometheus-username + prometheus-password; undefined without a URL. */
export function prometheusInputs(): PrometheusOptions | undefined {
  const url = secretInput('prometheus-url');
  if (!url) return undefined;
  const token = secretInput('prometheus-token');
  const username = optionalInput('prometheus-username');
  const password = secretInput('prometheus-password');
  if (token && (username || password))
    throw new InputError(
      'input "prometheus-token"',
      'is set together with basic auth',
      'use a token or a username and password',
    );
  if (token) return { url, auth: { type: 'bearer', token } };
  if (username === undefined && password === undefined) return { url };
  if (username === undefined || password === undefined)
    throw new InputError('input "prometheus-username"', 'and "prometheus-password" go together', 'set both');
  return { url, auth: { type: 'basic', username, password } };
}
