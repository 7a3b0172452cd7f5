import { ObjectType } from '@nestjs/graphql';
import { connectionType } from '../pagination/connection.model';
import { Feedback } from './feedback.model';

@ObjectType({ description: 'A page of feedback, newest received first.' })
export class FeedbackConnection extends connectionType(Feedback, 'Feedback') {}
