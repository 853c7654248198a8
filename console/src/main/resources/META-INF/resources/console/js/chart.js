// The delivery dashboard's chart: notices created, delivered, acknowledged and answered per day,
// drawn as SVG (no chart library, nothing fetched), with the figures also in a table for screen
// readers and printing.

import { h, table } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const SERIES = [
  ['created', '新增通知', 'series-created'],
  ['delivered', '已送达', 'series-delivered'],
  ['acknowledged', '已响应', 'series-acknowledged'],
  ['answered', '已反馈', 'series-answered'],
];

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  element.append(...children);
  return element;
}

/** days: [{day, created, delivered, acknowledged, answered, dead}], oldest first. */
export function historyChart(days) {
  if (!days || days.length === 0) {
    return h('p', { class: 'empty' }, '近期没有通知');
  }
  const width = 760;
  const height = 220;
  const left = 40;
  const bottom = 24;
  const max = Math.max(1, ...days.flatMap((d) => SERIES.map(([key]) => d[key])));
  const step = (width - left - 10) / Math.max(1, days.length - 1);
  const x = (i) => left + i * step;
  const y = (value) => height - bottom - (value / max) * (height - bottom - 10);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': '近 30 天通知数量走势' });
  for (const fraction of [0, 0.5, 1]) {
    const value = Math.round(max * fraction);
    chart.append(svg('line', { x1: left, x2: width - 10, y1: y(value), y2: y(value), class: 'grid' }),
      svg('text', { x: left - 6, y: y(value) + 4, class: 'axis', 'text-anchor': 'end' }, String(value)));
  }
  days.forEach((d, i) => {
    if (i % Math.ceil(days.length / 6) === 0 || i === days.length - 1) {
      chart.append(svg('text', { x: x(i), y: height - 6, class: 'axis', 'text-anchor': 'middle' }, d.day.slice(5)));
    }
  });
  for (const [key, , css] of SERIES) {
    const points = days.map((d, i) => `${x(i)},${y(d[key])}`).join(' ');
    chart.append(svg('polyline', { points, class: `line ${css}` }));
  }
  const legend = h('p', { class: 'legend' }, SERIES.map(([, title, css]) => h('span', { class: `key ${css}` }, title)));
  const figures = h('details', {}, h('summary', {}, '按日数据'), table(days.slice().reverse(), [
    ['日期', (d) => d.day], ...SERIES.map(([key, title]) => [title, (d) => d[key]]), ['投递失败', (d) => d.dead],
  ]));
  return h('div', { class: 'chart-box' }, chart, legend, figures);
}
