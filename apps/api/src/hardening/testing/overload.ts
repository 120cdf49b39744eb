/** An answer as the hardening specs record it. */
export interface HttpAnswer {
  status: number;
  retryAfter: string | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/**
 * A clean answer for a server that cannot serve now: HTTP 503 with Retry-After, and only
 * INTERNAL_SERVER_ERROR errors whose reason says why, OVERLOADED (past the api's limit of
 * requests at once, load-shedding/) or DATABASE_UNAVAILABLE (PostgreSQL down). Retrying later,
 * with the same commandId for a mutation, is the client's remedy. Any other 5xx is a failure.
 */
export function isRetryLater(answer: HttpAnswer, reasons: readonly ('OVERLOADED' | 'DATABASE_UNAVAILABLE')[]): boolean {
  return (
    answer.status === 503 &&
    answer.retryAfter !== null &&
    /^\d+$/.test(answer.retryAfter) &&
    !!answer.errors?.length &&
    answer.errors.every((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' && (reasons as readonly string[]).includes(error.extensions.reason ?? ''))
  );
}
