import type { Role } from '@closedloop/access-domain';
import { SetMetadata } from '@nestjs/common';

export const ACCESS_METADATA = 'closedloop:access';

/** Who may call a GraphQL operation. Every Query, Mutation and Subscription declares one. */
export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'role'; readonly minimum: Role }
  | { readonly kind: 'ingest' };

/** Signed-in people with at least this role (viewer < cx_lead < admin); API keys are refused. */
export const Allow = (minimum: Role) =>
  SetMetadata(ACCESS_METADATA, { kind: 'role', minimum } satisfies AccessRule);

/** Integrator API keys only (rate-limited per key); signed-in people are refused. */
export const IngestOnly = () =>
  SetMetadata(ACCESS_METADATA, { kind: 'ingest' } satisfies AccessRule);

/** Anyone, signed in or not. Only for signing in. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
