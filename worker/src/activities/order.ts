import { log } from '@temporalio/activity';
import type { OrderSettings } from '../domain.js';
import type { InventoryService, NotificationService, ShippingService } from '../services/types.js';
import { runStep } from './step.js';
import type { OrderActivities } from './types.js';

export interface OrderActivityDeps {
  inventory: InventoryService;
  shipping: ShippingService;
  notifications: NotificationService;
  settings: OrderSettings;
}

/** Activities of the order task queue over injected service clients. */
export function createOrderActivities(deps: OrderActivityDeps): OrderActivities {
  return {
    async loadOrderSettings() {
      return deps.settings;
    },
    async reserveInventory(order) {
      const result = await runStep((signal) =>
        deps.inventory.reserve(order.orderId, order.items, { signal }),
      );
      log.info('inventory reserved', { orderId: order.orderId, reservationId: result.value.reservationId });
      return result;
    },
    async releaseInventory(orderId) {
      const result = await runStep(async (signal) => ({
        released: await deps.inventory.release(orderId, { signal }),
      }));
      log.info('inventory released', { orderId, released: result.value.released });
      return result;
    },
    async shipOrder(order) {
      const result = await runStep((signal) =>
        deps.shipping.ship(order.orderId, order.shippingAddress, order.items, { signal }),
      );
      log.info('order shipped', { orderId: order.orderId, trackingNumber: result.value.trackingNumber });
      return result;
    },
    async notifyCustomer(order, trackingNumber) {
      return runStep(async (signal) => {
        await deps.notifications.notify(
          order.customerId,
          `Order ${order.orderId} shipped: ${trackingNumber}`,
          { signal },
        );
        return { notified: true };
      });
    },
  };
}
