import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCounterStore } from './counters';
import { createCoverStore } from './covers';
import { createDocumentStore } from './documents';
import { createListRenderStore } from './list-renders';
import type { TableContext } from './query';
import { createSiteStateStore } from './site-state';
import { createSubmissionStore } from './submissions';
import { createSymbolStore } from './symbols';
import { createTranslationClaimStore } from './translation-claims';

/**
 * All DynamoDB access, one module per aggregate. Every write is a conditional single-item write
 * (no transactions: the embedded stack's emulator has none), so each step can be retried after a
 * crash at any point. Logic asks for the part it uses (`Pick<SubmissionStore, 'transition'>`);
 * `createStore` puts the parts together on one table, one clock and one write hook.
 */
export type Store = ReturnType<typeof createStore>;

export interface StoreOptions {
  clock?: () => Date;
  /**
   * Test hook: called after every write has succeeded, with the write's name. A hook that throws
   * stands for the process dying between two writes, so tests can check every step survives it.
   */
  afterWrite?: (write: string) => void | Promise<void>;
}

export function createStore(doc: DynamoDBDocumentClient, table: string, options: StoreOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const ctx: TableContext = {
    doc,
    table,
    now: () => clock().toISOString(),
    wrote: async (write) => options.afterWrite?.(write),
  };
  const documents = createDocumentStore(ctx);
  const submissions = createSubmissionStore(ctx);
  return {
    now: ctx.now,
    ...submissions,
    ...createCoverStore(ctx, submissions),
    ...createCounterStore(ctx),
    ...createSymbolStore(ctx),
    ...documents,
    ...createSiteStateStore(ctx, documents),
    ...createListRenderStore(ctx),
    ...createTranslationClaimStore(ctx),
  };
}

export { Counter, type CounterStore } from './counters';
export { claimWith, type ClaimPrimitives, type CoverOutcome, type CoverStore } from './covers';
export type { DocumentStore } from './documents';
export type { ListGroup, ListGroupState, ListRenderStore } from './list-renders';
export { sessionKey, type Clock, type Page } from './query';
export type { SiteState, SiteStateStore } from './site-state';
export { indexStamp, type MalformedSubmission, type SubmissionQuery, type SubmissionStore, type TransitionOptions } from './submissions';
export type { SymbolStore } from './symbols';
export type { TranslationClaim, TranslationClaimStore } from './translation-claims';
