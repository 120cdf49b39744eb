import { Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';

/**
 * PLACEHOLDER, not in the contract: a schema needs one query to build before the domain's
 * resolvers land. Delete this folder, its import in app.module.ts and its line in
 * auth/access-policy.ts once a real query exists.
 */
@Resolver()
export class PlaceholderResolver {
  @Query(() => String, { description: 'Placeholder until the contract queries land; to be removed.' })
  apiVersion(): string {
    return '0.1.0';
  }
}

@Module({ providers: [PlaceholderResolver] })
export class PlaceholderModule {}
