// The article view (/api/articles/{doc_id}): the stored text with the
// selected event's evidence highlighted inside its coded sentence, the
// source and target mentions marked, the rule that fired, and the other
// events of the article one click away.
import {getJson} from './api.js';
import {cameoName, quadInfo} from './cameo.js';
import {el, formatGoldstein, replaceChildren} from './dom.js';
import {renderMarkedText} from './spans.js';

export class ArticleView {
  constructor({dialog, onSelectEvent, onClose}) {
    this.dialog = dialog;
    this.onSelectEvent = onSelectEvent;
    this.article = null;
    this.loadingId = null;
    this.part = (name) => dialog.querySelector(`#article-${name}`);
    this.part('close').addEventListener('click', () => this.dialog.close());
    // Closing by the button, Escape or a click on the backdrop all land here.
    dialog.addEventListener('close', () => onClose());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }

  /** Shows `docId` with event `eventId` (or its first event) selected. */
  async show(docId, eventId) {
    if (!this.dialog.open) this.dialog.showModal();
    if (this.article?.doc_id === docId) {
      this.render(eventId);
      return;
    }
    this.dialog.dataset.state = 'loading';
    this.loadingId = docId;
    replaceChildren(this.part('headline'), 'Loading the article…');
    replaceChildren(this.part('text'));
    let article;
    try {
      article = await getJson(`articles/${encodeURIComponent(docId)}`);
    } catch (error) {
      if (this.loadingId !== docId) return;
      this.dialog.dataset.state = 'error';
      this.article = null;
      replaceChildren(this.part('headline'), `The article ${docId} could not be loaded`);
      replaceChildren(this.part('text'), el('p', {class: 'message', text: error.message}));
      replaceChildren(this.part('meta'));
      replaceChildren(this.part('event'));
      replaceChildren(this.part('events'));
      return;
    }
    if (this.loadingId !== docId) return;
    this.article = article;
    this.render(eventId);
  }

  hide() {
    if (this.dialog.open) this.dialog.close();
  }

  render(eventId) {
    const article = this.article;
    const events = article.events ?? [];
    const selected = events.find((e) => String(e.id) === String(eventId)) ?? events[0] ?? null;
    this.dialog.dataset.docId = article.doc_id;
    this.dialog.dataset.eventId = selected ? String(selected.id) : '';

    this.part('kicker').textContent = [article.section, article.published].filter(Boolean).join(' · ');
    this.part('headline').textContent = article.headline || article.doc_id;
    replaceChildren(this.part('meta'), metadata(article));
    replaceChildren(this.part('event'), selected ? eventSummary(selected) :
        el('p', {class: 'message', text: 'No events were coded in this article.'}));
    replaceChildren(this.part('text'), articleText(article, selected, (e) => this.onSelectEvent(e)));
    replaceChildren(this.part('events'), events.map((e) => el('li', {},
        el('button', {
          'type': 'button',
          'class': e === selected ? 'event-link selected' : 'event-link',
          'aria-current': e === selected ? 'true' : null,
          'data-testid': 'article-event-link',
          'dataset': {eventId: String(e.id), cameo: e.cameo},
          'on': {click: () => this.onSelectEvent(e)},
        },
        el('code', {text: e.source.code || '—'}), ' → ', el('code', {text: e.target.code || '—'}), ' ',
        el('code', {class: 'cameo-code', text: e.cameo}), ' ',
        el('span', {text: cameoName(e.cameo)}),
        el('span', {class: 'event-link-text', text: `“${e.text}”`})))));
    const quotes = article.quotes ?? [];
    this.part('quotes-block').hidden = quotes.length === 0;
    replaceChildren(this.part('quotes'), quotes.map((q) => el('li', {},
        el('blockquote', {text: q.text}),
        el('p', {class: 'caption', text: `— ${q.speaker?.text ?? ''} (${q.speaker?.code || 'unknown'})`}))));

    this.dialog.dataset.state = 'ready';
    // Scrolls only the text pane (scrollIntoView would move the dialog too).
    const pane = this.part('text');
    const highlight = pane.querySelector('mark.evidence');
    if (highlight) {
      pane.scrollTop = Math.max(0, highlight.offsetTop - pane.clientHeight / 3);
    }
  }
}

