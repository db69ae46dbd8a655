// The profile of actor A (/api/actors/{code}): how often it acts and is
// acted on, its top partners split into cooperation and conflict, and its
// mix of event types. A partner is one click from becoming actor B.
import {Channel} from './api.js';
import {cameoName} from './cameo.js';
import {el, formatCount, formatGoldstein, replaceChildren} from './dom.js';

const PARTNERS_SHOWN = 10;

export class ActorProfile {
  constructor({container, title, onSelectPartner}) {
    this.container = container;
    this.title = title;
    this.onSelectPartner = onSelectPartner;
    this.channel = new Channel();
  }

  async update(state) {
    const code = state.a;
    if (!code) {
      this.title.textContent = 'Actor profile';
      this.container.dataset.state = 'empty';
      replaceChildren(this.container, el('p', {class: 'message',
        text: 'Choose actor A, or click an actor in the network, to see its partners and event mix.'}));
      return;
    }
    this.title.textContent = `Actor profile: ${code}`;
    this.container.dataset.state = 'loading';
    let profile;
    try {
      profile = await this.channel.get(`actors/${encodeURIComponent(code)}`, {});
    } catch (error) {
      this.container.dataset.state = error.status === 404 ? 'empty' : 'error';
      replaceChildren(this.container, el('p', {class: 'message', text: error.status === 404 ?
          `${code} does not occur in this store (codes match exactly here; try the full code).` :
          `The profile could not be loaded: ${error.message}`}));
      return;
    }
    if (profile === null) return;
    this.render(profile, state);
  }

  render(profile, state) {
    const partners = (profile.partners ?? []).slice(0, PARTNERS_SHOWN);
    const maxPartner = Math.max(1, ...partners.map((p) => p.events));
    const mix = profile.event_mix ?? [];
    const maxMix = Math.max(1, ...mix.map((m) => m.events));
    const dates = profile.first_date ?
        (profile.first_date === profile.last_date ? profile.first_date :
            `${profile.first_date} to ${profile.last_date}`) :
        'no dated events';
    replaceChildren(this.container,
        el('p', {'class': 'profile-summary', 'data-testid': 'profile-summary'},
            el('strong', {text: formatCount(profile.as_source)}), ' events as source · ',
            el('strong', {text: formatCount(profile.as_target)}), ` as target · ${dates}`),
        el('div', {class: 'profile-columns'},
            el('div', {},
                el('h3', {text: 'Top partners'}),
                partners.length ? el('ol', {'class': 'bars', 'data-testid': 'profile-partners'},
                    partners.map((p) => el('li', {},
                        el('button', {
                          'type': 'button',
                          'class': 'bar-label link-button',
                          'title': `Make ${p.code} actor B`,
                          'aria-pressed': p.code === state.b ? 'true' : 'false',
                          'on': {click: () => this.onSelectPartner(p.code)},
                          'text': p.code,
                        }),
                        el('span', {'class': 'bar-track', 'aria-hidden': 'true'},
                            el('span', {class: 'bar coop', style: `width:${100 * p.cooperation / maxPartner}%`}),
                            el('span', {class: 'bar conflict', style: `width:${100 * p.conflict / maxPartner}%`})),
                        el('span', {class: 'bar-value',
                          text: `${formatCount(p.events)} (${formatCount(p.cooperation)} coop., ` +
                                `${formatCount(p.conflict)} confl.) · G ${formatGoldstein(p.goldstein)}`})))) :
                    el('p', {class: 'message', text: 'No partners.'})),
            el('div', {},
                el('h3', {text: 'Event mix'}),
                mix.length ? el('ol', {'class': 'bars', 'data-testid': 'profile-mix'},
                    mix.map((m) => el('li', {},
                        el('span', {class: 'bar-label', title: cameoName(m.root)},
                            el('code', {text: m.root}), ` ${cameoName(m.root)}`),
                        el('span', {'class': 'bar-track', 'aria-hidden': 'true'},
                            el('span', {class: 'bar neutral', style: `width:${100 * m.events / maxMix}%`})),
                        el('span', {class: 'bar-value', text: formatCount(m.events)})))) :
                    el('p', {class: 'message', text: 'No coded event types.'}))),
        (profile.quotes ?? []).length ? [
          el('h3', {text: 'Latest quotes'}),
          el('ol', {class: 'quotes'}, profile.quotes.slice(0, 3).map((q) => el('li', {},
              el('blockquote', {text: q.text}),
              el('p', {class: 'caption', text: `${q.published ?? ''} · ${q.headline ?? q.doc_id}`})))),
        ] : null);
    this.container.dataset.state = 'ready';
  }
}
