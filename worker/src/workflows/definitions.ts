import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ApprovalSignal, OrderStatus } from '../domain.js';

export const approveSignal = defineSignal<[ApprovalSignal]>('approve');
export const rejectSignal = defineSignal<[ApprovalSignal]>('reject');
export const statusQuery = defineQuery<OrderStatus>('status');

/** The patch id of the one versioned change: runs started before it never notify the customer. */
export const NOTIFY_CUSTOMER_PATCH = 'notify-customer';
