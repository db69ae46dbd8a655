// The dyad timeline: events between actor A and actor B per day, week or
// month (/api/dyads), stacked by quad class, A → B above the axis and
// B → A below it, with the Goldstein sums of both directions as lines.
import {BarChart, LineChart} from 'echarts/charts';
import {AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent} from 'echarts/components';
import * as echarts from 'echarts/core';
import {SVGRenderer} from 'echarts/renderers';

import {Channel} from './api.js';
import {QUADS} from './cameo.js';
import {formatCount, formatGoldstein, setMessage} from './dom.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent,
  MarkLineComponent, AriaComponent, SVGRenderer]);

// Filling the gaps between periods keeps the time axis even; beyond this
// many periods the series is shown as the API gives it.
const MAX_FILLED_PERIODS = 3000;

// echarts measures legend text on a canvas, which does not resolve
// 'inherit': the page's font stack is named here so widths come out right.
const FONT_FAMILY = getComputedStyle(document.documentElement).fontFamily ||
    'system-ui, sans-serif';

export class Timeline {
  constructor({container, caption, message}) {
    this.container = container;
    this.caption = caption;
    this.message = message;
    this.channel = new Channel();
    this.chart = echarts.init(container, null, {renderer: 'svg'});
    new ResizeObserver(() => this.chart.resize()).observe(container);
  }

  async update(state) {
    const {a, b} = state;
    if (!a || !b) {
      this.chart.clear();
      this.container.dataset.state = 'empty';
      this.container.dataset.series = '0';
      this.caption.textContent = '';
      setMessage(this.message, 'Choose actor A and actor B (for example JPN and IGOWSTNAT) to see how they treat each other over time.');
      return;
    }
    this.container.dataset.state = 'loading';
    let data;
    try {
      data = await this.channel.get('dyads', {
        a, b, bucket: state.bucket, from: state.from, to: state.to,
      });
    } catch (error) {
      this.chart.clear();
      this.container.dataset.state = 'error';
      setMessage(this.message, `The timeline could not be loaded: ${error.message}`);
      return;
    }
    if (data === null) return;
    this.render(data, state);
  }

  render(data, state) {
    const series = fillPeriods(data.series ?? [], data.bucket ?? state.bucket);
    const shownQuads = visibleQuads(state.quad);
    const total = (direction) => series.reduce((sum, s) => sum + s[direction].events, 0);
    const aToB = total('a_to_b');
    const bToA = total('b_to_a');
    const a = data.a ?? state.a;
    const b = data.b ?? state.b;
    this.caption.textContent =
        `${a} → ${b}: ${formatCount(aToB)} events above the axis; ` +
        `${b} → ${a}: ${formatCount(bToA)} below · by ${data.bucket ?? state.bucket}`;
    if (series.length === 0) {
      this.chart.clear();
      this.container.dataset.state = 'empty';
      this.container.dataset.series = '0';
      setMessage(this.message, `No events between ${a} and ${b}${state.from || state.to ? ' in these dates' : ''}.`);
      return;
    }
    setMessage(this.message, '');

    const periods = series.map((s) => s.period);
    const chartSeries = [];
    for (const quad of QUADS) {
      if (!shownQuads.has(quad.quad)) continue;
      const base = {
        type: 'bar',
        name: quad.name,
        itemStyle: {color: quad.color},
        barMaxWidth: 44,
        // The two directions share a slot: A → B above the axis, B → A below.
        barGap: '-100%',
        emphasis: {focus: 'series'},
      };
      chartSeries.push({...base, id: `ab-${quad.quad}`, stack: 'a_to_b',
        data: series.map((s) => s.a_to_b.quad[quad.quad - 1] ?? 0)});
      chartSeries.push({...base, id: `ba-${quad.quad}`, stack: 'b_to_a',
        data: series.map((s) => -(s.b_to_a.quad[quad.quad - 1] ?? 0)),
        itemStyle: {color: quad.color, opacity: 0.8}});
    }
    chartSeries.push({
      type: 'line', id: 'g-ab', name: `Goldstein ${a} → ${b}`, yAxisIndex: 1,
      data: series.map((s) => round(s.a_to_b.goldstein)), symbol: 'circle', symbolSize: 7,
      lineStyle: {width: 2.5, color: '#1f2933'}, itemStyle: {color: '#1f2933'},
      markLine: {silent: true, symbol: 'none', lineStyle: {color: '#9aa5b1', type: 'dotted'},
        label: {show: false}, data: [{yAxis: 0}]},
    });
    chartSeries.push({
      type: 'line', id: 'g-ba', name: `Goldstein ${b} → ${a}`, yAxisIndex: 1,
      data: series.map((s) => round(s.b_to_a.goldstein)), symbol: 'diamond', symbolSize: 8,
      lineStyle: {width: 2.5, type: 'dashed', color: '#7b8794'}, itemStyle: {color: '#7b8794'},
    });

    // Both axes run from -max to +max in four steps, so their zero lines
    // and grid lines coincide; counts step by whole numbers.
    const maxCount = 2 * Math.ceil(Math.max(1, ...series.map((s) =>
      Math.max(s.a_to_b.events, s.b_to_a.events))) / 2);
    const maxGoldstein = niceCeil(Math.max(1, ...series.map((s) =>
      Math.max(Math.abs(s.a_to_b.goldstein), Math.abs(s.b_to_a.goldstein)))));
    this.chart.setOption({
      animation: false,
      aria: {enabled: true, decal: {show: false}},
      textStyle: {fontFamily: FONT_FAMILY},
      grid: {left: 56, right: 64, top: 44, bottom: 40},
      legend: {top: 0, type: 'scroll', itemWidth: 14, itemHeight: 10},
      tooltip: {
        trigger: 'axis',
        axisPointer: {type: 'shadow'},
        valueFormatter: (value) => (typeof value === 'number' ? String(Math.abs(value)) : value),
        formatter: (items) => tooltipText(items, series, a, b),
      },
      xAxis: {type: 'category', data: periods, axisTick: {alignWithLabel: true}},
      yAxis: [
        {type: 'value', name: `events (${a}→${b} up, ${b}→${a} down)`, nameLocation: 'middle', nameGap: 38,
          min: -maxCount, max: maxCount, interval: maxCount / 2,
          axisLabel: {formatter: (value) => String(Math.abs(value))}},
        {type: 'value', name: 'Goldstein sum', nameLocation: 'middle', nameGap: 44,
          min: -maxGoldstein, max: maxGoldstein, interval: maxGoldstein / 2,
          splitLine: {show: false}},
      ],
      series: chartSeries,
    }, {notMerge: true});

    this.container.dataset.state = 'ready';
    this.container.dataset.series = String(chartSeries.length);
    this.container.dataset.periods = String(periods.length);
    this.container.dataset.events = String(aToB + bToA);
    this.container.setAttribute('aria-label',
        `Dyad timeline of ${a} and ${b} over ${periods.length} ${data.bucket ?? state.bucket} periods: ` +
        `${aToB} events from ${a} to ${b}, ${bToA} from ${b} to ${a}.`);
  }
}

