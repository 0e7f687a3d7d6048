import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Registered on every cluster that runs this worker (the dev server in tests registers both). */
export const ORDER_ID = defineSearchAttributeKey('OrderID', SearchAttributeType.KEYWORD);
export const CUSTOMER_TIER = defineSearchAttributeKey('CustomerTier', SearchAttributeType.KEYWORD);

/** An optional Keyword attribute the workflow keeps at the current stage (`STAGE_SEARCH_ATTRIBUTE`). */
export function stageSearchAttribute(name: string) {
  return defineSearchAttributeKey(name, SearchAttributeType.KEYWORD);
}
