import { ObjectType } from '@nestjs/graphql';
import { connectionType } from '../pagination/connection.model';
import { Action } from './action.model';

@ObjectType()
export class ActionConnection extends connectionType(Action, 'Action') {}
