import { ObjectType } from 'type-graphql';
import { Connection } from '../connection.js';
import { Meeting } from './meeting.type.js';

@ObjectType({ simpleResolvers: true, description: 'A page of meetings; cursors wrap Zoom next_page_token values.' })
export class MeetingConnection extends Connection('Meeting', Meeting) {}
