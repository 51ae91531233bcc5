/**
 * Domain errors with stable names: API handlers map them to HTTP statuses, and Step Functions'
 * Retry/Catch match the name, so each class sets `name` explicitly (it must survive minification).
 */
export class DomainError extends Error {
  readonly status: number = 500;
  readonly code: string = 'Internal';
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}

export class BadRequest extends DomainError {
  override name = 'BadRequest';
  override readonly status = 400;
  override readonly code = 'BadRequest';
}

/** A string that is not a document symbol: the message says what is wrong and where (`details.at`). */
export class MalformedSymbol extends BadRequest {
  override name = 'MalformedSymbol';
}

export class UnsupportedMediaType extends DomainError {
  override name = 'UnsupportedMediaType';
  override readonly status = 415;
  override readonly code = 'UnsupportedMediaType';
}

/** A request body over the route's limit (413): the message says the limit. */
export class PayloadTooLarge extends DomainError {
  override name = 'PayloadTooLarge';
  override readonly status = 413;
  override readonly code = 'PayloadTooLarge';
}

/** A body of the right type that cannot be used as asked (422): a PDF with no text to read, a file its reader cannot open. */
export class Unprocessable extends DomainError {
  override name = 'Unprocessable';
  override readonly status = 422;
  override readonly code = 'Unprocessable';
}

export class Unauthorized extends DomainError {
  override name = 'Unauthorized';
  override readonly status = 401;
  override readonly code = 'Unauthorized';
}

export class NotFound extends DomainError {
  override name = 'NotFound';
  override readonly status = 404;
  override readonly code = 'NotFound';
}

export class Conflict extends DomainError {
  override name = 'Conflict';
  override readonly status = 409;
  override readonly code = 'Conflict';
}

/**
 * The cover note's bytes are those of a submission already accepted, and the staff did not say it is
 * a different document (`allowDuplicate`): a 409 from the API, a FAILED submission from receive.
 */
export class Duplicate extends Conflict {
  override name = 'Duplicate';
}

/** A step found the submission in a state it cannot move on from (not retried by the workflow). */
export class InvalidTransition extends DomainError {
  override name = 'InvalidTransition';
  override readonly code = 'InvalidTransition';
}

/** A file in the intake bucket is not what the submission declared. */
export class FileMismatch extends DomainError {
  override name = 'FileMismatch';
  override readonly code = 'FileMismatch';
}

/** The series counter was being created by someone else at the same moment: retry. */
export class AllocationContention extends DomainError {
  override name = 'AllocationContention';
  override readonly code = 'AllocationContention';
}

/** A symbol record already names another submission: never retried, never overwritten. */
export class SymbolConflict extends DomainError {
  override name = 'SymbolConflict';
  override readonly code = 'SymbolConflict';
}

/**
 * Publish found a verified copy that is missing or does not hash to the declared sha256: it
 * publishes nothing of it (never retried; the submission ends FAILED with the file named).
 */
export class VerifiedFileMismatch extends DomainError {
  override name = 'VerifiedFileMismatch';
  override readonly code = 'VerifiedFileMismatch';
}

/**
 * Errors a repeat may cure, as the workflow's Retry names them for every step but MarkFailed (all
 * idempotent, so a repeat is safe): the task timing out (States.Timeout,
 * the function's own timeout as Sandbox.Timedout or Lambda.Unknown), the AWS SDK giving up on a
 * slow or throttled call (TimeoutError, throttling), and 5xx answers from DynamoDB and S3.
 * The ASL test checks the ASL lists exactly these.
 */
export const TRANSIENT_ERRORS = [
  'States.Timeout', 'Sandbox.Timedout', 'Lambda.Unknown', 'TimeoutError', 'ThrottlingException',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'InternalServerError', 'InternalError',
  'ServiceUnavailable', 'SlowDown',
] as const;
