import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { ActivitiesModule } from './activities/activities.module';
import { AgreementsModule } from './agreements/agreements.module';
import { AccessGuard } from './auth/access.guard';
import { CommandsModule } from './commands/commands.module';
import { TOKEN_VERIFIER, type TokenVerifier } from './auth/token-verifier';
import { API_OPTIONS, type ResolvedApiOptions } from './config/api-options';
import { CoreModule } from './core.module';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter';
import { graphqlOptions } from './graphql/graphql.config';
import { SubscriptionServer } from './graphql/subscription-server';
import { HealthModule } from './health/health.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { HistoryModule } from './history/history.module';
import { LOGGER, type Logger } from './logging/logger';
import { OrganizationsModule } from './organizations/organizations.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { ProgramsModule } from './programs/programs.module';
import { ReadModelModule } from './read-model/read-model.module';
import { ViewerModule } from './viewer/viewer.module';
import { WebConfigModule } from './web-config/web-config.module';

/**
 * The api's feature modules: one per aggregate, each holding its resolvers and its command
 * and query handlers as providers (@nestjs/cqrs finds the handlers in any module).
 * Add a module here, and a line per operation in auth/access-policy.ts.
 */
const FEATURE_MODULES: Type[] = [
  OrganizationsModule,
  ProgramsModule,
  AgreementsModule,
  ActivitiesModule,
  OutcomesModule,
  FollowUpsModule,
  HistoryModule,
  ViewerModule,
];

@Module({})
export class AppModule {
  static forRoot(options: ResolvedApiOptions, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options, logger),
        CqrsModule.forRoot(),
        ReadModelModule,
        CommandsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [API_OPTIONS, LOGGER, TOKEN_VERIFIER],
          useFactory: (apiOptions: ResolvedApiOptions, log: Logger, verifier: TokenVerifier) =>
            graphqlOptions(apiOptions, log, verifier),
        }),
        HealthModule,
        WebConfigModule,
        ...FEATURE_MODULES,
        ...((options.extraModules ?? []) as Type[]),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        SubscriptionServer,
      ],
    };
  }
}
