import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CustomerEntity } from './customer.entity';

/** How one source knows a customer (survey respondent id, CRM contact id, social handle …). */
@Entity({ name: 'customer_identities' })
@Index('uq_customer_identities_source_external', ['source', 'externalId'], { unique: true })
export class CustomerIdentityEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ix_customer_identities_customer')
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @ManyToOne(() => CustomerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: CustomerEntity;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;
}