function metadata(article) {
  const rows = [
    ['Document', article.doc_id],
    ['Published', article.published],
    ['Dateline', article.dateline],
    ['Agency', article.agency],
    ['Authors', (article.authors ?? []).join(', ')],
  ];
  const items = rows.filter(([, value]) => value).flatMap(([term, value]) =>
    [el('dt', {text: term}), el('dd', {text: value})]);
  if (article.url) {
    items.push(el('dt', {text: 'Source'}),
        el('dd', {}, el('a', {href: article.url, rel: 'noopener noreferrer', target: '_blank', text: article.url})));
  }
  return items;
}

function eventSummary(event) {
  const quad = quadInfo(event.quad);
  const place = event.place ?
      [event.place.name, event.place.country].filter(Boolean).join(', ') : null;
  return [
    el('p', {class: 'event-headline'},
        el('span', {class: 'actor-tag source-tag'}, el('code', {text: event.source.code || '—'})),
        ` ${event.source.text} `, el('span', {'aria-hidden': 'true', 'text': '→'}), ' ',
        el('span', {class: 'actor-tag target-tag'}, el('code', {text: event.target.code || '—'})),
        ` ${event.target.text}`),
    el('dl', {class: 'event-facts'},
        el('dt', {text: 'CAMEO'}), el('dd', {}, el('code', {text: event.cameo}), ` ${cameoName(event.cameo)}`),
        el('dt', {text: 'Quad'}), el('dd', {text: quad ? `${quad.quad} ${quad.name}` : '–'}),
        el('dt', {text: 'Goldstein'}), el('dd', {text: formatGoldstein(event.goldstein)}),
        event.plover ? [el('dt', {text: 'PLOVER'}), el('dd', {text: event.plover})] : null,
        el('dt', {text: 'Date'}), el('dd', {text: `${event.date ?? '–'}${event.date_from_text ? ' (read from the text)' : ' (publication date)'}`}),
        place ? [el('dt', {text: 'Place'}), el('dd', {text: place})] : null,
        el('dt', {text: 'Rule'}), el('dd', {}, el('code', {'data-testid': 'article-rule', 'text': event.rule}))),
  ];
}

// The article text with, in order of precedence: the selected event's
// evidence (kept whole), its source and target mentions, its sentence, the
// other events' evidence (clickable) and the quotes.
function articleText(article, selected, onSelectEvent) {
  const marks = [];
  if (selected) {
    marks.push({kind: 'evidence', begin: selected.span[0], end: selected.span[1], event: selected});
    marks.push({kind: 'source', begin: selected.source.span[0], end: selected.source.span[1], event: selected});
    marks.push({kind: 'target', begin: selected.target.span[0], end: selected.target.span[1], event: selected});
    const sentence = (article.sentences ?? []).find((s) => s.idx === selected.sentence);
    if (sentence) marks.push({kind: 'sentence', begin: sentence.span[0], end: sentence.span[1]});
  }
  for (const event of article.events ?? []) {
    if (event !== selected) marks.push({kind: 'other', begin: event.span[0], end: event.span[1], event});
  }
  for (const quote of article.quotes ?? []) {
    marks.push({kind: 'quote', begin: quote.span[0], end: quote.span[1]});
  }
  const fragment = renderMarkedText(article.text ?? '', marks, (mark) => markElement(mark, onSelectEvent));
  return el('p', {class: 'article-body'}, fragment);
}

function markElement(mark, onSelectEvent) {
  switch (mark.kind) {
    case 'evidence':
      return el('mark', {'class': 'evidence', 'data-testid': 'evidence-highlight',
        'title': `Evidence of ${mark.event.cameo} (${mark.event.rule})`});
    case 'source':
      return el('span', {'class': 'actor-span source-span', 'data-testid': 'source-span',
        'title': `Source: ${mark.event.source.code}`});
    case 'target':
      return el('span', {'class': 'actor-span target-span', 'data-testid': 'target-span',
        'title': `Target: ${mark.event.target.code}`});
    case 'sentence':
      return el('span', {'class': 'coded-sentence', 'data-testid': 'coded-sentence'});
    case 'other':
      return el('span', {
        'class': 'other-evidence',
        'title': `${mark.event.source.code} → ${mark.event.target.code}: ${mark.event.cameo} ${cameoName(mark.event.cameo)}. Click to select.`,
        'on': {click: () => onSelectEvent(mark.event)},
      });
    default:
      return el('span', {class: 'quote-span'});
  }
}
