// The map (/api/places): countries shaded by the number of events their
// actors take part in, and circles for event places with coordinates.
// Country outlines are world-atlas' 110m TopoJSON, bundled; there is no
// tile layer, so the map needs no network beyond the API.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import {feature} from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import {byName, byNumericId} from 'virtual:country-ids';

import {Channel} from './api.js';
import {COOPERATION_COLOR, CONFLICT_COLOR, MIXED_COLOR} from './cameo.js';
import {el, formatCount, replaceChildren} from './dom.js';

// Sequential purples (neither cooperation blue nor conflict orange); the
// lightest class stays well apart from the near-white of no data.
const RAMP = ['#d7cbea', '#b7a2da', '#9479c5', '#6f52ab', '#4a2c88'];

// Antarctica (numeric id 010) has no actors and would take a third of the
// height in Web Mercator.
const ANTARCTICA = '010';

const countryFeatures = feature(world, world.objects.countries).features
    .filter((f) => f.id !== ANTARCTICA)
    .map((f) => ({
      ...f,
      geometry: unwrapGeometry(f.geometry),
      properties: {
        ...f.properties,
        iso3: byNumericId[f.id] ?? byName[f.properties?.name] ?? null,
      },
    }));
const mappedCountries = new Set(countryFeatures.map((f) => f.properties.iso3).filter(Boolean));

