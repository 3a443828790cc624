/**
 * The report page's script, as a string the page inlines (no file, no network). Plain ES2017 in
 * one function: it reads the events from the page's JSON block, fills the filters, and on every
 * change recolours the map, redraws the timeline and rebuilds the table. Everything from a feed
 * reaches the page through textContent and checked http(s) hrefs, never innerHTML.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('banwatch-data').textContent);
  var events = data.events;
  var EU = data.euMembers;
  var STAGE_COLOUR = { proposed: '#8c959f', announced: '#bf8700', in_force: '#cf222e', lifted: '#1a7f37', rejected: '#6e7781' };
  var SHADES = ['#f4a291', '#e5604a', '#c22f23', '#8e1a12'];
  var $ = function (id) { return document.getElementById(id); };
  var svgNs = 'http://www.w3.org/2000/svg';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(svgNs, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  function safeHref(link) { return /^https?:\/\//i.test(link || '') ? link : null; }
  function day(iso) { return (iso || '').slice(0, 10); }
  function uniq(xs) { return xs.filter(function (x, i) { return xs.indexOf(x) === i; }).sort(); }

  function fillSelect(id, values, label) {
    var s = $(id);
    values.forEach(function (v) { s.appendChild(el('option', { value: v.value }, v.label)); });
    return s;
  }
  var countryNames = data.countryNames;
  fillSelect('f-country', uniq([].concat.apply([], events.map(function (e) { return e.countries; }))).map(function (c) { return { value: c, label: (countryNames[c] || c) + ' (' + c + ')' }; }));
  fillSelect('f-vendor', uniq([].concat.apply([], events.map(function (e) { return e.vendors; }))).map(function (v) { return { value: v, label: v }; }));
  fillSelect('f-measure', uniq(events.map(function (e) { return e.measure; })).map(function (m) { return { value: m, label: data.measureLabels[m] }; }));
  fillSelect('f-stage', data.stages.filter(function (s) { return events.some(function (e) { return e.stage === s; }); }).map(function (s) { return { value: s, label: data.stageLabels[s] }; }));

  function filters() {
    return { country: $('f-country').value, vendor: $('f-vendor').value, measure: $('f-measure').value, stage: $('f-stage').value, old: $('f-old').checked };
  }
  function matches(e, f) {
    if (f.country && e.countries.indexOf(f.country) < 0 && !(e.countries.indexOf('EU') >= 0 && EU.indexOf(f.country) >= 0)) return false;
    if (f.vendor && e.vendors.indexOf(f.vendor) < 0) return false;
    if (f.measure && e.measure !== f.measure) return false;
    if (f.stage && e.stage !== f.stage) return false;
    if (!f.old && e.oldNews) return false;
    return true;
  }
  function active(e) { return e.stage === 'announced' || e.stage === 'in_force'; }

  function shadeMap(list) {
    var counts = {}, seen = {};
    list.forEach(function (e) {
      var ccs = e.countries.indexOf('EU') >= 0 ? e.countries.concat(EU) : e.countries;
      ccs.forEach(function (c) { seen[c] = true; if (active(e)) counts[c] = (counts[c] || 0) + 1; });
    });
    var paths = document.querySelectorAll('#map path[data-cc]');
    for (var i = 0; i < paths.length; i++) {
      var p = paths[i], cc = p.getAttribute('data-cc'), n = counts[cc] || 0;
      p.setAttribute('data-count', String(n));
      p.style.fill = n > 0 ? SHADES[Math.min(SHADES.length - 1, n >= 5 ? 3 : n >= 3 ? 2 : n - 1)] : seen[cc] ? '#d8dee4' : '';
      var t = p.querySelector('title');
      t.textContent = p.getAttribute('data-name') + (n ? ': ' + n + ' active measure' + (n === 1 ? '' : 's') : seen[cc] ? ': measures lifted, proposed or dropped' : '');
    }
    var off = $('off-map');
    off.textContent = '';
    Object.keys(seen).filter(function (c) { return c !== 'EU' && !document.querySelector('#map path[data-cc="' + c + '"]'); }).sort().forEach(function (c) {
      off.appendChild(el('span', { 'class': 'chip', 'data-cc': c }, (countryNames[c] || c) + ' ' + (counts[c] || 0)));
    });
    $('off-map-row').hidden = off.childNodes.length === 0;
  }

  function drawTimeline(list) {
    var box = $('timeline');
    box.textContent = '';
    if (!list.length) { box.appendChild(el('p', { 'class': 'muted' }, 'No events match.')); return; }
    var rows = list.slice().sort(function (a, b) { return a.firstSeen < b.firstSeen ? -1 : 1; });
    var times = [];
    rows.forEach(function (e) { times.push(Date.parse(e.firstSeen), Date.parse(e.lastSeen)); e.timeline.forEach(function (h) { times.push(Date.parse(h.at)); }); });
    var t0 = Math.min.apply(null, times), t1 = Math.max.apply(null, times);
    var pad = Math.max(86400000 * 3, (t1 - t0) * 0.04); t0 -= pad; t1 += pad;
    var W = 960, L = 190, R = 16, H = 28 + rows.length * 20;
    var x = function (t) { return L + (W - L - R) * (t - t0) / (t1 - t0); };
    var s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, width: '100%', role: 'img', 'aria-label': 'Timeline of events' });
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var ticks = [], d;
    if (t1 - t0 < 120 * 86400000) {
      // Under four months: a tick a week (Mondays), labelled with the day.
      d = new Date(t0); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + ((8 - d.getUTCDay()) % 7)));
      for (; d.getTime() < t1; d = new Date(d.getTime() + 7 * 86400000)) ticks.push([d.getTime(), d.getUTCDate() + ' ' + months[d.getUTCMonth()] + (d.getUTCDate() <= 7 ? ' ' + d.getUTCFullYear() : '')]);
    } else {
      var step = Math.max(1, Math.ceil((t1 - t0) / (86400000 * 30) / 10));
      d = new Date(t0); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      for (; d.getTime() < t1; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))) ticks.push([d.getTime(), months[d.getUTCMonth()] + ' ' + d.getUTCFullYear()]);
    }
    ticks.forEach(function (tk) {
      var tx = x(tk[0]);
      s.appendChild(svg('line', { x1: tx, x2: tx, y1: 16, y2: H, stroke: '#eaeef2' }));
      var lab = svg('text', { x: tx + 3, y: 12, 'class': 'tick' }); lab.textContent = tk[1]; s.appendChild(lab);
    });
    rows.forEach(function (e, i) {
      var y = 34 + i * 20;
      var label = svg('text', { x: 4, y: y + 4, 'class': 'row-label' });
      label.textContent = e.countries.join('/') + '  ' + e.vendors.join(', ');
      s.appendChild(label);
      s.appendChild(svg('line', { x1: x(Date.parse(e.firstSeen)), x2: x(Date.parse(e.lastSeen)), y1: y, y2: y, stroke: '#afb8c1', 'stroke-width': 2 }));
      (e.timeline.length ? e.timeline : [{ stage: e.stage, at: e.stageDate }]).forEach(function (h) {
        var c = svg('circle', { cx: x(Date.parse(h.at)), cy: y, r: 5, fill: STAGE_COLOUR[h.stage], stroke: h.official ? '#0969da' : '#fff', 'stroke-width': 1.5 });
        var t = svg('title', {}); t.textContent = data.stageLabels[h.stage] + ' ' + day(h.at) + (h.official ? ' (official)' : '') + ': ' + e.summary; c.appendChild(t);
        s.appendChild(c);
      });
    });
    box.appendChild(s);
  }

  function drawTable(list) {
    var body = document.querySelector('#events tbody');
    body.textContent = '';
    list.forEach(function (e) {
      var tr = el('tr', { 'data-id': e.id, 'data-vendors': e.vendors.join('|') });
      tr.appendChild(el('td', { 'class': 'nowrap' }, day(e.stageDate)));
      tr.appendChild(el('td', {}, e.countries.map(function (c) { return countryNames[c] || c; }).join(', ')));
      tr.appendChild(el('td', {}, e.vendors.join(', ')));
      tr.appendChild(el('td', {}, data.measureLabels[e.measure]));
      var st = el('td', {}); st.appendChild(el('span', { 'class': 'stage stage-' + e.stage }, data.stageLabels[e.stage])); tr.appendChild(st);
      var what = el('td', {});
      what.appendChild(el('div', { 'class': 'summary' }, e.summary + '.'));
      var href = safeHref(e.link);
      var head = href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, e.headline) : el('span', {}, e.headline);
      var hl = el('div', { 'class': 'headline' }); hl.appendChild(head); what.appendChild(hl);
      if (e.effective) what.appendChild(el('div', { 'class': 'muted' }, 'Effective ' + e.effectiveText));
      tr.appendChild(what);
      var ev = el('td', { 'class': 'evidence' });
      e.evidence.forEach(function (p) { ev.appendChild(el('q', {}, p)); });
      tr.appendChild(ev);
      tr.appendChild(el('td', {}, e.confidenceWords));
      var src = el('td', { 'class': 'sources' });
      e.sources.slice(0, 4).forEach(function (s) {
        var h = safeHref(s.link);
        var a = h ? el('a', { href: h, target: '_blank', rel: 'noopener noreferrer' }, (s.official ? 'official: ' : '') + (s.outlet || 'source')) : el('span', {}, s.outlet || 'source');
        src.appendChild(a);
      });
      if (e.sources.length > 4) src.appendChild(el('span', { 'class': 'muted' }, '+' + (e.sources.length - 4)));
      tr.appendChild(src);
      body.appendChild(tr);
    });
    $('no-rows').hidden = list.length > 0;
  }

  function update() {
    var f = filters();
    var list = events.filter(function (e) { return matches(e, f); });
    $('count').textContent = list.length + ' of ' + events.length + ' events; ' + list.filter(active).length + ' active';
    shadeMap(list);
    drawTimeline(list);
    drawTable(list);
  }

  ['f-country', 'f-vendor', 'f-measure', 'f-stage', 'f-old'].forEach(function (id) { $(id).addEventListener('change', update); });
  $('f-reset').addEventListener('click', function () {
    ['f-country', 'f-vendor', 'f-measure', 'f-stage'].forEach(function (id) { $(id).value = ''; });
    $('f-old').checked = false;
    update();
  });
  document.getElementById('map').addEventListener('click', function (ev) {
    var cc = ev.target && ev.target.getAttribute && ev.target.getAttribute('data-cc');
    if (!cc) return;
    var s = $('f-country');
    var has = false;
    for (var i = 0; i < s.options.length; i++) if (s.options[i].value === cc) has = true;
    if (!has) return;
    s.value = s.value === cc ? '' : cc;
    update();
  });
  update();
})();
`;
