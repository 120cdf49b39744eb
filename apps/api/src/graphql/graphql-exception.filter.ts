import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands every error thrown in a resolver or guard to Apollo untouched: error-mapping.ts
 * codes it and the error-logging plugin logs it when it is a bug. Without this, Nest's
 * default filter logs each expected error (a bad token, a domain conflict) as an ERROR line.
 * HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    return super.catch(exception, host);
  }
}
