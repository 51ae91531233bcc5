/**
 * An error of the Step Functions API: the HTTP layer answers it as AWS does,
 * `400 {"__type": name, "message": …}`, which the SDK raises as an error of that name.
 */
export class ApiError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
