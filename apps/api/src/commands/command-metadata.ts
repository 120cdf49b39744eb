import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@tracker/domain';
import type { EventMetadata } from '@tracker/event-store';
import { AuthenticationError } from '../auth/auth.errors';
import type { GraphQLContext } from '../graphql/graphql-context';

/**
 * Metadata for a command sent from a GraphQL request: the domain's CommandMetadata (actor,
 * now, commandId, correlationId) plus causationId. The caller's commandId makes retries
 * idempotent; without one a fresh id is drawn. Events a command causes directly carry
 * causationId = commandId; correlationId comes from x-correlation-id (or the request id),
 * so one user action can be followed across services.
 */
export function commandMetadata(
  context: Pick<GraphQLContext, 'user' | 'correlationId' | 'requestId'>,
  commandId?: string | null,
  now: Date = new Date(),
): CommandMetadata & Required<Pick<EventMetadata, 'commandId' | 'correlationId' | 'causationId'>> {
  if (!context.user) throw new AuthenticationError('a command needs an authenticated caller');
  const id = commandId ?? randomUUID();
  return {
    actor: context.user.subject,
    now: now.toISOString(),
    commandId: id,
    correlationId: context.correlationId,
    causationId: id,
  };
}
