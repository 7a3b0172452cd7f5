import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A question CX leads hand to front-line staff, e.g. "ask customers what slows their checkout". */
@Entity({ name: 'research_prompts' })
export class ResearchPromptEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  question!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
