import type { IngestScope } from '@closedloop/access-domain';

/** The integrator behind a request, once its API key was verified. */
export interface ApiKeyPrincipal {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly IngestScope[];
}
