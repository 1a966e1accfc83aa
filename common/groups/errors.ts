/**
 * The one error type of the comparison-group engine. Its message is Danish (it is shown
 * to users as is); `code` and `variables`/`kommuner` let code react to it.
 */

export type GroupsErrorCode =
  | "input" // malformed input (lengths, duplicates, unknown ids)
  | "too-few" // too few complete cases for the number of variables
  | "constant" // a variable (or the outcome) has the same value everywhere
  | "collinear" // a variable is (almost) a linear combination of others
  | "log" // a log-transformed variable has a value ≤ 0
  | "none-kept"; // backward elimination removed every variable

export class GroupsError extends Error {
  constructor(
    readonly code: GroupsErrorCode,
    message: string,
    /** ids of the variables the message is about */
    readonly variables: string[] = [],
    /** kommunekoder the message is about */
    readonly kommuner: string[] = []
  ) {
    super(message);
    this.name = "GroupsError";
  }
}
