import { log } from '@temporalio/activity';
import type { PaymentService } from '../services/types.js';
import { runStep } from './step.js';
import type { PaymentActivities } from './types.js';

/** Activities of the payment task queue. The payment token is passed on, never logged. */
export function createPaymentActivities(deps: { payment: PaymentService }): PaymentActivities {
  return {
    async chargePayment(order) {
      const result = await runStep((signal) =>
        deps.payment.charge(
          {
            orderId: order.orderId,
            amountCents: order.amountCents,
            currency: order.currency,
            paymentToken: order.paymentToken,
          },
          { signal },
        ),
      );
      log.info('payment charged', {
        orderId: order.orderId,
        paymentId: result.value.paymentId,
        amountCents: order.amountCents,
      });
      return result;
    },
    async refundPayment(orderId) {
      const result = await runStep(async (signal) => ({
        refunded: await deps.payment.refund(orderId, { signal }),
      }));
      log.info('payment refunded', { orderId, refunded: result.value.refunded });
      return result;
    },
  };
}
