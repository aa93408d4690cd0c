import { ObjectType } from 'type-graphql';
import { Connection } from '../connection.js';
import { User } from './user.type.js';

@ObjectType({ simpleResolvers: true, description: 'A page of Zoom users; cursors wrap Zoom next_page_token values.' })
export class UserConnection extends Connection('User', User) {}
