import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';
import type {
  ExperienceCell,
  LoopFlow,
  LoopFlowNode,
  OverviewRangeInput,
  SatisfactionWeek,
} from './overview.models';
import {
  experienceRows,
  loopFlowRows,
  satisfactionRows,
  type OverviewRange,
} from './overview.queries';

const MAX_SPAN_DAYS = 731;
const MAX_TOP_THEMES = 12;

const STAGE_LABELS: Readonly<Record<string, string>> = {
  'theme:other': 'Other themes',
  'theme:none': 'Not yet in a theme',
  'action:yes': 'Has an action',
  'action:no': 'No action yet',
  shipped: 'Shipped',
  told: 'Customers told',
};

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  survey: 'Survey',
  social: 'Social',
  crm: 'CRM',
  staff: 'Staff',
};

const KIND_ORDER = ['source', 'theme', 'action', 'shipped', 'told'];

/** Within a step: named themes before the other themes and the unthemed; an action before none. */
const PLACE: Readonly<Record<string, number>> = {
  'theme:other': 1,
  'theme:none': 2,
  'action:no': 1,
};

const kindOf = (id: string) => id.split(':')[0] ?? id;

/** The portal's overview: the loop as a flow, the experience map and the satisfaction trends. */
@Injectable()
export class OverviewService {
  constructor(private readonly dataSource: DataSource) {}

  async loopFlow(range: OverviewRangeInput, topThemes: number): Promise<LoopFlow> {
    const checked = this.check(range);
    if (!Number.isInteger(topThemes) || topThemes < 1 || topThemes > MAX_TOP_THEMES) {
      throw apiError('BAD_USER_INPUT', `themes must be 1 to ${MAX_TOP_THEMES}, got ${topThemes}`, {
        field: 'themes',
      });
    }
    const rows = await loopFlowRows(this.dataSource.manager, checked, topThemes);
    const nodes: LoopFlowNode[] = rows
      .filter((r) => r.row === 'node')
      .map((r) => ({
        id: r.source,
        kind: kindOf(r.source),
        label:
          STAGE_LABELS[r.source] ??
          (r.source.startsWith('theme:')
            ? (r.themeLabel ?? 'Unnamed theme')
            : (SOURCE_LABELS[r.source.slice('source:'.length)] ??
              r.source.slice('source:'.length))),
        count: r.count,
      }))
      .sort(
        (a, b) =>
          KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
          (PLACE[a.id] ?? 0) - (PLACE[b.id] ?? 0) ||
          b.count - a.count ||
          a.id.localeCompare(b.id),
      );
    const links = rows
      .filter((r) => r.row === 'link' && r.count > 0)
      .map((r) => ({ source: r.source, target: r.target as string, count: r.count }));
    const total = nodes.filter((n) => n.kind === 'source').reduce((sum, n) => sum + n.count, 0);
    return { total, nodes, links };
  }

  async experienceMap(range: OverviewRangeInput): Promise<ExperienceCell[]> {
    return experienceRows(this.dataSource.manager, this.check(range));
  }

  async satisfactionTrend(range: OverviewRangeInput): Promise<SatisfactionWeek[]> {
    return satisfactionRows(this.dataSource.manager, this.check(range));
  }

  private check(range: OverviewRangeInput): OverviewRange {
    const span = (range.to.getTime() - range.from.getTime()) / 86_400_000;
    if (!(span > 0) || span > MAX_SPAN_DAYS) {
      throw apiError(
        'BAD_USER_INPUT',
        `range.to must be after range.from, at most ${MAX_SPAN_DAYS} days`,
        { field: 'range.to' },
      );
    }
    return { from: range.from, to: range.to };
  }
}
