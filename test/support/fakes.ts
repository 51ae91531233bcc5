import { createHash } from 'node:crypto';
import {
  DescribeExecutionCommand, ExecutionAlreadyExists, ExecutionDoesNotExist,
  StartExecutionCommand, type DescribeExecutionCommandOutput, type ExecutionStatus,
  type StartExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { intakePrefix, verifiedKey, verifiedPrefix, type FileCheck, type Files } from '#shared/adapters/files';
import type { CounterStore, CoverStore, DocumentStore, SubmissionStore } from '#shared/adapters/store';
import { Counter, claimWith, indexStamp, type ClaimPrimitives, type MalformedSubmission, type TransitionOptions } from '#shared/adapters/store';
import type { CoverClaim } from '#shared/domain/duplicates';
import type { ExecutionRunner } from '../../functions/resume-stalled/resume-stalled';
import { DocumentRecord } from '#shared/domain/document';
import { Conflict, InvalidTransition, NotFound } from '#shared/domain/errors';
import { FileSniffer, typeMismatch } from '#shared/domain/file-types';
import { STATUSES, SubmissionRecord, UNFINISHED_STATUSES, type HistoryEntry, type Status, type StoredFile } from '#shared/domain/schemas';

/**
 * In-memory stand-ins for the narrow interfaces the logic asks for. Each keeps the semantics the
 * logic relies on — conditional transitions refuse a wrong `from`, a counter never gives an owner
 * two numbers, StartExecution dedupes by name — so a test that passes here means what it says.
 * `test/unit/fakes.test.ts` runs the same checks against these and the real store on dynalite.
 * Records go in and out through their zod schemas, as they do through DynamoDB: no aliasing, and
 * a field the schema would refuse is refused here too.
 */

/** A clock that only moves when told to. */
export class FakeClock {
  private ms: number;
  constructor(start = '2021-06-18T08:00:00.000Z') {
    this.ms = Date.parse(start);
  }
  date = (): Date => new Date(this.ms);
  now = (): string => new Date(this.ms).toISOString();
  advance(ms: number): this {
    this.ms += ms;
    return this;
  }
}

/** Stands for the process dying after a write, as StoreOptions.afterWrite does for the real store. */
type AfterWrite = (write: string) => void | Promise<void>;

class WriteLog {
  readonly writes: string[] = [];
  afterWrite?: AfterWrite;
  async wrote(write: string) {
    this.writes.push(write);
    await this.afterWrite?.(write);
  }
}

class ConditionalCheckFailed extends Error {
  override name = 'ConditionalCheckFailedException';
}

type FakeSubmissionMethods = 'getSubmission' | 'mustGetSubmission' | 'createSubmission' | 'transition' | 'recordExecution'
  | 'unfinishedSubmissions' | 'awaitingUploadSince' | 'deleteSubmissionIfAwaiting'
  | 'scanUnfinishedSubmissions' | 'indexedUnfinished' | 'repairIndexEntries';
type FakeCoverMethods = 'claimCover' | 'releaseCover' | 'getCoverClaim';

/**
 * The submissions table, with the store's conditional transitions, and the claims on cover notes
 * (made by the real store's `claimWith` on the same conditional puts as the real one's).
 */
export class FakeSubmissionStore extends WriteLog implements Pick<SubmissionStore, FakeSubmissionMethods>, Pick<CoverStore, FakeCoverMethods> {
  private readonly records = new Map<string, SubmissionRecord>();
  private readonly claims = new Map<string, CoverClaim>();
  /** Items the status index does not hold (as a kill tears dynalite's writes), until written again. */
  private readonly torn = new Set<string>();
  /** Items that say they are unfinished submissions but do not parse as one. */
  private readonly malformed: MalformedSubmission[] = [];
  constructor(private readonly clock = new FakeClock()) {
    super();
  }

  /** The status index loses these submissions' entries, as a SIGKILL between dynalite's index and item writes leaves it. */
  tear(...ids: string[]): this {
    ids.forEach((id) => this.torn.add(id));
    return this;
  }

  /** An item under a submission's key that does not parse as one. */
  seedMalformed(pk: string, problem: string): this {
    this.malformed.push({ pk, problem });
    return this;
  }

  now = () => this.clock.now();

  /** Puts records as they would be found in the table, without a write being counted. */
  seed(...records: SubmissionRecord[]): this {
    for (const r of records) this.records.set(r.id, SubmissionRecord.parse(structuredClone(r)));
    return this;
  }

  /** What the table holds, bypassing the interface (for assertions). */
  peek(id: string): SubmissionRecord | undefined {
    const r = this.records.get(id);
    return r && SubmissionRecord.parse(structuredClone(r));
  }

  get size() {
    return this.records.size;
  }

  getSubmission = async (id: string) => this.peek(id);

  mustGetSubmission = async (id: string) => {
    const r = this.peek(id);
    if (!r) throw new NotFound(`No submission ${id}`);
    return r;
  };

  createSubmission = async (record: SubmissionRecord) => {
    if (this.records.has(record.id)) throw new ConditionalCheckFailed('The conditional request failed');
    this.records.set(record.id, SubmissionRecord.parse(structuredClone(record)));
    await this.wrote('createSubmission');
  };

  transition = async (id: string, to: Status, opts: TransitionOptions) => {
    const current = this.records.get(id);
    if (current && opts.from.includes(current.status)) {
      const at = this.clock.now();
      const entry: HistoryEntry = { at, status: to, ...(opts.detail ? { detail: opts.detail } : {}) };
      const kept: Record<string, unknown> = { ...structuredClone(current) };
      for (const field of opts.remove ?? []) delete kept[field];
      const next = SubmissionRecord.parse({
        ...kept, ...structuredClone(opts.set ?? {}), status: to, updatedAt: at, history: [...current.history, entry],
      });
      this.records.set(id, next);
      await this.wrote(`transition:${to}`);
      return SubmissionRecord.parse(structuredClone(next));
    }
    if (!current) throw new NotFound(`No submission ${id}`);
    // Already there, or further along the flow (FAILED is never "further"): a retried step's no-op.
    const further = current.status !== 'FAILED' && to !== 'FAILED' && STATUSES.indexOf(current.status) > STATUSES.indexOf(to);
    if (current.status === to || further) return SubmissionRecord.parse(structuredClone(current));
    throw new InvalidTransition(`Submission ${id} is ${current.status}; it cannot become ${to}`);
  };

  /** The list writers' leases a stop left held (list groups are not faked: their tests run on dynalite). */
  leasesHeld = 0;
  releaseAllLeases = async () => {
    const released = this.leasesHeld;
    this.leasesHeld = 0;
    return released;
  };

  recordExecution = async (id: string, name: string) => {
    const current = this.records.get(id);
    if (!current) throw new ConditionalCheckFailed('The conditional request failed');
    this.records.set(id, { ...current, execution: name });
    await this.wrote('recordExecution');
  };

  /** By status in flow order, then oldest first, as the byStatus index gives them (torn ones missing). */
  unfinishedSubmissions = async () =>
    UNFINISHED_STATUSES.flatMap((status) => this.byCreated().filter((r) => r.status === status && !this.torn.has(r.id)));

  scanUnfinishedSubmissions = async () => ({
    records: this.byCreated().filter((r) => (UNFINISHED_STATUSES as readonly Status[]).includes(r.status)),
    malformed: this.malformed.map((m) => ({ ...m })),
  });

  indexedUnfinished = async () => new Map((await this.unfinishedSubmissions()).map((r) => [r.id, indexStamp(r)]));

  repairIndexEntries = async (record: Pick<SubmissionRecord, 'id' | 'status' | 'updatedAt'>) => {
    const current = this.records.get(record.id);
    if (current?.status !== record.status || current.updatedAt !== record.updatedAt) return false;
    this.torn.delete(record.id);
    await this.wrote('repairIndexEntries');
    return true;
  };

  awaitingUploadSince = async (createdBefore: string) =>
    this.byCreated().filter((r) => r.status === 'AWAITING_UPLOAD' && r.createdAt < createdBefore);

  deleteSubmissionIfAwaiting = async (id: string) => {
    if (this.records.get(id)?.status !== 'AWAITING_UPLOAD') return false;
    this.records.delete(id);
    await this.wrote('deleteSubmission');
    return true;
  };

  getCoverClaim = async (sha256: string) => {
    const c = this.claims.get(sha256);
    return c && { ...c };
  };

  private readonly claimPrimitives: ClaimPrimitives = {
    now: () => this.clock.now(),
    getClaim: this.getCoverClaim,
    getSubmission: this.getSubmission,
    putClaim: async (claim, from) => {
      const current = this.claims.get(claim.sha256);
      const allowed = from === undefined ? !current || current.submissionId === claim.submissionId : current?.submissionId === from;
      if (!allowed) return false;
      this.claims.set(claim.sha256, { ...claim });
      await this.wrote('claimCover');
      return true;
    },
  };

  claimCover = (sha256: string, submissionId: string) => claimWith(this.claimPrimitives, sha256, submissionId);

  releaseCover = async (sha256: string, submissionId: string) => {
    if (this.claims.get(sha256)?.submissionId !== submissionId) return false;
    this.claims.delete(sha256);
    await this.wrote('releaseCover');
    return true;
  };

  private byCreated(): SubmissionRecord[] {
    return [...this.records.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((r) => SubmissionRecord.parse(structuredClone(r)));
  }
}

/** Numbering counters: one number per owner, never moved without an owner; a start set only before any number. */
export class FakeCounterStore extends WriteLog implements Pick<CounterStore, 'allocate' | 'setCounterStart' | 'getCounter'> {
  private readonly counters = new Map<string, Counter>();
  constructor(private readonly clock = new FakeClock()) {
    super();
  }

  allocate = async (name: string, owner: string, start: number, step = 1) => {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = { next: start, first: start, claims: {}, history: [] };
      this.counters.set(name, counter);
      await this.wrote(`createCounter:${name}`);
    }
    const mine = counter.claims[owner];
    if (mine !== undefined) return mine;
    const taken = counter.next;
    counter.claims[owner] = taken;
    counter.next += step;
    await this.wrote(`allocate:${name}`);
    return taken;
  };

  setCounterStart = async (name: string, start: number, by: string) => {
    const counter = this.counters.get(name);
    if (counter && counter.next !== counter.first) {
      throw new Conflict(`${name} has already issued numbers from ${counter.first ?? '?'} to ${counter.next - 1}; its start can no longer change`);
    }
    const next: Counter = {
      next: start, first: start, claims: counter?.claims ?? {},
      history: [...(counter?.history ?? []), { at: this.clock.now(), action: 'series-start', start, by }],
    };
    this.counters.set(name, next);
    await this.wrote(`setCounterStart:${name}`);
    return Counter.parse(structuredClone(next));
  };

  getCounter = async (name: string) => {
    const c = this.counters.get(name);
    return c && Counter.parse(structuredClone(c));
  };
}

/** Published documents by symbol; a session's come back by agenda item, then series and number (the bySession index's order). */
export class FakeDocumentStore implements Pick<DocumentStore, 'getDocument' | 'getDocuments' | 'putDocument' | 'listSessionDocuments'> {
  private readonly documents = new Map<string, DocumentRecord>();
  readonly sessionQueries: string[] = [];

  putDocument = async (d: DocumentRecord) => {
    this.documents.set(d.symbol, DocumentRecord.parse(structuredClone(d)));
  };

  getDocument = async (symbol: string) => {
    const d = this.documents.get(symbol);
    return d && DocumentRecord.parse(structuredClone(d));
  };

  getDocuments = async (symbols: readonly string[]) =>
    symbols.flatMap((s) => {
      const d = this.documents.get(s);
      return d ? [DocumentRecord.parse(structuredClone(d))] : [];
    });

  listSessionDocuments = async (body: string, session: number) => {
    this.sessionQueries.push(`${body}#${session}`);
    const sortKey = (d: DocumentRecord) => `${String(d.agendaItem).padStart(3, '0')}#${d.series}#${String(d.number).padStart(7, '0')}`;
    return [...this.documents.values()].filter((d) => d.body === body && d.session === session)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
      .map((d) => DocumentRecord.parse(structuredClone(d)));
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The intake bucket: uploads and verified copies by key. `check` compares what was uploaded with
 * the declaration as the real one does — missing, size, sha256, then the type told from the bytes —
 * and names the file by its submitted name; `keepVerified` copies the bytes it checked.
 */
export class FakeFiles implements Pick<Files, 'check' | 'isVerified' | 'keepVerified' | 'uploadedKeys' | 'verifiedKeys' | 'deleteUpload' | 'presignUpload' | 'tagStored'> {
  readonly objects = new Map<string, Uint8Array>();
  /** key → its tags, as tagStored set them on the upload and its verified copy. */
  readonly tags = new Map<string, Record<string, string>>();
  readonly presigned: { key: string; expiresIn: number }[] = [];
  readonly deleted: string[] = [];
  readonly checked: string[] = [];
  /** Makes the next presignUpload fail, as S3 credentials that cannot sign would. */
  presignFailure?: Error;

  upload(key: string, bytes: Uint8Array): this {
    this.objects.set(key, bytes);
    return this;
  }

  /** Called after keepVerified read a file and before it writes the copy: a later PUT lands here. */
  beforeKeep?: (file: StoredFile) => void | Promise<void>;

  check = async (file: StoredFile): Promise<FileCheck> => {
    this.checked.push(file.key);
    return this.judge(file, this.objects.get(file.key));
  };

  tagStored = async (file: StoredFile, tags: Record<string, string>) => {
    for (const key of [file.key, verifiedKey(file)]) {
      if (!this.objects.has(key)) throw new Error(`NoSuchKey: ${key}`);
      this.tags.set(key, tags);
    }
  };

  isVerified = async (file: StoredFile) => this.objects.get(verifiedKey(file))?.length === file.size;

  keepVerified = async (file: StoredFile): Promise<FileCheck> => {
    const bytes = this.objects.get(file.key);
    const check = this.judge(file, bytes);
    await this.beforeKeep?.(file);
    if (check.ok) this.objects.set(verifiedKey(file), bytes!);
    return check;
  };

  private judge(file: StoredFile, bytes: Uint8Array | undefined): FileCheck {
    if (!bytes) return { ok: false, missing: true, reason: `${file.name} has not been uploaded` };
    if (bytes.length !== file.size) return { ok: false, missing: false, reason: `${file.name} has ${bytes.length} bytes; ${file.size} were declared` };
    const digest = sha256(bytes);
    if (digest !== file.sha256) return { ok: false, missing: false, reason: `${file.name} does not match its sha256: its bytes hash to ${digest}` };
    const sniffer = new FileSniffer();
    sniffer.update(bytes);
    const mismatch = typeMismatch(file.contentType, sniffer.detect());
    return mismatch ? { ok: false, missing: false, reason: `${file.name} ${mismatch}` } : { ok: true };
  }

  uploadedKeys = async (submissionId: string) =>
    [...this.objects.keys()].filter((k) => k.startsWith(intakePrefix(submissionId))).sort();

  verifiedKeys = async (submissionId: string) =>
    [...this.objects.keys()].filter((k) => k.startsWith(verifiedPrefix(submissionId))).sort();

  deleteUpload = async (key: string) => {
    this.objects.delete(key);
    this.deleted.push(key);
  };

  presignUpload = async (file: StoredFile, expiresIn: number) => {
    if (this.presignFailure) throw this.presignFailure;
    this.presigned.push({ key: file.key, expiresIn });
    return { method: 'PUT' as const, url: `https://intake.example/${file.key}?expires=${expiresIn}`, headers: { 'content-type': file.contentType } };
  };
}

interface Execution {
  name: string;
  input: string;
  status: ExecutionStatus;
}

/**
 * Step Functions as receive and resume-stalled meet it: an execution's name is its identity for
 * ever; StartExecution with the name of a running execution and the same input answers that
 * execution, anything else under a used name is ExecutionAlreadyExists.
 */
export class FakeStepFunctions implements ExecutionRunner {
  readonly executions = new Map<string, Execution>();
  readonly started: string[] = [];
  constructor(readonly stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:circulate') {}

  arnOf(name: string) {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  }

  /** An execution that exists already (started by an earlier run), in the given status. */
  seed(name: string, status: ExecutionStatus, input = JSON.stringify({ submissionId: name })): this {
    this.executions.set(name, { name, input, status });
    return this;
  }

  /** The input of every execution started by this fake, in order. */
  inputs(): unknown[] {
    return this.started.map((name) => JSON.parse(this.executions.get(name)!.input));
  }

  send(command: DescribeExecutionCommand): Promise<DescribeExecutionCommandOutput>;
  send(command: StartExecutionCommand): Promise<StartExecutionCommandOutput>;
  async send(command: DescribeExecutionCommand | StartExecutionCommand): Promise<DescribeExecutionCommandOutput | StartExecutionCommandOutput> {
    const $metadata = {};
    if (command instanceof DescribeExecutionCommand) {
      const e = [...this.executions.values()].find((x) => this.arnOf(x.name) === command.input.executionArn);
      if (!e) throw new ExecutionDoesNotExist({ message: `Execution Does Not Exist: '${command.input.executionArn}'`, $metadata });
      return { $metadata, executionArn: this.arnOf(e.name), stateMachineArn: this.stateMachineArn, name: e.name, status: e.status, input: e.input, startDate: new Date(0) };
    }
    if (command.input.stateMachineArn !== this.stateMachineArn) throw new Error(`No state machine ${command.input.stateMachineArn}`);
    const name = command.input.name ?? `unnamed-${this.executions.size + 1}`;
    const input = command.input.input ?? '{}';
    const existing = this.executions.get(name);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return { $metadata, executionArn: this.arnOf(name), startDate: new Date(0) };
      throw new ExecutionAlreadyExists({ message: `Execution Already Exists: '${this.arnOf(name)}'`, $metadata });
    }
    this.executions.set(name, { name, input, status: 'RUNNING' });
    this.started.push(name);
    return { $metadata, executionArn: this.arnOf(name), startDate: new Date(0) };
  }
}
