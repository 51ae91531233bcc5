/**
 * The one DynamoDB table's key schema: used by the store, by CDK and by the embedded stack's
 * CreateTable, so the three never disagree.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const INDEXES = {
  /** Published documents of a session by agenda item (gsi1pk `DOCS#HRC#47`), and submissions of a session. */
  bySession: { name: 'bySession', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Submissions by status, oldest first: the list API and the local stack's resume on start. */
  byStatus: { name: 'byStatus', partitionKey: 'status', sortKey: 'createdAt' },
  /** All submissions, oldest first (gsi3pk is the constant `SUBMISSION`). */
  byCreated: { name: 'byCreated', partitionKey: 'gsi3pk', sortKey: 'createdAt' },
} as const;

export type IndexName = keyof typeof INDEXES;
