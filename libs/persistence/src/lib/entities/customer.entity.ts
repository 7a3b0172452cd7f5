import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'customers' })
@Index('ix_customers_created', ['createdAt', 'id'])
export class CustomerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Lower-cased; one customer per address. Null once erased or when the source gave none. */
  @Index('uq_customers_email', { unique: true, where: 'email IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'unsubscribed_at', type: 'timestamptz', nullable: true })
  unsubscribedAt!: Date | null;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;
}
