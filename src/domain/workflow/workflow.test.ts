import { describe, expect, it } from 'vitest';
import { canSee, visibilityScope } from './access.js';
import { canEditForm, canReview, findTransition, formStatuses, nextStatuses, roles, transitions } from './workflow.js';

describe('workflow', () => {
  it('has exactly the edges draft → submitted → returned | approved → accepted → published', () => {
    expect(transitions.map((t) => `${t.from}>${t.to}:${t.role}`)).toEqual([
      'draft>submitted:filler',
      'returned>submitted:filler',
      'submitted>returned:reviewer',
      'submitted>approved:reviewer',
      'approved>returned:finance',
      'approved>accepted:finance',
      'accepted>published:finance',
    ]);
    expect(findTransition('draft', 'published')).toBeNull();
    expect(findTransition('submitted', 'returned')?.commentRequired).toBe(true);
  });

  it('gives auditors and admins no edges and nothing to edit or review', () => {
    for (const s of formStatuses)
      for (const r of ['auditor', 'admin'] as const) {
        expect(nextStatuses(r, s)).toEqual([]);
        expect(canEditForm(r, s)).toBe(false);
        expect(canReview(r, s)).toBe(false);
      }
  });

  it('lets the unit edit only drafts and returned forms; review only in the reviewer’s stage', () => {
    expect(formStatuses.filter((s) => canEditForm('filler', s))).toEqual(['draft', 'returned']);
    expect(formStatuses.filter((s) => canReview('reviewer', s))).toEqual(['submitted']);
    expect(formStatuses.filter((s) => canReview('finance', s))).toEqual(['approved']);
    expect(nextStatuses('reviewer', 'submitted')).toEqual(['returned', 'approved']);
  });

  it('scopes visibility by unit for fillers, by department for reviewers, all for the rest', () => {
    const form = { unitId: 'u1', departmentId: 'd1' };
    expect(canSee({ role: 'filler', orgId: 'u1' }, form)).toBe(true);
    expect(canSee({ role: 'filler', orgId: 'u2' }, form)).toBe(false);
    expect(canSee({ role: 'filler', orgId: null }, form)).toBe(false);
    expect(canSee({ role: 'reviewer', orgId: 'd1' }, form)).toBe(true);
    expect(canSee({ role: 'reviewer', orgId: 'u1' }, form)).toBe(false);
    for (const role of roles.filter((r) => r !== 'filler' && r !== 'reviewer')) {
      expect(canSee({ role, orgId: null }, form)).toBe(true);
      expect(visibilityScope({ role, orgId: null })).toBeNull();
    }
    expect(visibilityScope({ role: 'filler', orgId: null })).toEqual({ column: 'unit', orgId: '' });
  });
});
