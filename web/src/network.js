// The actor network (/api/network): who acts on whom. Arrows run from
// source to target, their width is the number of events and their colour
// the balance of cooperation and conflict; a node's size is its events.
// Clicking an actor makes it actor A.
import cytoscape from 'cytoscape';

import {Channel} from './api.js';
import {COOPERATION_COLOR, CONFLICT_COLOR, MIXED_COLOR} from './cameo.js';
import {formatCount, formatGoldstein, setMessage} from './dom.js';

const NODE_LIMIT = 150;

export class Network {
  constructor({container, message, onSelectActor}) {
    this.container = container;
    this.message = message;
    this.onSelectActor = onSelectActor;
    this.channel = new Channel();
    this.hover = document.createElement('p');
    this.hover.className = 'network-hover';
    this.hover.hidden = true;
    container.after(this.hover);
    this.cy = cytoscape({
      container,
      style: networkStyle(),
      minZoom: 0.2,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    this.cy.on('tap', 'node', (event) => this.onSelectActor(event.target.id()));
    this.cy.on('mouseover', 'node, edge', (event) => this.showHover(event.target));
    this.cy.on('mouseout', 'node, edge', () => {
      this.hover.hidden = true;
    });
    new ResizeObserver(() => {
      this.cy.resize();
    }).observe(container);
  }

  async update(state) {
    this.container.dataset.state = 'loading';
    let data;
    try {
      data = await this.channel.get('network', {
        from: state.from, to: state.to, min: state.min, limit: NODE_LIMIT,
        actor: state.a || state.b,
      });
    } catch (error) {
      this.cy.elements().remove();
      this.container.dataset.state = 'error';
      setMessage(this.message, `The network could not be loaded: ${error.message}`);
      return;
    }
    if (data === null) return;
    this.render(data, state);
  }

  render(data, state) {
    const weightOf = edgeWeight(state.quad);
    const edges = (data.edges ?? [])
        .map((edge) => ({...edge, weight: weightOf(edge)}))
        .filter((edge) => edge.weight > 0);
    const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
    const nodes = (data.nodes ?? []).filter((node) => linked.has(node.id));
    const maxNodeEvents = Math.max(1, ...nodes.map((node) => node.events));
    const maxEdgeWeight = Math.max(1, ...edges.map((edge) => edge.weight));

    const elements = [
      ...nodes.map((node) => ({
        group: 'nodes',
        data: {
          id: node.id,
          events: node.events,
          size: 18 + 42 * Math.sqrt(node.events / maxNodeEvents),
        },
        classes: [node.id === state.a ? 'actor-a' : '', node.id === state.b ? 'actor-b' : '']
            .filter(Boolean).join(' '),
      })),
      ...edges.map((edge) => ({
        group: 'edges',
        data: {
          id: `${edge.source}→${edge.target}`,
          source: edge.source,
          target: edge.target,
          events: edge.events,
          cooperation: edge.cooperation,
          conflict: edge.conflict,
          goldstein: edge.goldstein,
          width: 1.5 + 7 * (edge.weight / maxEdgeWeight),
          color: balanceColor(edge.cooperation, edge.conflict),
        },
      })),
    ];
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    this.container.dataset.nodes = String(nodes.length);
    this.container.dataset.edges = String(edges.length);
    if (nodes.length === 0) {
      this.container.dataset.state = 'empty';
      setMessage(this.message, 'No actor pairs match these filters.');
      return;
    }
    setMessage(this.message, '');
    const focus = state.a || state.b;
    if (focus && nodes.some((node) => node.id === focus)) {
      this.layoutAround(focus, nodes);
    } else {
      this.layoutFree(nodes, edges.length);
    }
    this.cy.fit(undefined, 28);
    if (this.cy.zoom() > 1.5) {
      this.cy.zoom(1.5);
      this.cy.center();
    }
    this.container.dataset.state = 'ready';
    this.container.setAttribute('aria-label',
        `Network of ${nodes.length} actors and ${edges.length} directed links; ` +
        `most active: ${nodes.slice(0, 5).map((n) => `${n.id} (${n.events})`).join(', ')}. ` +
        'Click an actor to make it actor A.');
  }

  // With an actor filter every edge touches the focus: a star, drawn as
  // the focus in the middle and its partners in rings, busiest inside.
  layoutAround(focus, nodes) {
    const ranked = nodes.filter((node) => node.id !== focus).map((node) => node.id);
    const ring = new Map(ranked.map((id, rank) => [id, rank < 12 ? 2 : 1]));
    this.cy.layout({
      name: 'concentric',
      animate: false,
      fit: false,
      minNodeSpacing: 18,
      concentric: (node) => (node.id() === focus ? 3 : ring.get(node.id()) ?? 1),
      levelWidth: () => 1,
      avoidOverlap: true,
    }).run();
  }

  layoutFree(nodes, edgeCount) {
    // cose from evenly spread starting points (a circle in the panel's
    // proportions): deterministic, and it fills the panel instead of
    // collapsing into a column as it does from a single point.
    const width = Math.max(200, this.cy.width());
    const height = Math.max(200, this.cy.height());
    this.cy.layout({
      name: 'circle', animate: false, fit: false,
      boundingBox: {x1: 0, y1: 0, w: width, h: height},
      sort: (x, y) => y.data('events') - x.data('events'),
    }).run();
    if (nodes.length > 2) {
      this.cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: false,
        nodeRepulsion: () => 12000,
        // Dense graphs need longer edges or their hubs pile on each other.
        idealEdgeLength: () => 80 * Math.max(1, Math.sqrt(edgeCount / nodes.length)),
        nodeOverlap: 40,
        nodeDimensionsIncludeLabels: true,
        numIter: 1500,
      }).run();
    }
  }

