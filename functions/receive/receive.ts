import { ExecutionAlreadyExists, StartExecutionCommand, type StartExecutionCommandOutput } from '@aws-sdk/client-sfn';
import type { Files } from '#shared/adapters/files';
import { submissionIdOfKey } from '#shared/adapters/files';
import type { CoverStore, SubmissionStore } from '#shared/adapters/store';
import { duplicateOf } from '#shared/domain/duplicates';
import type { Duplicate } from '#shared/domain/errors';
import { originalCover, type SubmissionRecord } from '#shared/domain/schemas';
import { startExecution } from '#shared/adapters/workflow';

/** The one Step Functions call receive makes (an SFNClient is one). */
export interface ExecutionStarter {
  send(command: StartExecutionCommand): Promise<StartExecutionCommandOutput>;
}

export interface ReceiveDeps {
  /** With the claims on cover notes (docs/architecture.md#invariants: no document twice by mistake). */
  store: Pick<SubmissionStore, 'getSubmission' | 'transition'> & Pick<CoverStore, 'claimCover' | 'releaseCover'>;
  files: Pick<Files, 'check' | 'isVerified' | 'keepVerified'>;
  sfn: ExecutionStarter;
  stateMachineArn: string;
  log: (entry: Record<string, unknown>) => void;
}

export type ReceiveOutcome = 'started' | 'waiting' | 'rejected' | 'ignored';

/**
 * A file landed in the intake bucket. When every declared file of its submission is there with the
 * declared size and sha256, keep a copy of exactly the bytes verified (`verified/…`, which Publish
 * copies from, and nothing else), then start the workflow, named by the submission id: a duplicate
 * event, or the last two files landing at once, start nothing new (Step Functions dedupes by name +
 * input).
 *
 * A file that has its verified copy is not read again: an upload sent to its presigned URL after
 * that (the URL is valid for an hour) changes nothing, here or on the site. The copies are written
 * before the workflow starts, so a crash in between is repaired by the next event or by running
 * this again: copies already made are kept, the others made.
 */
export async function receiveKey(key: string, deps: ReceiveDeps): Promise<ReceiveOutcome> {
  const id = submissionIdOfKey(key);
  if (!id) {
    deps.log({ message: 'Ignoring an object Circulate did not ask for', key });
    return 'ignored';
  }
  const record = await deps.store.getSubmission(id);
  if (!record || record.status !== 'AWAITING_UPLOAD') return 'ignored';
  const files = record.submission.files;
  const verified = await Promise.all(files.map((f) => deps.files.isVerified(f)));
  const checks = await Promise.all(files.map((f, i) => (verified[i] ? { ok: true as const } : deps.files.check(f))));
  if (checks.some((c) => !c.ok && c.missing)) return 'waiting';
  const problems = checks.flatMap((c) => (c.ok ? [] : [c.reason]));
  if (problems.length > 0) return reject(id, problems, deps);
  // One at a time: keepVerified holds a file's bytes in memory. A file that changed since `check`
  // read it is judged again on what is there now, the bytes that would be kept.
  for (const [i, file] of files.entries()) {
    if (verified[i]) continue;
    const kept = await deps.files.keepVerified(file);
    if (!kept.ok && kept.missing) return 'waiting';
    if (!kept.ok) return reject(id, [kept.reason], deps);
  }
  const duplicate = await claimVerifiedCover(record, deps);
  if (duplicate) return reject(id, [duplicate.message], deps, duplicate.name);
  await startWorkflow(id, deps);
  return 'started';
}

/**
 * The cover's bytes are verified now (they hash to the declared sha256), so its claim is made
 * again on them, and only the claim's holder goes on. create-submission's check is the one staff
 * see, but it judges a declaration when it is made, and a second declaration of one cover can get
 * past it: by taking over as unrecorded a claim whose holder was in fact still being recorded
 * (past the grace), after a claim was lost (a table restored to a point in time, an item deleted
 * by hand), or beside a submission made before claims existed and still awaiting its files. Here,
 * on the bytes and before any number is taken, one of the two is stopped. The refusal names the
 * submission that holds the cover (undefined: this one may go on).
 */
async function claimVerifiedCover(record: SubmissionRecord, deps: Pick<ReceiveDeps, 'store'>): Promise<Duplicate | undefined> {
  if (record.submission.allowDuplicate) return undefined;
  // A language version of a published document has no cover in the original language (its
  // document's is the one claimed): nothing to claim.
  const cover = originalCover(record.submission);
  if (!cover) return undefined;
  const claim = await deps.store.claimCover(cover.sha256, record.id);
  return claim.claimed ? undefined : duplicateOf(claim.holder, cover);
}

/**
 * Fails the submission before it has a number and lets go of its cover's claim (a refused
 * duplicate holds none), so the note can be submitted again at once with the right files.
 */
async function reject(id: string, problems: string[], deps: Pick<ReceiveDeps, 'store'>, error = 'FileMismatch'): Promise<ReceiveOutcome> {
  const failed = await deps.store.transition(id, 'FAILED', {
    from: ['AWAITING_UPLOAD'],
    detail: problems.join('; '),
    set: { error: { error, cause: problems.join('; ') } },
  });
  const cover = originalCover(failed.submission);
  if (cover) await deps.store.releaseCover(cover.sha256, id);
  return 'rejected';
}

export async function startWorkflow(submissionId: string, deps: Pick<ReceiveDeps, 'sfn' | 'stateMachineArn'>): Promise<void> {
  try {
    await startExecution(deps.sfn, deps.stateMachineArn, submissionId);
  } catch (e) {
    // Same name + same input answers a running execution; a finished one answers ExecutionAlreadyExists:
    // either way the submission's workflow has been started, which is all receive must ensure.
    if (!(e instanceof ExecutionAlreadyExists)) throw e;
  }
}
