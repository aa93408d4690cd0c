import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ZoomRole } from '../../zoom/types.js';

@ObjectType({ simpleResolvers: true, description: 'A role of the account: "0" owner, "1" admin, "2" member, or a custom role.' })
export class Role {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true })
  totalMembers!: number | null;

  static from(r: ZoomRole): Role {
    return { id: r.id, name: r.name, description: r.description || null, totalMembers: r.total_members ?? null };
  }
}
