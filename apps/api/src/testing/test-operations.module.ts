import { Module } from '@nestjs/common';
import { Args, Context, Field, Int, Mutation, ObjectType, Query, Resolver, Subscription } from '@nestjs/graphql';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '@tracker/domain';
import { IdempotencyViolationError, WrongExpectedVersionError } from '@tracker/event-store';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/roles';
import { Connection, PageArgs, pageRequest, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/graphql-context';
import { GraphQLDate, GraphQLDateTime, GraphQLDecimal, GraphQLJSON } from '../graphql/scalars';

/**
 * Test-only operations that exercise the plumbing (auth, scalars, errors, pagination,
 * limits) before the contract's resolvers exist. Plugged in with createApp's extraModules;
 * never part of the served schema.
 */
@ObjectType()
class TestCaller {
  @Field() subject: string;
  @Field(() => [String]) roles: string[];
  @Field() requestId: string;
  @Field() correlationId: string;
}

@ObjectType()
class TestEcho {
  @Field(() => GraphQLDate, { nullable: true }) date?: string;
  @Field(() => GraphQLDateTime, { nullable: true }) dateTime?: Date;
  @Field(() => GraphQLDecimal, { nullable: true }) decimal?: string;
  @Field(() => GraphQLJSON, { nullable: true }) json?: unknown;
}

@ObjectType()
class TestItem {
  @Field(() => Int) n: number;
}

@ObjectType()
class TestItemConnection extends Connection(TestItem) {}

@ObjectType()
class TestNode {
  @Field(() => Int) level: number;
  @Field(() => TestNode) child: TestNode;
  @Field(() => [TestNode]) children: TestNode[];
  @Field(() => TestItemConnection) items: TestItemConnection;
}

const node = (level: number): TestNode =>
  ({
    level,
    get child() {
      return node(level + 1);
    },
    children: [],
    items: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 },
  }) as TestNode;

const ITEMS = Array.from({ length: 250 }, (_, i) => ({ n: i + 1 }));

@Resolver()
class TestOperationsResolver {
  @Query(() => TestCaller)
  testCaller(@CurrentUser() user: AuthUser, @Context() context: GraphQLContext): TestCaller {
    return { subject: user.subject, roles: user.roles, requestId: context.requestId, correlationId: context.correlationId };
  }

  @Query(() => TestEcho)
  testEcho(
    @Args('date', { type: () => GraphQLDate, nullable: true }) date?: string,
    @Args('dateTime', { type: () => GraphQLDateTime, nullable: true }) dateTime?: Date,
    @Args('decimal', { type: () => GraphQLDecimal, nullable: true }) decimal?: string,
    @Args('json', { type: () => GraphQLJSON, nullable: true }) json?: unknown,
  ): TestEcho {
    return { date, dateTime, decimal, json };
  }

  @Query(() => TestEcho, { description: 'Returns values the scalars must refuse to serialise.' })
  testBadOutput(@Args('what') what: string): TestEcho {
    return what === 'decimal' ? { decimal: 0.1 as unknown as string } : { date: new Date() as unknown as string };
  }

  @Query(() => TestItemConnection)
  testItems(@Args() page: PageArgs): TestItemConnection {
    const request = pageRequest(page, (value): value is [number] => Array.isArray(value) && Number.isInteger(value[0]));
    const after = request.after?.[0] ?? 0;
    const rows = ITEMS.filter((item) => item.n > after).slice(0, request.limit + 1);
    return toConnection(rows, request, (item) => [item.n], ITEMS.length);
  }

  @Query(() => TestNode)
  testTree(): TestNode {
    return node(1);
  }

  @Query(() => Boolean)
  testFail(@Args('kind') kind: string): boolean {
    switch (kind) {
      case 'validation':
        throw new ValidationError('endsOn 2019-12-01 is before startsOn 2019-12-16', 'endsOn');
      case 'not-found':
        throw new NotFoundError('Program', 'p-1', 'programId');
      case 'conflict':
        throw new ConflictError('the partner was already added');
      case 'transition':
        throw new ForbiddenTransitionError('a completed program cannot be put on hold', 'COMPLETED', 'ON_HOLD');
      case 'version':
        throw new WrongExpectedVersionError('program-p-1', 3, 5);
      case 'idempotency':
        throw new IdempotencyViolationError('0b6a1f5e-0000-4000-8000-000000000000', 'stored with other content');
      default:
        throw new Error('relation "secret_table" does not exist: select * from secret_table');
    }
  }

  @Query(() => Boolean, { description: 'Has no access rule: refused to everyone.' })
  testWithoutRule(): boolean {
    return true;
  }

  @Subscription(() => Int)
  async *testTicks(@Args('count', { type: () => Int }) count: number, @CurrentUser() _user: AuthUser): AsyncGenerator<{ testTicks: number }> {
    for (let tick = 1; tick <= count; tick += 1) yield { testTicks: tick };
  }

  @Mutation(() => String)
  testPlannerWrite(@CurrentUser() user: AuthUser): string {
    return user.subject;
  }
}

@Module({ providers: [TestOperationsResolver] })
export class TestOperationsModule {}

export const TEST_ACCESS_RULES: Record<string, readonly string[]> = {
  'Query.testCaller': ['diplomat', 'planner', 'auditor', 'admin'],
  'Query.testEcho': ['diplomat', 'planner', 'auditor', 'admin'],
  'Query.testBadOutput': ['diplomat', 'planner', 'auditor', 'admin'],
  'Query.testItems': ['diplomat', 'planner', 'auditor', 'admin'],
  'Query.testTree': ['diplomat', 'planner', 'auditor', 'admin'],
  'Query.testFail': ['diplomat', 'planner', 'auditor', 'admin'],
  'Mutation.testPlannerWrite': ['planner', 'admin'],
  'Subscription.testTicks': ['planner', 'auditor', 'admin'],
};
