export { createOrderActivities, type OrderActivityDeps } from './order.js';
export { createPaymentActivities } from './payment.js';
export type { OrderActivities, PaymentActivities, StepFailureDetails, StepResult } from './types.js';
