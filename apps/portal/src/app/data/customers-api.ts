import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  CustomerDetailDocument,
  CustomerListDocument,
  EraseCustomerDocument,
  type CustomerDetailQuery,
  type CustomerFilterInput,
  type CustomerRowFragment,
  type EraseCustomerMutation,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

export interface CustomerPage {
  readonly rows: readonly CustomerRowFragment[];
  readonly total: number;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export type CustomerDetail = NonNullable<CustomerDetailQuery['customer']>;
export type CustomerErasure = EraseCustomerMutation['eraseCustomer'];

/** Customers: the searchable list, one customer across sources, and GDPR erasure. */
@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly graphql = inject(GraphqlClient);

  page(first: number, after: string | null, filter: CustomerFilterInput): Observable<CustomerPage> {
    return this.graphql.request(CustomerListDocument, { first, after, filter }).pipe(
      map(({ customers }) => ({
        rows: customers.edges.map((e) => e.node),
        total: customers.totalCount,
        hasNextPage: customers.pageInfo.hasNextPage,
        endCursor: customers.pageInfo.endCursor,
      })),
    );
  }

  /** The customer with a page of their feedback (newest first), identities and notices. */
  get(id: string, first: number, after: string | null): Observable<CustomerDetail | null> {
    return this.graphql
      .request(CustomerDetailDocument, { id, first, after })
      .pipe(map((d) => d.customer));
  }

  erase(id: string): Observable<CustomerErasure> {
    return this.graphql.request(EraseCustomerDocument, { id }).pipe(map((d) => d.eraseCustomer));
  }
}
