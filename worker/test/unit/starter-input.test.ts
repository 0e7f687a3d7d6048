import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type TempDir, tempDir } from '../../../scripts/local-platform/temp.js';
import { OrderInputError, parseOrderInput } from '../../src/starter/order-input.js';
import { formatRoutingFile } from '../../src/starter/routing.js';
import { fileRoutingSource } from '../../src/starter/routing-source.js';

const valid = {
  orderId: 'order-1',
  customerId: 'c-1',
  items: [{ sku: 'SKU-1', quantity: 1 }],
  amountCents: 1999,
  paymentToken: 'tok_x',
  shippingAddress: '1 Main St',
};

describe('parseOrderInput', () => {
  it('fills the defaults for tier and currency', () => {
    expect(parseOrderInput(valid)).toEqual({ ...valid, customerTier: 'standard', currency: 'USD' });
  });

  it.each([
    [null, 'body'],
    [{ ...valid, orderId: '' }, 'orderId'],
    [{ ...valid, orderId: 'has space' }, 'orderId'],
    [{ ...valid, items: [] }, 'items'],
    [{ ...valid, items: [{ sku: 'a', quantity: 0 }] }, 'items[0].quantity'],
    [{ ...valid, items: [{ quantity: 1 }] }, 'items[0].sku'],
    [{ ...valid, amountCents: 10.5 }, 'amountCents'],
    [{ ...valid, currency: 'dollars' }, 'currency'],
    [{ ...valid, paymentToken: undefined }, 'paymentToken'],
    [{ ...valid, customerId: 7 }, 'customerId'],
  ])('names the bad field of %j', (body, field) => {
    let error: unknown;
    try {
      parseOrderInput(body);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(OrderInputError);
    expect((error as OrderInputError).field).toBe(field);
  });
});

describe('fileRoutingSource', () => {
  let dir: TempDir | undefined;
  afterEach(async () => {
    await dir?.remove();
  });

  it('follows a replaced file and keeps the last good table when an update is broken', async () => {
    dir = await tempDir('routing');
    const file = join(dir.path, 'routing.json');
    const write = async (text: string) => {
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    };
    const a = { routes: [{ taskQueue: 'q-v1', weight: 1 }] };
    const b = {
      routes: [
        { taskQueue: 'q-v1', weight: 9 },
        { taskQueue: 'q-v2', weight: 1 },
      ],
    };
    await write(formatRoutingFile(a));
    const errors: string[] = [];
    const source = fileRoutingSource(file, (e) => errors.push(e.message));
    expect(source.current()).toEqual(a);
    await write(formatRoutingFile(b));
    expect(source.current()).toEqual(b);
    await write('{"routes":[{"taskQueue":"q-v1","weight":-1}]}');
    expect(source.current()).toEqual(b);
    expect(source.current()).toEqual(b);
    expect(errors).toEqual([`ROUTING_FILE ${file}: routes[0].weight must be an integer ≥ 0, got -1`]);
  });

  it('refuses a broken file at start-up', async () => {
    dir = await tempDir('routing');
    const file = join(dir.path, 'routing.json');
    await writeFile(file, '{}');
    expect(() => fileRoutingSource(file, () => {})).toThrow('expected {"routes"');
  });
});
