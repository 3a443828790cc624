/**
 * The report page: one self-contained HTML file (no CDN, no font, no request of any kind; its
 * Content-Security-Policy forbids them) that works from file:// and as an S3 object. A world map
 * shaded by each country's active measures, a timeline, filters by country, vendor, measure and
 * stage, and a table with the evidence and links to the sources. The events travel as a JSON block
 * the inline script (client.ts) reads. Pure: the generation time is passed in.
 */
import { MEASURE_LABELS, STAGE_LABELS, countryName, humanDate } from '../alert.js';
import { describeEffective } from '../effective.js';
import { newestFirst } from '../event-filter.js';
import { toPublicEvent } from '../export.js';
import { STAGES, type PolicyEvent } from '../model.js';
import { REPORT_SCRIPT } from './client.js';
import { EU_MEMBERS, MAP_HEIGHT, MAP_WIDTH, worldShapes } from './map.js';

export interface ReportOptions {
  generatedAt: Date;
  /** What the page covers, e.g. "everything" or a filter's description. */
  scope?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** JSON that cannot close the script element holding it, nor open a comment or CDATA. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",sans-serif;margin:0;color:#1f2328;background:#fff}
header{padding:16px 24px 8px;border-bottom:1px solid #d0d7de}
h1{font-size:20px;margin:0}
h2{font-size:15px;margin:18px 0 8px}
main{padding:0 24px 24px;max-width:1400px}
.muted{color:#656d76}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:end;padding:12px 0;position:sticky;top:0;background:#fff;z-index:2;border-bottom:1px solid #eaeef2}
.filters label{display:flex;flex-direction:column;font-size:12px;color:#656d76;gap:2px}
.filters select{font:inherit;padding:3px 6px;min-width:150px}
.filters .check{flex-direction:row;align-items:center;gap:6px}
button{font:inherit;padding:3px 10px}
#count{margin-left:auto;font-weight:600}
.map-wrap{display:grid;grid-template-columns:1fr 220px;gap:16px;align-items:start}
#map{width:100%;height:auto;background:#f6f8fa;border-radius:6px}
#map path{fill:#eef1f4;stroke:#fff;stroke-width:.5;cursor:default}
#map path[data-count]:not([data-count="0"]){cursor:pointer}
#map path:hover{stroke:#1f2328;stroke-width:1}
.legend div{display:flex;align-items:center;gap:6px;margin:3px 0}
.legend i{display:inline-block;width:14px;height:14px;border-radius:2px}
.chip{display:inline-block;background:#f4a291;border-radius:10px;padding:0 8px;margin:2px}
#timeline svg{display:block;max-width:100%}
.tick{font-size:10px;fill:#656d76}
.row-label{font-size:11px;fill:#1f2328}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #eaeef2}
th{font-size:12px;color:#656d76;font-weight:600;position:sticky;top:52px;background:#fff}
.nowrap{white-space:nowrap}
.summary{font-weight:600}
.headline{margin-top:2px}
.evidence q{display:block;font-style:italic;color:#424a53;margin-bottom:4px}
.sources a,.sources span{display:block}
.stage{display:inline-block;border-radius:10px;padding:0 8px;color:#fff;font-size:12px;white-space:nowrap}
.stage-proposed{background:#8c959f}.stage-announced{background:#bf8700}.stage-in_force{background:#cf222e}.stage-lifted{background:#1a7f37}.stage-rejected{background:#6e7781}
footer{padding:16px 24px;color:#656d76;font-size:12px;border-top:1px solid #d0d7de}
@media (max-width:800px){.map-wrap{grid-template-columns:1fr}}
`;

export function renderReport(events: PolicyEvent[], opts: ReportOptions): string {
  const sorted = [...events].sort(newestFirst);
  const publicEvents = sorted.map((e) => {
    const p = toPublicEvent(e);
    return { ...p, effectiveText: p.effective ? describeEffective(p.effective) : null };
  });
  const countryNames: Record<string, string> = {};
  for (const e of sorted) for (const c of e.countries) countryNames[c] = countryName(c);
  for (const c of EU_MEMBERS) countryNames[c] ??= countryName(c);
  const data = {
    generatedAt: opts.generatedAt.toISOString(),
    events: publicEvents,
    euMembers: EU_MEMBERS,
    countryNames,
    measureLabels: MEASURE_LABELS,
    stageLabels: STAGE_LABELS,
    stages: STAGES,
  };
  const paths = worldShapes()
    .map((s) => `<path data-cc="${esc(s.cc)}" data-name="${esc(s.name)}" d="${s.d}"><title>${esc(s.name)}</title></path>`)
    .join('');
  const active = sorted.filter((e) => (e.stage === 'announced' || e.stage === 'in_force') && !e.backfill).length;
  const generated = `${humanDate(opts.generatedAt.toISOString())} ${opts.generatedAt.toISOString().slice(11, 16)} UTC`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>banwatch report, ${esc(generated)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>banwatch: state measures against technology vendors</h1>
<div class="muted">${sorted.length} events, ${active} active (announced or in force); ${esc(opts.scope ?? 'everything')}; generated ${esc(generated)}</div>
</header>
<main>
<div class="filters" role="search">
<label>Country<select id="f-country"><option value="">all</option></select></label>
<label>Vendor<select id="f-vendor"><option value="">all</option></select></label>
<label>Measure<select id="f-measure"><option value="">all</option></select></label>
<label>Stage<select id="f-stage"><option value="">all</option></select></label>
<label class="check"><input type="checkbox" id="f-old"> include old news</label>
<button id="f-reset" type="button">Reset</button>
<span id="count" aria-live="polite"></span>
</div>
<h2>Where measures are active</h2>
<div class="map-wrap">
<svg id="map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="img" aria-label="World map: countries shaded by their active measures">${paths}</svg>
<div class="legend">
<div><i style="background:#f4a291"></i>1 active measure</div>
<div><i style="background:#e5604a"></i>2</div>
<div><i style="background:#c22f23"></i>3–4</div>
<div><i style="background:#8e1a12"></i>5 or more</div>
<div><i style="background:#d8dee4"></i>only lifted, proposed or dropped</div>
<p class="muted">Active: announced or in force. An EU-wide measure shades every member state. Click a country to filter.</p>
<p id="off-map-row" class="muted" hidden>Not on the map: <span id="off-map"></span></p>
</div>
</div>
<h2>Timeline</h2>
<div class="muted">One row per event; dots are stage changes (grey proposed, amber announced, red in force, green lifted); a blue ring marks the government's own word.</div>
<div id="timeline"></div>
<h2>Events</h2>
<table id="events">
<thead><tr><th>Date</th><th>Country</th><th>Vendors</th><th>Measure</th><th>Stage</th><th>What happened</th><th>Evidence</th><th>Confidence</th><th>Sources</th></tr></thead>
<tbody></tbody>
</table>
<p id="no-rows" class="muted" hidden>No events match these filters.</p>
</main>
<footer>Made by banwatch from public news and government feeds. Headlines and links belong to their publishers. Map: Natural Earth 1:110m (public domain), via world-atlas, d3-geo and topojson-client.</footer>
<script type="application/json" id="banwatch-data">${scriptJson(data)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
