import { isUuid } from '@closedloop/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Connection } from '../pagination/connection.model';
import { timestampKeysetPage } from '../pagination/timestamp-keyset-page';
import type { CustomerFilterInput } from './customer-filter.input';
import type { Customer } from './customer.model';

const MAX_SEARCH = 200;

interface CustomerRow {
  id: string;
  email: string | null;
  name: string | null;
  unsubscribed_at: Date | null;
  feedback_count: string;
}

const CUSTOMER_COLUMNS = `c.id, c.email, c.name, c.unsubscribed_at,
  (SELECT count(*) FROM feedback fc WHERE fc.customer_id = c.id) AS feedback_count`;

const toCustomer = (row: CustomerRow): Customer => ({
  id: row.id,
  email: row.email,
  name: row.name,
  unsubscribedAt: row.unsubscribed_at ? new Date(row.unsubscribed_at) : null,
  feedbackCount: Number(row.feedback_count),
});

/** Customers for the portal: a searchable list, one customer, and how much each said. */
@Injectable()
export class CustomerService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first by (created_at, id); the feedback count of a page's customers by index. */
  async page(
    filter: CustomerFilterInput | null | undefined,
    first: number,
    after: string | null | undefined,
    withTotal: boolean,
  ): Promise<Connection<Customer>> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > MAX_SEARCH) {
        throw apiError('BAD_USER_INPUT', `filter.search is longer than ${MAX_SEARCH} characters`, {
          field: 'filter.search',
        });
      }
      params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(`(c.email ILIKE $${params.length} OR c.name ILIKE $${params.length})`);
    }
    if (filter?.source) {
      params.push(filter.source);
      conditions.push(
        `EXISTS (SELECT 1 FROM feedback fs WHERE fs.customer_id = c.id AND fs.source = $${params.length})`,
      );
    }
    return timestampKeysetPage<CustomerRow, Customer>(
      this.dataSource,
      {
        columns: CUSTOMER_COLUMNS,
        from: 'FROM customers c',
        countFrom: 'FROM customers c',
        keyColumn: 'c.created_at',
        idColumn: 'c.id',
        conditions,
        params,
      },
      { first, after, withTotal },
      toCustomer,
    );
  }

  async byId(id: string): Promise<Customer | null> {
    if (!isUuid(id)) return null;
    const rows: CustomerRow[] = await this.dataSource.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  async feedbackCount(customerId: string): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(
      'SELECT count(*) AS n FROM feedback WHERE customer_id = $1',
      [customerId],
    );
    return Number(row?.n ?? 0);
  }
}