export class EventMap {
  constructor({container, caption, legend, offMap}) {
    this.container = container;
    this.caption = caption;
    this.legend = legend;
    this.offMap = offMap;
    this.channel = new Channel();
    this.map = L.map(container, {
      zoomSnap: 0.25,
      minZoom: 1,
      maxZoom: 7,
      worldCopyJump: false,
      maxBounds: [[-90, -220], [90, 220]],
      attributionControl: true,
      preferCanvas: false,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Outlines: Natural Earth');
    this.map.fitBounds([[-55, -170], [75, 175]]);
    this.countryLayer = null;
    this.pointLayer = L.layerGroup().addTo(this.map);
    this.drawCountries(new Map(), 1, null);
    new ResizeObserver(() => this.map.invalidateSize()).observe(container);
  }

  async update(state) {
    this.container.dataset.state = 'loading';
    let data;
    try {
      data = await this.channel.get('places', {from: state.from, to: state.to, actor: state.a || state.b});
    } catch (error) {
      this.container.dataset.state = 'error';
      this.caption.textContent = `The map could not be loaded: ${error.message}`;
      return;
    }
    if (data === null) return;
    this.render(data, state);
  }

  render(data, state) {
    const countries = new Map((data.countries ?? []).map((c) => [c.country, c]));
    const onMap = [...countries.values()].filter((c) => mappedCountries.has(c.country));
    const maxEvents = Math.max(1, ...onMap.map((c) => c.events));
    this.drawCountries(countries, maxEvents, state);
    this.drawPoints(data.points ?? []);
    this.drawLegend(maxEvents, onMap.length > 0);

    const elsewhere = [...countries.values()]
        .filter((c) => !mappedCountries.has(c.country))
        .sort((x, y) => y.events - x.events);
    this.offMap.textContent = elsewhere.length ?
        'Not on the map (organisations, regions, unknown codes): ' +
            elsewhere.slice(0, 12).map((c) => `${c.country} ${c.events}`).join(', ') +
            (elsewhere.length > 12 ? `, and ${elsewhere.length - 12} more` : '') :
        '';
    const points = data.points ?? [];
    this.caption.textContent =
        `${onMap.length} countries shaded by events their actors take part in` +
        (points.length ? `; ${points.length} places` : '; no event places with coordinates');
    this.container.dataset.countries = String(onMap.length);
    this.container.dataset.points = String(points.length);
    this.container.dataset.state = onMap.length || points.length ? 'ready' : 'empty';
  }

  drawCountries(countries, maxEvents, state) {
    this.countryLayer?.remove();
    const highlighted = new Set([state?.a?.slice(0, 3), state?.b?.slice(0, 3)].filter(Boolean));
    this.countryLayer = L.geoJSON(countryFeatures, {
      style: (f) => {
        const data = countries.get(f.properties.iso3);
        const bin = data ? binOf(data.events, maxEvents) : -1;
        const classes = ['country', data ? `has-data bin-${bin}` : 'no-data'];
        if (highlighted.has(f.properties.iso3)) classes.push('actor-country');
        return {
          className: classes.join(' '),
          fillColor: data ? RAMP[bin] : '#fbfbfa',
          fillOpacity: 1,
          color: highlighted.has(f.properties.iso3) ? '#1f2933' : '#9aa5b1',
          weight: highlighted.has(f.properties.iso3) ? 2 : 0.6,
        };
      },
      onEachFeature: (f, layer) => {
        const data = countries.get(f.properties.iso3);
        if (f.properties.iso3) {
          layer.on('add', () => layer.getElement()?.setAttribute('data-iso3', f.properties.iso3));
        }
        const name = f.properties.name ?? f.properties.iso3 ?? 'unknown';
        const code = f.properties.iso3 ? ` (${f.properties.iso3})` : '';
        layer.bindTooltip(data ?
            `${name}${code}: ${formatCount(data.events)} events · ` +
                `${formatCount(data.cooperation)} cooperation · ${formatCount(data.conflict)} conflict` :
            `${name}${code}: no events`, {sticky: true});
      },
    }).addTo(this.map);
    this.countryLayer.bringToBack();
  }

  drawPoints(points) {
    this.pointLayer.clearLayers();
    const maxEvents = Math.max(1, ...points.map((p) => p.events));
    for (const point of points) {
      if (typeof point.lat !== 'number' || typeof point.lon !== 'number') continue;
      const color = point.conflict > point.cooperation ? CONFLICT_COLOR :
          point.cooperation > point.conflict ? COOPERATION_COLOR : MIXED_COLOR;
      L.circleMarker([point.lat, point.lon], {
        radius: 4 + 10 * Math.sqrt(point.events / maxEvents),
        className: 'place-point',
        color: '#ffffff',
        weight: 1.5,
        fillColor: color,
        fillOpacity: 0.85,
      }).bindTooltip(`${point.name}${point.country ? ` (${point.country})` : ''}: ` +
                     `${formatCount(point.events)} events · ${formatCount(point.cooperation)} cooperation · ` +
                     `${formatCount(point.conflict)} conflict`).addTo(this.pointLayer);
    }
  }

  drawLegend(maxEvents, any) {
    if (!any) {
      replaceChildren(this.legend);
      return;
    }
    const bounds = RAMP.map((_, bin) => binRange(bin, maxEvents)).filter(([lo, hi]) => lo <= hi);
    replaceChildren(this.legend,
        el('span', {class: 'legend-title', text: 'events'}),
        bounds.map(([lo, hi]) => el('span', {class: 'legend-step'},
            el('span', {class: 'swatch', style: `background:${RAMP[binOf(lo, maxEvents)]}`}),
            lo === hi ? String(lo) : `${lo}–${hi}`)),
        el('span', {class: 'legend-step'},
            el('span', {class: 'swatch dot', style: `background:${COOPERATION_COLOR}`}), 'place'));
  }
}

// Five classes on a log scale from 1 to the busiest country.
function binOf(events, maxEvents) {
  if (maxEvents <= 1) return RAMP.length - 1;
  const share = Math.log(events) / Math.log(maxEvents);
  return Math.min(RAMP.length - 1, Math.max(0, Math.ceil(share * RAMP.length) - 1));
}

function binRange(bin, maxEvents) {
  let lo = null;
  let hi = null;
  for (let n = 1; n <= maxEvents; n = n < 1000 ? n + 1 : Math.ceil(n * 1.01)) {
    if (binOf(n, maxEvents) === bin) {
      lo ??= n;
      hi = n;
    }
  }
  return lo === null ? [1, 0] : [lo, hi];
}

// Rings that cross the antimeridian (Russia, Fiji) jump from +180 to -180;
// drawn as they are, they streak across the whole map. Each ring is made
// continuous instead, running past 180 where it must.
function unwrapGeometry(geometry) {
  if (!geometry) return geometry;
  const unwrapRing = (ring) => {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      if (i > 0) {
        const previous = ring[i - 1][0];
        if (lon - previous > 180) shift -= 360;
        if (previous - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  };
  if (geometry.type === 'Polygon') {
    return {...geometry, coordinates: geometry.coordinates.map(unwrapRing)};
  }
  if (geometry.type === 'MultiPolygon') {
    return {...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing))};
  }
  return geometry;
}
