/** The text of anything thrown: an Error's message, or the value itself, for showing to the user. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
