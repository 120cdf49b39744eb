import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ACCESS_POLICY, ACCESS_POLICY_TOKEN, type AccessPolicy } from './auth/access-policy';
import { TOKEN_VERIFIER, TokenVerifier } from './auth/token-verifier';
import { ReadYourWrites } from './commands/read-your-writes.service';
import { API_OPTIONS, type ResolvedApiOptions } from './config/api-options';
import { DatabaseModule } from './database/database.module';
import { LOGGER, type Logger } from './logging/logger';
import { MetricsService } from './metrics/metrics.service';

/**
 * What every module of the api may inject without importing anything: the options, the
 * logger, metrics, the token verifier, the access policy, the database pool and event store
 * (DatabaseModule), and ReadYourWrites.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: ResolvedApiOptions, logger: Logger): DynamicModule {
    const policy: AccessPolicy = { ...ACCESS_POLICY, ...options.extraAccessRules };
    return {
      module: CoreModule,
      imports: [DatabaseModule],
      providers: [
        { provide: API_OPTIONS, useValue: options },
        { provide: LOGGER, useValue: logger },
        { provide: ACCESS_POLICY_TOKEN, useValue: policy },
        {
          provide: TOKEN_VERIFIER,
          useFactory: () =>
            new TokenVerifier({
              jwtSecret: options.jwtSecret,
              secretClaims: { issuer: options.jwtIssuer, audience: options.jwtAudience },
              jwksUrl: options.jwksUrl,
              jwksClaims: { issuer: options.jwksIssuer, audience: options.jwksAudience },
              maxLifetimeSeconds: options.maxTokenLifetimeSeconds,
              rolesClaim: options.rolesClaim,
            }),
        },
        MetricsService,
        ReadYourWrites,
      ],
      exports: [API_OPTIONS, LOGGER, ACCESS_POLICY_TOKEN, TOKEN_VERIFIER, MetricsService, ReadYourWrites, DatabaseModule],
    };
  }
}
