/** How much of a value sent by the client an error message repeats. */
export const MaxQuotedInput = 200;

/**
 * A client's value as an error message quotes it: JSON-quoted (so control characters and
 * quotes stay visible) and cut to `max` characters with the length it had, because error
 * messages are logged and shown, and a 100 MB method name must not come back whole.
 */
export function quoteInput(value: string, max = MaxQuotedInput): string {
  if (value.length <= max) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, max))}... (${value.length} characters)`;
}

/** A message that may repeat client input it did not build itself (a parser's, a schema's), cut to `max`. */
export function capMessage(message: string, max = 2 * MaxQuotedInput): string {
  return message.length <= max ? message : `${message.slice(0, max)}... (cut at ${max} of ${message.length} characters)`;
}
