/**
 * Every Lambda of Circulate, by name: its code is `functions/<name>/handler.ts`. CDK makes one
 * function per entry; the embedded stack loads the same handlers in process.
 */
export const STEP_FUNCTIONS = {
  /** ASL state name → function name; the ASL placeholder is `${<State>FunctionArn}`. */
  Register: 'register',
  ExtractText: 'extract-text',
  AssignSymbol: 'assign-symbol',
  TagTranslationStatus: 'tag-translation-status',
  // Both paths: the version the submission issues, as a PDF.
  Typeset: 'typeset',
  Publish: 'publish',
  RenderLists: 'render-lists',
  // The translation path: a language version of a published document, arriving later.
  TagTranslation: 'tag-translation',
  PublishTranslation: 'publish-translation',
  MarkFailed: 'mark-failed',
} as const;

export type StepState = keyof typeof STEP_FUNCTIONS;

/** Each step function's Lambda timeout, in seconds; the embedded stack stops waiting for a step after as long. */
export const STEP_TIMEOUT_SECONDS: Record<StepState, number> = {
  Register: 30,
  // Reads every file of a submission (at most the size limit each) and extracts its text.
  ExtractText: 120,
  AssignSymbol: 30,
  TagTranslationStatus: 30,
  // Loading the fonts (≈ 30 MB) on a cold start, then typesetting and embedding every received page.
  Typeset: 120,
  // Publishing renders pages and copies every file of a document.
  Publish: 120,
  // Not longer than a list writer's lease (LIST_TIMING.leaseMs, checked by test/unit/render-lists):
  // a writer is dead before another can take its lease.
  RenderLists: 60,
  TagTranslation: 30,
  PublishTranslation: 120,
  MarkFailed: 30,
};

export interface Route {
  method: 'GET' | 'POST';
  /** API Gateway resource path; `{x}` is a path parameter, `{x+}` a greedy one. */
  path: string;
  fn: string;
  /** Staff routes need a staff identity (Cognito in AWS, the bearer token locally). */
  staff: boolean;
  /**
   * The largest body the route takes, in bytes, when it is not the default JSON one (1 MB locally):
   * a route that takes a file lets the file through to its function, which answers 413 past its own limit.
   */
  maxBodyBytes?: number;
}

/**
 * Bodies API Gateway hands to the functions base64-encoded (`isBase64Encoded`), as the REST API's
 * binaryMediaTypes: the file types a cover note may have, for `POST /api/proposals`. The local
 * gateway does the same for the same types. JSON routes decode either (jsonBody).
 */
export const BINARY_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
] as const;

/** What Lambda takes in one synchronous invocation: the most a binary route's event can carry. */
export const LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;

export const ROUTES: readonly Route[] = [
  { method: 'POST', path: '/api/submissions', fn: 'create-submission', staff: true },
  { method: 'GET', path: '/api/submissions', fn: 'list-submissions', staff: true },
  { method: 'GET', path: '/api/submissions/{id}', fn: 'get-submission', staff: true },
  { method: 'POST', path: '/api/submissions/{id}/redrive', fn: 'redrive-submission', staff: true },
  // Not under /api/documents/{symbol+}: a greedy parameter takes the rest of the path.
  { method: 'POST', path: '/api/translations/{symbol+}', fn: 'create-translation', staff: true },
  { method: 'POST', path: '/api/reissues/{symbol+}', fn: 'create-reissue', staff: true },
  { method: 'GET', path: '/api/documents/{symbol+}', fn: 'get-document', staff: false },
  { method: 'GET', path: '/api/sessions/{body}/{session}/documents', fn: 'list-session-documents', staff: false },
  { method: 'POST', path: '/api/admin/series-start', fn: 'set-series-start', staff: true },
  { method: 'GET', path: '/api/admin/series/{series+}', fn: 'get-series', staff: true },
  // A cover note's bytes → the metadata its text proposes; reads and writes nothing stored.
  { method: 'POST', path: '/api/proposals', fn: 'propose', staff: true, maxBodyBytes: LAMBDA_PAYLOAD_BYTES },
];

/** The S3 ObjectCreated handler on the intake bucket. */
export const RECEIVE_FUNCTION = 'receive';

/** Functions run on a schedule: an EventBridge rule in AWS, a timer in the embedded stack. */
export const SCHEDULED_FUNCTIONS = {
  /** Deletes submissions whose files never arrived, and whatever of them did. */
  ExpireSubmissions: 'expire-submissions',
  /** Drives on submissions whose workflow ended without recording PUBLISHED or FAILED. */
  ResumeStalled: 'resume-stalled',
} as const;

export const ALL_FUNCTIONS: readonly string[] = [
  RECEIVE_FUNCTION,
  ...Object.values(STEP_FUNCTIONS),
  ...Object.values(SCHEDULED_FUNCTIONS),
  ...ROUTES.map((r) => r.fn),
];

export const STATE_MACHINE_FILE = 'state-machines/circulate.asl.json';

/** Placeholder names in the ASL file, e.g. `${PublishFunctionArn}`. */
export function functionArnPlaceholder(state: StepState): string {
  return `${state}FunctionArn`;
}
