import type { Type } from '@nestjs/common';
import { ACCESS_METADATA, type AccessRule } from './access.decorator';

const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

export interface DeclaredOperation {
  /** `Query.feedbackList`, `Mutation.signIn`, ... */
  readonly operation: string;
  readonly resolver: string;
  readonly method: string;
  /** The access rule of the method (or its class); undefined when it declares none. */
  readonly rule: AccessRule | undefined;
}

/** Every Query, Mutation and Subscription the resolver classes define, with its access rule. */
export function declaredOperations(resolvers: readonly Type<unknown>[]): DeclaredOperation[] {
  const found: DeclaredOperation[] = [];
  for (const resolver of resolvers) {
    const prototype = resolver.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      const type: unknown = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler);
      if (typeof type !== 'string' || !ROOT_TYPES.has(type)) continue;
      const name =
        (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method;
      const rule =
        (Reflect.getMetadata(ACCESS_METADATA, handler) as AccessRule | undefined) ??
        (Reflect.getMetadata(ACCESS_METADATA, resolver) as AccessRule | undefined);
      found.push({ operation: `${type}.${name}`, resolver: resolver.name, method, rule });
    }
  }
  return found;
}
