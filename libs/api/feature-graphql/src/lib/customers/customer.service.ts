import { isUuid } from '@closedloop/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';
import type { Connection } from '../pagination/connection.model';
import { checkPageSize, decodeCursor } from '../pagination/cursor';
import { isoKey, timestampUuidPosition } from '../pagination/sql-keys';
import { toConnection } from '../pagination/to-connection';
import type { CustomerFilterInput } from './customer-filter.input';
import type { Customer } from './customer.model';

const MAX_SEARCH = 200;

interface CustomerRow {
  id: string;
  email: string | null;
  name: string | null;
  unsubscribed_at: Date | null;
  feedback_count: string;
  sort_key: string;
}

const CUSTOMER_COLUMNS = `c.id, c.email, c.name, c.unsubscribed_at,
  (SELECT count(*) FROM feedback fc WHERE fc.customer_id = c.id) AS feedback_count,
  ${isoKey('c.created_at')} AS sort_key`;

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
    const size = checkPageSize(first);
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
    const countParams = [...params];
    const countConditions = [...conditions];
    if (after) {
      const at = timestampUuidPosition(decodeCursor(after));
      params.push(at.key, at.id);
      conditions.push(
        `(c.created_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(size + 1);
    const where = (list: string[]) => (list.length > 0 ? `WHERE ${list.join(' AND ')}` : '');
    const rows: CustomerRow[] = await this.dataSource.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers c ${where(conditions)}
       ORDER BY c.created_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    );
    const total = withTotal
      ? Number(
          (
            (await this.dataSource.query(
              `SELECT count(*) AS n FROM customers c ${where(countConditions)}`,
              countParams,
            )) as { n: string }[]
          )[0]?.n ?? 0,
        )
      : 0;
    const keys = new Map(rows.map((r) => [r.id, r.sort_key]));
    return toConnection(rows.map(toCustomer), size, total, (customer) => ({
      key: keys.get(customer.id) as string,
      id: customer.id,
    }));
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
