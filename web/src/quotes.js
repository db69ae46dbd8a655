// Quote search (/api/quotes?q=): what actors said, full text. The store
// may hold no quotes at all, which is said plainly rather than shown as an
// empty list.
import {Channel} from './api.js';
import {el, formatCount, replaceChildren} from './dom.js';

export class QuoteSearch {
  constructor({form, input, status, list, onOpenArticle}) {
    this.input = input;
    this.status = status;
    this.list = list;
    this.onOpenArticle = onOpenArticle;
    this.channel = new Channel();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.search(input.value.trim());
    });
  }

  async search(query) {
    this.list.dataset.state = 'loading';
    this.status.textContent = query ? `Searching for “${query}”…` : 'Loading the latest quotes…';
    let data;
    try {
      data = await this.channel.get('quotes', {q: query, limit: 20});
    } catch (error) {
      this.list.dataset.state = 'error';
      this.status.textContent = `Quotes could not be searched: ${error.message}`;
      replaceChildren(this.list);
      return;
    }
    if (data === null) return;
    const quotes = data.quotes ?? [];
    this.list.dataset.state = quotes.length ? 'ready' : 'empty';
    this.list.dataset.count = String(quotes.length);
    if (quotes.length === 0) {
      this.status.textContent = '';
      replaceChildren(this.list, el('li', {'class': 'empty', 'data-testid': 'quotes-empty',
        'text': query ? `No quotes match “${query}”.` : 'No quotes in this store yet.'}));
      return;
    }
    this.status.textContent = query ?
        `${formatCount(data.total)} quotes match “${query}”` :
        `${formatCount(data.total)} quotes, latest first`;
    replaceChildren(this.list, quotes.map((quote) => el('li', {'data-testid': 'quote'},
        el('blockquote', {text: quote.text}),
        el('p', {class: 'caption'},
            `— ${quote.speaker?.text || 'unknown speaker'} `,
            quote.speaker?.code ? el('code', {text: quote.speaker.code}) : null,
            ` · ${quote.published ?? ''} · `,
            el('button', {
              type: 'button', class: 'link-button',
              on: {click: () => this.onOpenArticle(quote.doc_id)},
              text: quote.headline || quote.doc_id,
            })))));
  }
}
