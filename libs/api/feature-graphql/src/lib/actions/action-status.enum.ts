import { registerEnumType } from '@nestjs/graphql';

export enum ActionStatusValue {
  PROPOSED = 'proposed',
  PLANNED = 'planned',
  IN_PROGRESS = 'in_progress',
  SHIPPED = 'shipped',
  ANNOUNCED = 'announced',
  DECLINED = 'declined',
}

registerEnumType(ActionStatusValue, {
  name: 'ActionStatus',
  description:
    'proposed → planned → in progress → shipped → announced; declined (with a reason) can be announced too.',
});
