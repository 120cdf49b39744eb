import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('Location')
export class Location {
  @Field(() => String, { nullable: true }) venue: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => String, { nullable: true }) country: string | null;
}

@InputType('LocationInput')
export class LocationInput {
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
}
