import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { buildSchema, type GraphQLResolveInfo } from 'graphql';
import pino from 'pino';
import type { GraphQLContext } from '../graphql/graphql-context';
import { ACCESS_POLICY } from './access-policy';
import { AccessGuard, authorize } from './access.guard';
import { AuthenticationError, AuthorizationError } from './auth.errors';
import type { Role } from './roles';

const caller = (...roles: Role[]): Pick<GraphQLContext, 'user'> => ({ user: { subject: 'someone', roles } });
const allowed = (operation: string, ...roles: Role[]) => {
  try {
    authorize(ACCESS_POLICY, operation, caller(...roles));
    return true;
  } catch (error) {
    if (error instanceof AuthorizationError) return false;
    throw error;
  }
};

describe('authorize', () => {
  it('answers UNAUTHENTICATED when there is no token', () => {
    expect(() => authorize(ACCESS_POLICY, 'Query.programs', { user: null })).toThrow(AuthenticationError);
  });

  it('reports the verification error of a bad token as it is', () => {
    const authError = new AuthenticationError('token has expired');
    expect(() => authorize(ACCESS_POLICY, 'Query.programs', { user: null, authError })).toThrow(authError);
  });

  it('answers FORBIDDEN for a role the operation does not allow', () => {
    expect(() => authorize(ACCESS_POLICY, 'Mutation.launchProgram', caller('diplomat'))).toThrow(
      new AuthorizationError('Mutation.launchProgram is not allowed for role diplomat'),
    );
  });

  it('answers FORBIDDEN for an operation without a rule, whatever the role', () => {
    expect(() => authorize(ACCESS_POLICY, 'Mutation.dropEverything', caller('admin'))).toThrow(AuthorizationError);
  });

  it('answers FORBIDDEN for a token that carries no known role', () => {
    expect(() => authorize(ACCESS_POLICY, 'Query.programs', caller())).toThrow('Query.programs is not allowed for roles (none)');
  });

  it('lets a caller with no role ask who they are, and nothing else', () => {
    expect(() => authorize(ACCESS_POLICY, 'Query.me', caller())).not.toThrow();
    const refused = Object.keys(ACCESS_POLICY).filter((operation) => operation !== 'Query.me' && !allowed(operation));
    expect(refused).toEqual(Object.keys(ACCESS_POLICY).filter((operation) => operation !== 'Query.me'));
  });

  it('still answers UNAUTHENTICATED to `me` without a token', () => {
    expect(() => authorize(ACCESS_POLICY, 'Query.me', { user: null })).toThrow(AuthenticationError);
  });
});

describe('the role matrix', () => {
  it('lets every role read the read models', () => {
    for (const role of ['diplomat', 'planner', 'auditor', 'admin'] as const) {
      expect(allowed('Query.programs', role)).toBe(true);
      expect(allowed('Query.organization', role)).toBe(true);
    }
  });

  it('lets a diplomat register organisations, log activities, record and correct outcomes, add and close follow-ups', () => {
    for (const operation of ['registerOrganization', 'logActivity', 'recordOutcome', 'correctOutcome', 'addFollowUp', 'closeFollowUp']) {
      expect(allowed(`Mutation.${operation}`, 'diplomat')).toBe(true);
    }
  });

  it('keeps programs, partners, agreements, status and renaming for planners', () => {
    for (const operation of ['launchProgram', 'addProgramPartner', 'changeProgramStatus', 'recordAgreement', 'renameOrganization']) {
      expect(allowed(`Mutation.${operation}`, 'diplomat')).toBe(false);
      expect(allowed(`Mutation.${operation}`, 'planner')).toBe(true);
    }
  });

  it('lets an auditor read history, as-of and verification but write nothing', () => {
    for (const operation of ['Query.programHistory', 'Query.programAsOf', 'Query.verifyHistory', 'Subscription.programHistoryAppended']) {
      expect(allowed(operation, 'auditor')).toBe(true);
      expect(allowed(operation, 'diplomat')).toBe(false);
    }
    const writes = Object.keys(ACCESS_POLICY).filter((operation) => operation.startsWith('Mutation.'));
    expect(writes.filter((operation) => allowed(operation, 'auditor'))).toEqual([]);
  });

  it('lets admin do everything', () => {
    expect(Object.keys(ACCESS_POLICY).filter((operation) => !allowed(operation, 'admin'))).toEqual([]);
  });
});

describe('AccessGuard', () => {
  const schema = buildSchema('type Query { programs: Int  program: Program } type Program { title: String } type Mutation { launchProgram: Int }');
  const guard = new AccessGuard(ACCESS_POLICY, pino({ level: 'silent' }));

  function graphqlCall(parent: 'Query' | 'Mutation' | 'Program', fieldName: string, context: Partial<GraphQLContext>) {
    const info = { schema, parentType: schema.getType(parent), fieldName } as unknown as GraphQLResolveInfo;
    const host = new ExecutionContextHost([{}, {}, context, info]);
    host.setType('graphql');
    return host;
  }

  it('refuses a root operation without a token as UNAUTHENTICATED', () => {
    expect(() => guard.canActivate(graphqlCall('Query', 'programs', { user: null }))).toThrow(AuthenticationError);
  });

  it('refuses a mutation to the wrong role as FORBIDDEN', () => {
    expect(() => guard.canActivate(graphqlCall('Mutation', 'launchProgram', caller('auditor')))).toThrow(AuthorizationError);
  });

  it('lets an allowed role through', () => {
    expect(guard.canActivate(graphqlCall('Mutation', 'launchProgram', caller('planner')))).toBe(true);
  });

  it('does not guard fields below a root operation again', () => {
    expect(guard.canActivate(graphqlCall('Program', 'title', { user: null }))).toBe(true);
  });

  it('leaves plain HTTP routes (health, metrics, GraphiQL) alone', () => {
    const http = new ExecutionContextHost([{}, {}, () => undefined]);
    http.setType('http');
    expect(guard.canActivate(http)).toBe(true);
  });
});
