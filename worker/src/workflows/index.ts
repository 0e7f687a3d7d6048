// The workflows module (`workflowsPath`): every export here is registered with the order worker.
export { approveSignal, NOTIFY_CUSTOMER_PATCH, rejectSignal, statusQuery } from './definitions.js';
export { OrderWorkflow } from './order.js';
