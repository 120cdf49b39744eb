import { Field, InputType, ObjectType } from '@nestjs/graphql';

/** A name or title in Thai, English and Chinese; any of them may be missing. */
@ObjectType('LocalizedText')
export class LocalizedText {
  @Field(() => String, { nullable: true }) th?: string | null;
  @Field(() => String, { nullable: true }) en?: string | null;
  @Field(() => String, { nullable: true }) zh?: string | null;
}

@InputType('LocalizedTextInput')
export class LocalizedTextInput {
  @Field(() => String, { nullable: true }) th?: string | null;
  @Field(() => String, { nullable: true }) en?: string | null;
  @Field(() => String, { nullable: true }) zh?: string | null;
}
