import { isRole, minimumRole, roleAllows, roleAtLeast } from './roles';

describe('roles', () => {
  it('orders viewer < CX lead < admin: viewers read, CX leads change, admins administer', () => {
    expect(roleAllows('viewer', 'read')).toBe(true);
    expect(roleAllows('viewer', 'change')).toBe(false);
    expect(roleAllows('viewer', 'administer')).toBe(false);
    expect(roleAllows('cx_lead', 'read')).toBe(true);
    expect(roleAllows('cx_lead', 'change')).toBe(true);
    expect(roleAllows('cx_lead', 'administer')).toBe(false);
    expect(roleAllows('admin', 'administer')).toBe(true);
    expect(roleAllows('admin', 'change')).toBe(true);
    expect(['read', 'change', 'administer'].map((l) => minimumRole(l as 'read'))).toEqual([
      'viewer',
      'cx_lead',
      'admin',
    ]);
    expect(roleAtLeast('cx_lead', 'viewer')).toBe(true);
    expect(roleAtLeast('cx_lead', 'admin')).toBe(false);
    expect(isRole('admin')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});