  showHover(element) {
    const d = element.data();
    this.hover.textContent = element.isNode() ?
        `${d.id}: ${formatCount(d.events)} events. Click to make it actor A.` :
        `${d.source} → ${d.target}: ${formatCount(d.events)} events, ` +
        `${formatCount(d.cooperation)} cooperation, ${formatCount(d.conflict)} conflict, ` +
        `Goldstein ${formatGoldstein(d.goldstein)}`;
    this.hover.hidden = false;
  }
}

// The quad filter weighs the edges: cooperation-only filters count only
// cooperation, and so on (the API splits edges into these two halves).
function edgeWeight(quadFilter) {
  const quads = new Set((quadFilter || '1,2,3,4').split(',').map(Number));
  const cooperation = quads.has(1) || quads.has(2);
  const conflict = quads.has(3) || quads.has(4);
  return (edge) => (cooperation ? edge.cooperation : 0) + (conflict ? edge.conflict : 0);
}

function balanceColor(cooperation, conflict) {
  const total = cooperation + conflict;
  if (total === 0) return '#9aa5b1';
  const share = cooperation / total;
  if (share >= 2 / 3) return COOPERATION_COLOR;
  if (share <= 1 / 3) return CONFLICT_COLOR;
  return MIXED_COLOR;
}

function networkStyle() {
  return [
    {
      selector: 'node',
      style: {
        'label': 'data(id)',
        'width': 'data(size)',
        'height': 'data(size)',
        'background-color': '#e4e7eb',
        'border-width': 2,
        'border-color': '#52606d',
        'font-size': 13,
        'min-zoomed-font-size': 6,
        'font-weight': 600,
        'color': '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 2,
      },
    },
    {selector: 'node.actor-a', style: {'background-color': '#fde68a', 'border-color': '#92400e', 'border-width': 3}},
    {selector: 'node.actor-b', style: {'background-color': '#ddd6fe', 'border-color': '#5b21b6', 'border-width': 3}},
    {selector: 'node:active, node:selected', style: {'overlay-opacity': 0.12}},
    {
      selector: 'edge',
      style: {
        'width': 'data(width)',
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        'opacity': 0.85,
      },
    },
  ];
}