// The smallest of 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8 (times a power of
// ten) not below `value`: halves of these stay short numbers.
function niceCeil(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value - 1e-9);
  return step * power;
}

function round(value) {
  return Math.round((value ?? 0) * 10) / 10;
}

function visibleQuads(quadFilter) {
  if (!quadFilter) return new Set([1, 2, 3, 4]);
  return new Set(quadFilter.split(',').map(Number).filter((q) => q >= 1 && q <= 4));
}

function tooltipText(items, series, a, b) {
  if (!items.length) return '';
  const s = series[items[0].dataIndex];
  const line = (label, d) => {
    const quads = QUADS.map((q) => `${q.short} ${d.quad[q.quad - 1] ?? 0}`).join(' · ');
    return `<b>${label}</b>: ${d.events} events, Goldstein ${formatGoldstein(d.goldstein)}<br>` +
           `<span style="color:#52606d">${quads}</span>`;
  };
  return `<b>${escapeHtml(s.period)}</b><br>${line(escapeHtml(`${a} → ${b}`), s.a_to_b)}<br>` +
         line(escapeHtml(`${b} → ${a}`), s.b_to_a);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function emptyDirection() {
  return {events: 0, quad: [0, 0, 0, 0], goldstein: 0};
}

// The periods from the first to the last, with the missing ones as zeros.
export function fillPeriods(series, bucket) {
  if (series.length < 2) return series;
  const byPeriod = new Map(series.map((s) => [s.period, s]));
  const first = series[0].period;
  const last = series[series.length - 1].period;
  const filled = [];
  for (let period = first; period <= last; period = nextPeriod(period, bucket)) {
    if (period === null || filled.length > MAX_FILLED_PERIODS) return series;
    filled.push(byPeriod.get(period) ??
                {period, a_to_b: emptyDirection(), b_to_a: emptyDirection()});
  }
  return filled;
}

function nextPeriod(period, bucket) {
  if (bucket === 'month') {
    const match = /^(\d{4})-(\d{2})$/.exec(period);
    if (!match) return null;
    const year = Number(match[1]);
    const month = Number(match[2]);
    return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period)) return null;
  const date = new Date(`${period}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + (bucket === 'week' ? 7 : 1));
  return date.toISOString().slice(0, 10);
}
