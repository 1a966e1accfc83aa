/**
 * Run a data loader: produce the output bytes, write them to stdout, and on any error
 * print a clear message (file:line:column for input errors) to stderr and exit
 * non-zero, so Framework fails the build instead of publishing partial output.
 */
import { InputError } from "./text.js";

export async function emit(produce: () => Uint8Array | string | Promise<Uint8Array | string>): Promise<void> {
  try {
    const out = await produce();
    const bytes = typeof out === "string" ? new TextEncoder().encode(out) : out;
    await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
  } catch (error) {
    // a person reads this: the message, not a stack trace (KOMMUNETAL_DEBUG=1 adds the stack)
    const message =
      error instanceof InputError
        ? `Fejl i inddata: ${error.message}`
        : `Fejl: ${(error as Error).message ?? error}${process.env.KOMMUNETAL_DEBUG ? `\n${(error as Error).stack}` : ""}`;
    process.stderr.write(message + "\n");
    process.exit(1);
  }
}
