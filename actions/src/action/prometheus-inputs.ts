// The Prometheus inputs the analyze, release and doctor actions share: the URL and a token or basic auth
// (secrets).
import type { PrometheusAuth, PrometheusOptions } from '../adapters/prometheus.js';
import { InputError } from '../core/errors.js';
import { optionalInput, secretInput } from './io.js';

/** prometheus-token, or prometheus-username + prometheus-password (secrets masked); undefined when none is set. */
export function prometheusAuthInputs(): PrometheusAuth | undefined {
  const token = secretInput('prometheus-token');
  const username = optionalInput('prometheus-username');
  const password = secretInput('prometheus-password');
  if (token && (username || password))
    throw new InputError(
      'input "prometheus-token"',
      'is set together with basic auth',
      'use a token or a username and password',
    );
  if (token) return { type: 'bearer', token };
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined)
    throw new InputError('input "prometheus-username"', 'and "prometheus-password" go together', 'set both');
  return { type: 'basic', username, password };
}

/** prometheus-url with its auth inputs; undefined without a URL. */
export function prometheusInputs(): PrometheusOptions | undefined {
  const url = secretInput('prometheus-url');
  if (!url) return undefined;
  const auth = prometheusAuthInputs();
  return auth ? { url, auth } : { url };
}
