import { describe, expect, it } from 'vitest';
import { isPublicTrip, toPublicTrip } from '#app/domain/trips/public-trip.ts';
import type { Trip } from '#app/domain/trips/trip-schema.ts';

describe('the public view of a trip', () => {
  it('drops internal notes and keeps the disclosure fields', () => {
    const trip = { id: 't', title: '赴日本參訪', notes: '內部簽辦意見：請補件', members: [{ name: '林佳龍', title: '市長', agency: '市政府', role: 'leader' }], lifecycleState: 'closed' } as unknown as Trip;
    const shown = toPublicTrip(trip);
    expect(shown.notes).toBe('');
    expect(shown.title).toBe('赴日本參訪');
    expect(shown.members).toEqual(trip.members);
    expect(trip.notes).toBe('內部簽辦意見：請補件');
  });
  it('shows only published states', () => {
    expect(isPublicTrip({ lifecycleState: 'draft' })).toBe(false);
    expect(isPublicTrip({ lifecycleState: 'submitted' })).toBe(false);
    expect(isPublicTrip({ lifecycleState: 'approved' })).toBe(true);
    expect(isPublicTrip({ lifecycleState: 'closed' })).toBe(true);
    expect(isPublicTrip({ lifecycleState: 'cancelled' })).toBe(false);
  });
});
