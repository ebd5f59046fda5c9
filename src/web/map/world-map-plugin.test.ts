import { describe, expect, it } from 'vitest';
import { buildWorldMapData } from '#app/web/map/world-map-plugin.ts';

describe('buildWorldMapData', () => {
  const map = buildWorldMapData();

  it('draws the countries of the sample trips as shapes keyed by ISO alpha-2 code', () => {
    const codes = new Set(map.shapes.map((s) => s.code));
    for (const code of ['JP', 'KR', 'NL', 'DE', 'FR', 'US', 'MN', 'IL', 'MX', 'TW', 'XK']) expect(codes, code).toContain(code);
    expect(codes).not.toContain('AQ');
    const japan = map.shapes.find((s) => s.code === 'JP');
    expect(japan?.d).toMatch(/^M[\d.-]+,[\d.-]+/);
  });

  it('marks countries too small for the coarse map with a point inside the frame', () => {
    for (const code of ['SG', 'HK', 'MO']) {
      const point = map.points.find((p) => p.code === code);
      expect(point, code).toBeDefined();
      expect(point!.x).toBeGreaterThan(0);
      expect(point!.x).toBeLessThan(map.width);
      expect(point!.y).toBeGreaterThan(0);
      expect(point!.y).toBeLessThan(map.height);
    }
    // Singapore lies south-west of Hong Kong on any of these projections.
    const sg = map.points.find((p) => p.code === 'SG')!;
    const hk = map.points.find((p) => p.code === 'HK')!;
    expect(sg.x).toBeLessThan(hk.x);
    expect(sg.y).toBeGreaterThan(hk.y);
  });

  it('gives no code twice', () => {
    const codes = [...map.shapes.map((s) => s.code), ...map.points.map((p) => p.code)].filter((c) => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
