import { describe, expect, it } from 'vitest';
import { JsonLogger, redact } from '../../src/logging.js';

describe('JsonLogger', () => {
  const capture = (level: 'DEBUG' | 'INFO' | 'WARN' = 'INFO') => {
    const lines: Record<string, unknown>[] = [];
    const logger = new JsonLogger(level, (line) => lines.push(JSON.parse(line)), { service: 'order-worker' });
    return { logger, lines };
  };

  it('writes one JSON object per line with the SDK context and runId', () => {
    const { logger, lines } = capture();
    logger.info('payment charged', {
      workflowId: 'order-1',
      workflowRunId: 'run-1',
      taskQueue: 'payment-task-queue',
      activityType: 'chargePayment',
      attempt: 2,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'INFO',
      msg: 'payment charged',
      service: 'order-worker',
      workflowId: 'order-1',
      runId: 'run-1',
      taskQueue: 'payment-task-queue',
      activityType: 'chargePayment',
      attempt: 2,
    });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('drops lines below the level', () => {
    const { logger, lines } = capture('WARN');
    logger.info('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    logger.error('shown too');
    expect(lines.map((l) => l.msg)).toEqual(['shown', 'shown too']);
  });

  it('masks secrets and card data at any depth, and serializes errors', () => {
    const { logger, lines } = capture();
    logger.error('failed', {
      order: { orderId: 'o', paymentToken: 'tok_4111', card: { number: '4111111111111111' } },
      apiKey: 'sk-live',
      headers: { authorization: 'Bearer x' },
      error: new Error('boom'),
    });
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('tok_4111');
    expect(text).not.toContain('4111111111111111');
    expect(text).not.toContain('sk-live');
    expect(text).not.toContain('Bearer');
    expect(lines[0]).toMatchObject({
      order: { orderId: 'o', paymentToken: '[redacted]', card: '[redacted]' },
      apiKey: '[redacted]',
      error: { name: 'Error', message: 'boom' },
    });
  });

  it('keeps ordinary values as they are', () => {
    expect(redact({ orderId: 'o', amountCents: 5, items: [{ sku: 'a' }], ok: true })).toEqual({
      orderId: 'o',
      amountCents: 5,
      items: [{ sku: 'a' }],
      ok: true,
    });
  });
});
