export const ACTION_STATUS = {
  proposed: 'proposed',
  planned: 'planned',
  inProgress: 'in_progress',
  shipped: 'shipped',
  announced: 'announced',
  declined: 'declined',
} as const;

export type ActionStatus = (typeof ACTION_STATUS)[keyof typeof ACTION_STATUS];

/**
 * The action lifecycle: proposed → planned → in progress → shipped → announced,
 * declined (with a reason) from any open state, and a decline can be announced too.
 */
const TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  proposed: ['planned', 'in_progress', 'declined'],
  planned: ['in_progress', 'declined'],
  in_progress: ['shipped', 'declined'],
  shipped: ['announced'],
  declined: ['announced'],
  announced: [],
};

export function isActionStatus(value: string): value is ActionStatus {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, value);
}

export function allowedTransitions(from: ActionStatus): readonly ActionStatus[] {
  return TRANSITIONS[from];
}
