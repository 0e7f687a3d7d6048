import { ErrorTypes } from '../../src/domain.js';
import { NO_FAULTS, simulatedServices } from '../../src/services/simulated.js';
import { type CallOptions, ServiceError, type Services } from '../../src/services/types.js';

export type Operation = 'reserve' | 'release' | 'charge' | 'refund' | 'ship' | 'notify';

interface Held {
  promise: Promise<void>;
  release(): void;
  entered: boolean;
}

/**
 * The simulated services with per-order controls for tests: hold an operation until the test
 * releases it, or make it fail a number of times. Keys are `<operation>:<orderId>`.
 */
export class ControlledServices {
  readonly calls: string[] = [];
  private readonly held = new Map<string, Held>();
  private readonly failures = new Map<string, number>();
  readonly services: Services;

  constructor() {
    const inner = simulatedServices({
      inventory: NO_FAULTS,
      payment: NO_FAULTS,
      shipping: NO_FAULTS,
      compensationFailureRate: 0,
    });
    const gate = async (op: Operation, orderId: string, options?: CallOptions) => {
      const key = `${op}:${orderId}`;
      this.calls.push(key);
      const held = this.held.get(key);
      if (held) {
        held.entered = true;
        await Promise.race([
          held.promise,
          new Promise<never>((_, reject) => {
            options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
          }),
        ]);
      }
      const left = this.failures.get(key) ?? 0;
      if (left > 0) {
        this.failures.set(key, left - 1);
        throw new ServiceError(ErrorTypes.ServiceUnavailable, `${op} failed on purpose (${left} left)`, true);
      }
    };
    this.services = {
      inventory: {
        reserve: async (orderId, items, o) => {
          await gate('reserve', orderId, o);
          return inner.inventory.reserve(orderId, items, o);
        },
        release: async (orderId, o) => {
          await gate('release', orderId, o);
          return inner.inventory.release(orderId, o);
        },
      },
      payment: {
        charge: async (req, o) => {
          await gate('charge', req.orderId, o);
          return inner.payment.charge(req, o);
        },
        refund: async (orderId, o) => {
          await gate('refund', orderId, o);
          return inner.payment.refund(orderId, o);
        },
      },
      shipping: {
        ship: async (orderId, address, items, o) => {
          await gate('ship', orderId, o);
          return inner.shipping.ship(orderId, address, items, o);
        },
      },
      notifications: {
        notify: async (customerId, message, o) => {
          const orderId = /Order (\S+) shipped/.exec(message)?.[1] ?? customerId;
          await gate('notify', orderId, o);
          await inner.notifications.notify(customerId, message, o);
        },
      },
    };
  }

  hold(op: Operation, orderId: string): void {
    let release = () => {};
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.held.set(`${op}:${orderId}`, { promise, release, entered: false });
  }

  release(op: Operation, orderId: string): void {
    const key = `${op}:${orderId}`;
    this.held.get(key)?.release();
    this.held.delete(key);
  }

  failTimes(op: Operation, orderId: string, times: number): void {
    this.failures.set(`${op}:${orderId}`, times);
  }

  count(op: Operation, orderId: string): number {
    return this.calls.filter((c) => c === `${op}:${orderId}`).length;
  }
}
