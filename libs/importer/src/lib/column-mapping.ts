/**
 * How the columns of an export become fields of a contract event. One rule per field:
 *   `survey.score=nps:number`   take column `nps`, as a number
 *   `survey.metric=const:NPS`   a constant
 *   `customer.email=email`      take column `email`, as text (empty cells are left out)
 * Types: text (default), number, integer, boolean, datetime (anything Date.parse reads, written as ISO 8601).
 */
export type ValueType = 'text' | 'number' | 'integer' | 'boolean' | 'datetime';

export type MappingRule =
  | { readonly path: readonly string[]; readonly kind: 'column'; readonly column: string; readonly type: ValueType }
  | { readonly path: readonly string[]; readonly kind: 'const'; readonly value: string };

const TYPES: readonly ValueType[] = ['text', 'number', 'integer', 'boolean', 'datetime'];

export function parseMappingRule(spec: string): MappingRule {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new Error(`mapping "${spec}" must look like field.path=column[:type] or field.path=const:VALUE`);
  const path = spec.slice(0, eq).trim().split('.');
  const source = spec.slice(eq + 1).trim();
  if (path.some((p) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(p))) throw new Error(`mapping "${spec}": bad field path`);
  if (source.startsWith('const:')) return { path, kind: 'const', value: source.slice('const:'.length) };
  const colon = source.lastIndexOf(':');
  const maybeType = colon > 0 ? source.slice(colon + 1) : '';
  if ((TYPES as readonly string[]).includes(maybeType)) {
    return { path, kind: 'column', column: source.slice(0, colon), type: maybeType as ValueType };
  }
  return { path, kind: 'column', column: source, type: 'text' };
}

export type MappedRow = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

function convert(raw: string, type: ValueType, column: string): unknown {
  switch (type) {
    case 'text':
      return raw;
    case 'number': {
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) throw new Error(`column ${column}: "${raw}" is not a number`);
      return n;
    }
    case 'integer': {
      const n = Number(raw);
      if (!Number.isInteger(n)) throw new Error(`column ${column}: "${raw}" is not a whole number`);
      return n;
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (['true', 'yes', '1', 'y'].includes(v)) return true;
      if (['false', 'no', '0', 'n'].includes(v)) return false;
      throw new Error(`column ${column}: "${raw}" is not true/false`);
    }
    case 'datetime': {
      const t = Date.parse(raw);
      if (Number.isNaN(t)) throw new Error(`column ${column}: "${raw}" is not a date and time`);
      return new Date(t).toISOString();
    }
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

/** Applies the rules to one row (column name → cell text); constants fill fixed fields. */
export function mapRow(row: Readonly<Record<string, string | undefined>>, rules: readonly MappingRule[]): MappedRow {
  const value: Record<string, unknown> = {};
  try {
    for (const rule of rules) {
      if (rule.kind === 'const') {
        setPath(value, rule.path, rule.value);
        continue;
      }
      if (!(rule.column in row)) return { ok: false, reason: `column ${rule.column} is missing` };
      const cell = row[rule.column];
      if (cell === undefined || cell.trim() === '') continue;
      setPath(value, rule.path, convert(cell, rule.type, rule.column));
    }
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return { ok: true, value };
}
