// Build-time only (runs inside Vite in Node): turns the bundled world-atlas TopoJSON into
// projected SVG paths keyed by ISO alpha-2 code, so the browser gets ready-made paths and
// needs neither d3-geo nor topojson-client nor a code table at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

/** What `virtual:world-map` exports as `worldMap`. */
export interface WorldMapData {
  width: number;
  height: number;
  /** Countries drawn as shapes; `code` is null for the few areas without an ISO code. */
  shapes: { code: string | null; name: string; d: string }[];
  /** Countries too small for the 1:110m map (Singapore, Hong Kong, Macau…): a point to mark them. */
  points: { code: string; name: string; x: number; y: number }[];
}

const VIRTUAL_ID = 'virtual:world-map';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const WIDTH = 960;
const HEIGHT = 470;
/** Areas whose world-atlas feature has no numeric id but do have an ISO alpha-2 code. */
const CODES_BY_NAME: Record<string, string> = { Kosovo: 'XK' };
const ANTARCTICA = '010';

type CountryFeature = Feature<Geometry, { name: string }>;

function countries(path: string): CountryFeature[] {
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology;
  const object = topology.objects['countries'];
  if (!object) throw new Error(`${path} has no "countries" object`);
  return (feature(topology, object) as FeatureCollection<Geometry, { name: string }>).features;
}

/** Builds the map data from world-atlas (1:110m shapes, 1:50m for the small countries' points). */
export function buildWorldMapData(): WorldMapData {
  const require = createRequire(import.meta.url);
  const numericToAlpha2 = new Map<string, string>((require('i18n-iso-countries/codes.json') as string[][]).map((row) => [row[2]!, row[0]!]));
  const codeOf = (f: CountryFeature): string | null => (f.id === undefined ? (CODES_BY_NAME[f.properties.name] ?? null) : (numericToAlpha2.get(String(f.id)) ?? null));

  const coarse = countries(require.resolve('world-atlas/countries-110m.json')).filter((f) => f.id !== ANTARCTICA);
  const fine = countries(require.resolve('world-atlas/countries-50m.json'));
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features: coarse });
  const path = geoPath(projection).digits(1);

  const drawn = new Set(coarse.map((f) => f.id));
  const shapes = coarse.map((f) => ({ code: codeOf(f), name: f.properties.name, d: path(f) ?? '' })).filter((s) => s.d !== '');
  const points = fine
    .filter((f) => !drawn.has(f.id) && f.id !== ANTARCTICA)
    .flatMap((f) => {
      const code = codeOf(f);
      const xy = projection(geoCentroid(f));
      return code && xy ? [{ code, name: f.properties.name, x: Math.round(xy[0] * 10) / 10, y: Math.round(xy[1] * 10) / 10 }] : [];
    });
  return { width: WIDTH, height: HEIGHT, shapes, points };
}

/** Vite plugin serving `virtual:world-map`. */
export function worldMapPlugin(): Plugin {
  return {
    name: 'mission-ledger-world-map',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? `export const worldMap = ${JSON.stringify(buildWorldMapData())};` : undefined),
  };
}
