import { ObjectType } from '@nestjs/graphql';
import { connectionType } from '../pagination/connection.model';
import { Theme } from './theme.model';

@ObjectType({ description: 'A page of themes in the order asked for.' })
export class ThemeConnection extends connectionType(Theme, 'Theme') {}
