import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Role } from '../auth/roles';

export enum RoleValue {
  DIPLOMAT = 'DIPLOMAT',
  PLANNER = 'PLANNER',
  AUDITOR = 'AUDITOR',
  ADMIN = 'ADMIN',
}

/** A token's role (auth/roles.ts) as GraphQL names it: a role added there and not here fails to compile. */
export const ROLE_VALUES: Readonly<Record<Role, RoleValue>> = {
  diplomat: RoleValue.DIPLOMAT,
  planner: RoleValue.PLANNER,
  auditor: RoleValue.AUDITOR,
  admin: RoleValue.ADMIN,
};

registerEnumType(RoleValue, { name: 'Role', description: 'What a signed-in person may do (DESIGN.md, Auth).' });

@ObjectType('Viewer', { description: 'The signed-in caller, as their token says.' })
export class Viewer {
  @Field(() => ID, { description: "The token's subject: the actor recorded on what they change." }) subject: string;
  @Field(() => String, { nullable: true, description: "The token's display name, when it has one." }) name: string | null;
  @Field(() => [RoleValue], { description: 'Empty when the person is signed in but has not been given a role.' }) roles: RoleValue[];
  @Field(() => [String], {
    description: 'The operations these roles allow, named Type.field ("Mutation.logActivity"), from the access policy the api enforces: a client offers only these.',
  })
  operations: string[];
}
