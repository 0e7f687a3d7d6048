import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { tool } from './tools.js';

export const ORDER_ID = defineSearchAttributeKey('OrderID', SearchAttributeType.KEYWORD);
export const CUSTOMER_TIER = defineSearchAttributeKey('CustomerTier', SearchAttributeType.KEYWORD);
/** The second namespace every test server has, beside `default`. */
export const ORDERS_NAMESPACE = 'orders';

export interface TemporalDevServer {
  env: TestWorkflowEnvironment;
  /** host:port of the frontend, on 127.0.0.1. */
  address: string;
  teardown(): Promise<void>;
}

/**
 * Starts the Temporal CLI dev server (the binary the bootstrap built) on 127.0.0.1 with a free port,
 * with the OrderID and CustomerTier search attributes and the `orders` namespace.
 */
export async function startTemporal(options: { extraArgs?: string[] } = {}): Promise<TemporalDevServer> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: tool('temporal') },
      ip: '127.0.0.1',
      searchAttributes: [ORDER_ID, CUSTOMER_TIER],
      extraArgs: ['--namespace', ORDERS_NAMESPACE, ...(options.extraArgs ?? [])],
      log: { format: 'json', level: 'warn' },
    },
  });
  const address = env.address;
  let down = false;
  return {
    env,
    address,
    async teardown() {
      if (down) return;
      down = true;
      await env.teardown();
    },
  };
}
