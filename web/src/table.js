// The event table (/api/events), newest first, one page at a time. A row
// opens its article with the event highlighted.
import {Channel, eventParams} from './api.js';
import {cameoName, quadInfo} from './cameo.js';
import {el, formatCount, formatGoldstein, replaceChildren} from './dom.js';

export const PAGE_SIZE = 25;

export class EventTable {
  constructor({table, body, count, prev, next, page, onOpenEvent, onPage}) {
    this.table = table;
    this.body = body;
    this.count = count;
    this.prev = prev;
    this.next = next;
    this.pageLabel = page;
    this.onOpenEvent = onOpenEvent;
    this.channel = new Channel();
    this.page = 0;
    this.total = 0;
    prev.addEventListener('click', () => onPage(this.page - 1));
    next.addEventListener('click', () => onPage(this.page + 1));
  }

  async update(state) {
    this.table.dataset.state = 'loading';
    this.table.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await this.channel.get('events', {
        ...eventParams(state), limit: PAGE_SIZE, offset: state.page * PAGE_SIZE,
      });
    } catch (error) {
      this.table.dataset.state = 'error';
      this.table.removeAttribute('aria-busy');
      replaceChildren(this.body, el('tr', {},
          el('td', {colspan: 6, class: 'message', text: `The events could not be loaded: ${error.message}`})));
      this.count.textContent = '';
      return;
    }
    if (data === null) return;
    this.table.removeAttribute('aria-busy');
    this.render(data, state);
  }

  render(data, state) {
    const events = data.events ?? [];
    this.page = state.page;
    this.total = data.total ?? events.length;
    const first = data.offset + 1;
    const last = data.offset + events.length;
    const totalText = `${formatCount(this.total)}${data.total_exact === false ? '+' : ''}`;
    this.count.textContent = events.length ?
        `${formatCount(first)}–${formatCount(last)} of ${totalText} events` :
        'No events match these filters.';
    this.pageLabel.textContent = events.length ?
        `Page ${formatCount(state.page + 1)} of ${formatCount(Math.max(1, Math.ceil(this.total / PAGE_SIZE)))}` :
        '';
    this.prev.disabled = state.page === 0;
    this.next.disabled = events.length < PAGE_SIZE ||
        (data.total_exact !== false && last >= this.total);
    replaceChildren(this.body, events.length ?
        events.map((event) => this.row(event, state)) :
        el('tr', {}, el('td', {colspan: 6, class: 'message', 'data-testid': 'events-empty',
          text: 'No events match these filters. Widen the dates or clear a filter.'})));
    this.table.dataset.state = 'ready';
    this.table.dataset.rows = String(events.length);
  }

  /** Marks the row of the event the article view shows. */
  markSelected(state) {
    for (const row of this.body.querySelectorAll('tr[data-event-id]')) {
      row.classList.toggle('selected',
          row.dataset.eventId === state.event && row.dataset.docId === state.article);
    }
  }

  row(event, state) {
    const quad = quadInfo(event.quad);
    const open = () => this.onOpenEvent(event);
    const selected = String(event.id) === state.event && event.doc_id === state.article;
    return el('tr', {
      'tabindex': 0,
      'class': selected ? 'selected' : null,
      'data-testid': 'event-row',
      'aria-label': `${event.date}: ${event.source.code} ${cameoName(event.cameo) || event.cameo} ${event.target.code}. Open the article.`,
      'dataset': {eventId: String(event.id), docId: event.doc_id, cameo: event.cameo,
        source: event.source.code, target: event.target.code},
      'on': {
        click: open,
        keydown: (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open();
          }
        },
      },
    },
    el('td', {class: 'date'}, event.date ?? '–',
        event.date_from_text ? el('span', {class: 'hint', title: 'date read from the text', text: ' ✎'}) : null),
    actorCell(event.source),
    el('td', {class: 'cameo'},
        el('span', {'class': 'quad-chip', 'style': `background:${quad?.color ?? '#cbd2d9'}`,
          'title': quad ? `Quad ${quad.quad}: ${quad.name}` : 'No quad class', 'aria-hidden': 'true'}),
        el('code', {'data-testid': 'event-cameo', 'text': event.cameo}), ' ',
        el('span', {class: 'cameo-name', text: cameoName(event.cameo)})),
    actorCell(event.target),
    el('td', {class: `num ${event.goldstein > 0 ? 'pos' : event.goldstein < 0 ? 'neg' : ''}`,
      text: formatGoldstein(event.goldstein)}),
    el('td', {'class': 'evidence', 'data-testid': 'event-evidence'},
        el('span', {class: 'evidence-text', text: event.text}),
        el('span', {class: 'headline', text: event.headline})));
  }
}

function actorCell(actor) {
  return el('td', {class: 'actor'},
      el('code', {text: actor.code || '—'}),
      actor.text ? el('span', {class: 'actor-text', text: actor.text}) : null);
}
