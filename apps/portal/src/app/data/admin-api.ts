import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  ApiKeysDocument,
  ChangeRoleDocument,
  CreateKeyDocument,
  CreatePersonDocument,
  DisablePersonDocument,
  EnablePersonDocument,
  PeopleDocument,
  RevokeKeyDocument,
  type ApiKeyRowFragment,
  type ApiKeyScope,
  type CreateUserInput,
  type PersonRowFragment,
  type UserRole,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

/** People and integrator API keys, for admins. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly graphql = inject(GraphqlClient);

  people(): Observable<readonly PersonRowFragment[]> {
    return this.graphql
      .request(PeopleDocument, { first: 200 })
      .pipe(map((d) => d.users.edges.map((e) => e.node)));
  }

  createPerson(input: CreateUserInput): Observable<PersonRowFragment> {
    return this.graphql.request(CreatePersonDocument, { input }).pipe(map((d) => d.createUser));
  }

  changeRole(id: string, role: UserRole): Observable<PersonRowFragment> {
    return this.graphql.request(ChangeRoleDocument, { id, role }).pipe(map((d) => d.updateUser));
  }

  setDisabled(id: string, disabled: boolean): Observable<unknown> {
    return disabled
      ? this.graphql.request(DisablePersonDocument, { id })
      : this.graphql.request(EnablePersonDocument, { id });
  }

  apiKeys(): Observable<readonly ApiKeyRowFragment[]> {
    return this.graphql.request(ApiKeysDocument).pipe(map((d) => d.apiKeys));
  }

  createKey(name: string, scopes: ApiKeyScope[]): Observable<string> {
    return this.graphql
      .request(CreateKeyDocument, { name, scopes })
      .pipe(map((d) => d.createApiKey.key));
  }

  revokeKey(id: string): Observable<unknown> {
    return this.graphql.request(RevokeKeyDocument, { id });
  }
}
