// The dyad dashboard: one filter state, kept in the URL hash, drives the
// timeline, the network, the map and the event table; the article view
// opens over them.
import './style.css';

import {getJson} from './api.js';
import {ArticleView} from './article.js';
import {cameoRoots} from './cameo.js';
import {el, formatCount, replaceChildren} from './dom.js';
import {EventMap} from './map.js';
import {Network} from './network.js';
import {ActorProfile} from './profile.js';
import {QuoteSearch} from './quotes.js';
import {FILTER_KEYS, formatHash, parseHash, sameFilters} from './state.js';
import {EventTable} from './table.js';
import {Timeline} from './timeline.js';

const $ = (id) => document.getElementById(id);

let state = parseHash(location.hash);
let shown = null;  // the state the views last loaded

function navigate(changes) {
  const next = {...state, ...changes};
  const hash = formatHash(next);
  if (hash === (location.hash || '#')) return;
  location.hash = hash;  // the hashchange handler updates the views
}

// --- filter bar -----------------------------------------------------------
const form = $('filters');
const fields = {
  a: $('f-a'), b: $('f-b'), cameo: $('f-cameo'), quad: $('f-quad'),
  from: $('f-from'), to: $('f-to'), q: $('f-q'), bucket: $('f-bucket'),
};

function fillForm() {
  for (const [key, input] of Object.entries(fields)) input.value = state[key] ?? '';
}

function readForm() {
  const values = {};
  for (const key of FILTER_KEYS) values[key] = fields[key].value.trim();
  values.a = values.a.toUpperCase();
  values.b = values.b.toUpperCase();
  values.bucket = fields.bucket.value;
  return values;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({...readForm(), page: 0});
});
for (const input of [fields.quad, fields.bucket, fields.from, fields.to]) {
  input.addEventListener('change', () => form.requestSubmit());
}
$('f-reset').addEventListener('click', () => {
  location.hash = '#';
});
$('f-swap').addEventListener('click', () => {
  [fields.a.value, fields.b.value] = [fields.b.value, fields.a.value];
  form.requestSubmit();
});
replaceChildren($('cameo-roots'), cameoRoots().map((root) =>
  el('option', {value: root.code, label: `${root.code} ${root.name}`})));

// --- views ----------------------------------------------------------------
const timeline = new Timeline({
  container: $('timeline'), caption: $('timeline-caption'), message: $('timeline-message'),
});
const network = new Network({
  container: $('network'), message: $('network-message'),
  onSelectActor: (code) => navigate({a: code, b: state.b === code ? '' : state.b, page: 0}),
});
$('network-min').addEventListener('change', (event) => {
  navigate({min: Math.max(1, Number.parseInt(event.target.value, 10) || 1)});
});
const map = new EventMap({
  container: $('map'), caption: $('map-caption'), legend: $('map-legend'), offMap: $('map-offmap'),
});
const table = new EventTable({
  table: $('events-table'), body: $('events-body'), count: $('events-count'),
  prev: $('events-prev'), next: $('events-next'), page: $('events-page'),
  onOpenEvent: (event) => navigate({article: event.doc_id, event: String(event.id)}),
  onPage: (page) => navigate({page: Math.max(0, page)}),
});
const article = new ArticleView({
  dialog: $('article-view'),
  onSelectEvent: (event) => navigate({article: event.doc_id, event: String(event.id)}),
  onClose: () => {
    if (state.article) navigate({article: '', event: ''});
  },
});
const profile = new ActorProfile({
  container: $('profile'), title: $('profile-title'),
  onSelectPartner: (code) => navigate({b: code, page: 0}),
});
const quotes = new QuoteSearch({
  form: $('quote-form'), input: $('quote-q'), status: $('quotes-status'), list: $('quotes-list'),
  onOpenArticle: (docId) => navigate({article: docId, event: ''}),
});

// Loads what changed between the last shown state and the current one.
function render() {
  const previous = shown;
  shown = state;
  fillForm();
  $('network-min').value = String(state.min);
  const filtersChanged = !previous || !sameFilters(previous, state);
  if (filtersChanged || previous.bucket !== state.bucket) timeline.update(state);
  if (filtersChanged || previous.min !== state.min) network.update(state);
  if (filtersChanged) map.update(state);
  if (!previous || previous.a !== state.a || previous.b !== state.b) profile.update(state);
  if (filtersChanged || previous.page !== state.page) {
    table.update(state);
  } else {
    table.markSelected(state);
  }
  if (state.article) {
    article.show(state.article, state.event);
  } else {
    article.hide();
  }
  // The aggregate endpoints take actors and dates only (docs/api.md); say
  // so rather than let the charts look filtered when they are not.
  const narrowed = [state.cameo && 'CAMEO', state.q && 'evidence text'].filter(Boolean);
  const notes = [];
  if (narrowed.length) {
    notes.push(`The ${narrowed.join(' and ')} filter${narrowed.length > 1 ? 's narrow' : ' narrows'} ` +
               'the event table only; the charts count every event type of these actors and dates.');
  }
  if (state.quad) notes.push('The quad class filters the timeline, network and table; the map counts all classes.');
  const note = $('filter-note');
  note.hidden = notes.length === 0;
  note.textContent = notes.join(' ');
  document.title = state.a && state.b ? `${state.a} · ${state.b} · dyad` : 'dyad · event dashboard';
}

window.addEventListener('hashchange', () => {
  state = parseHash(location.hash);
  render();
});

async function showSummary() {
  const summary = $('store-summary');
  try {
    const health = await getJson('health');
    const dates = health.first_date ? ` · ${health.first_date} to ${health.last_date}` : '';
    summary.textContent =
        `${formatCount(health.articles)} articles · ${formatCount(health.events)} events · ` +
        `${formatCount(health.actors)} actors · ${formatCount(health.quotes)} quotes${dates}`;
  } catch (error) {
    summary.textContent = `The dyad server does not answer: ${error.message}`;
    summary.classList.add('error');
  }
}

// The views, for the browser test and for poking at from the console.
window.dyadDashboard = {timeline, network, map, table, article, profile, quotes};

showSummary();
render();
quotes.search('');
