import { mapRow, parseMappingRule } from './column-mapping';

describe('column mapping', () => {
  const rules = [
    'externalId=response_id',
    'occurredAt=submitted:datetime',
    'customer.email=email',
    'survey.metric=const:NPS',
    'survey.score=nps:integer',
    'survey.comment=comment',
  ].map(parseMappingRule);

  it('builds a nested event from a row, leaving empty cells out', () => {
    expect(mapRow({ response_id: 'r1', submitted: '2026-11-01 10:00:00Z', email: 'a@b.c', nps: '9', comment: '' }, rules)).toEqual({
      ok: true,
      value: {
        externalId: 'r1',
        occurredAt: '2026-11-01T10:00:00.000Z',
        customer: { email: 'a@b.c' },
        survey: { metric: 'NPS', score: 9 },
      },
    });
  });

  it('names the column and value that could not be read', () => {
    expect(mapRow({ response_id: 'r1', submitted: 'soon', email: '', nps: '9', comment: '' }, rules)).toEqual({
      ok: false,
      reason: 'column submitted: "soon" is not a date and time',
    });
    expect(mapRow({ response_id: 'r1', submitted: '2026-11-01', email: '', nps: 'nine', comment: '' }, rules)).toEqual({
      ok: false,
      reason: 'column nps: "nine" is not a whole number',
    });
    expect(mapRow({ submitted: '2026-11-01' }, rules)).toEqual({ ok: false, reason: 'column response_id is missing' });
  });

  it('reads types and refuses malformed rules', () => {
    expect(parseMappingRule('social.isPublic=public:boolean')).toEqual({ path: ['social', 'isPublic'], kind: 'column', column: 'public', type: 'boolean' });
    expect(parseMappingRule('crm.text=notes:with:colons')).toEqual({ path: ['crm', 'text'], kind: 'column', column: 'notes:with:colons', type: 'text' });
    expect(() => parseMappingRule('nothing')).toThrow('must look like');
  });
});
