import { Prisma } from '@prisma/client';
import { adapterCauseOf, type AdapterCause } from './adapter-cause';

/** The pg adapter's kinds for a database that cannot be reached or dropped the connection. */
const unreachableKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Prisma's codes for the same: server unreachable, timed out, connection closed. */
const unreachableCodes = new Set(['P1001', 'P1002', 'P1017']);
/**
 * SQLSTATE classes 08 (connection exception) and 57 (operator intervention: shutting down, crashed, starting
 * up), as the server reports them while it stops or recovers.
 */
const unavailableState = /^(08|57)/;
/** node-postgres's own errors when the server goes away mid-query (no SQLSTATE, no socket code). */
const terminated = /^Connection terminated/;

/**
 * Whether an error means PostgreSQL is down or restarting, rather than that the request was wrong: the API
 * answers 503 (try again) for these, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (unreachableCodes.has(error.code)) return true;
    return isUnavailableCause(adapterCauseOf(error));
  }
  if (error instanceof Error && error.name === 'DriverAdapterError') return isUnavailableCause(adapterCauseOf(error));
  if (error instanceof Error && terminated.test(error.message)) return true;
  // node-postgres (the upload pool) reports a server that is not listening as the socket's ECONNREFUSED.
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (unavailableState.test(code) || code === 'ECONNREFUSED');
}

function isUnavailableCause(cause: AdapterCause | undefined): boolean {
  if (!cause) return false;
  if (cause.kind && unreachableKinds.has(cause.kind)) return true;
  const state = cause.originalCode ?? cause.code;
  return typeof state === 'string' && unavailableState.test(state);
}
