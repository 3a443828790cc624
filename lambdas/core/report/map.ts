/**
 * The world map of the report page, drawn once as SVG paths: Natural Earth 1:110m country shapes
 * (world-atlas, bundled at build time: an import, no file read or download at run time) projected
 * with d3-geo's Equal Earth and turned into GeoJSON by topojson-client. The page only colours the
 * paths, so it needs no map library of its own and works from file:// with no network.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export interface MapShape {
  /** ISO 3166-1 alpha-2 ("JP"), or the numeric id when it has none (Kosovo, Northern Cyprus). */
  cc: string;
  name: string;
  /** SVG path data in the MAP_WIDTH × MAP_HEIGHT box. */
  d: string;
}

/** Antarctica takes a fifth of the height and has no government to ban anything. */
const LEFT_OUT = new Set(['010']);

let shapes: MapShape[] | null = null;

export function worldShapes(): MapShape[] {
  if (shapes) return shapes;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const kept = collection.features.filter((f) => !LEFT_OUT.has(String(f.id)));
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'FeatureCollection', features: kept },
  );
  // One decimal: a tenth of a pixel at full width; halves the page's size against the default.
  const path = geoPath(projection).digits(1);
  shapes = kept
    .map((f) => {
      const id = String(f.id ?? '');
      const cc = (id && countries.numericToAlpha2(id)) || id;
      return { cc, name: f.properties?.name ?? cc, d: path(f) ?? '' };
    })
    .filter((s) => s.d);
  return shapes;
}

/** The 27 member states: an EU-wide measure shades each of them. */
export const EU_MEMBERS = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
