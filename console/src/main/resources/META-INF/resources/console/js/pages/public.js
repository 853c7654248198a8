// The public page: the blacklist as disclosed (persons masked by the server) and the typical
// cases that serve as warning. No key is used here, even when a department is signed in.

import { api, query } from '../api.js';
import { field, h, label, problemBox, render, table, withButton } from '../ui.js';

const PAGE_SIZE = 20;

export async function show() {
  const name = h('input', { type: 'search', name: 'q', maxlength: 100, placeholder: '单位或个人名称' });
  const code = h('input', { type: 'search', name: 'code', maxlength: 18, placeholder: '统一社会信用代码' });
  const results = h('div', { id: 'public-results' });
  const messages = h('div');
  const search = h('button', { type: 'submit' }, '查询');
  const csv = h('a', { class: 'button secondary', href: '/api/v1/public/listings.csv', download: 'safety-blacklist.csv' }, '导出 CSV');
  let page = 0;
  let latest = 0;

  async function load() {
    const asked = ++latest;
    const params = { q: name.value.trim(), code: code.value.trim().toUpperCase(), page, size: PAGE_SIZE };
    csv.href = `/api/v1/public/listings.csv${query({ q: params.q, code: params.code })}`;
    const found = await api.get(`/api/v1/public/listings${query(params)}`, { key: null });
    if (asked !== latest) {
      return; // a later search or page was asked for meanwhile: its answer is the one to show
    }
    const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    results.replaceChildren(
      h('p', { class: 'summary' }, `共 ${found.total} 条`),
      table(found.items, [
        ['名称', (r) => r.name],
        ['类型', (r) => label('subjectType', r.subjectType)],
        ['代码/证件号', (r) => r.code],
        ['列入情形', (r) => r.criterionTitle],
        ['决定部门', (r) => r.decidingDepartment],
        ['决定文书号', (r) => r.decisionNumber],
        ['列入期间', (r) => `${r.listedFrom} 至 ${r.listedUntil}`],
      ], { empty: '没有符合条件的记录', caption: '安全生产失信名单' }),
      h('div', { class: 'pager' },
        pagerButton('上一页', page === 0, () => { page--; }),
        h('span', {}, `第 ${page + 1} / ${pages} 页`),
        pagerButton('下一页', page + 1 >= pages, () => { page++; })));
  }

  function pagerButton(text, disabled, turn) {
    const button = h('button', { type: 'button', class: 'secondary', disabled }, text);
    button.addEventListener('click', () => {
      turn();
      withButton(button, messages, load);
    });
    return button;
  }

  const form = h('form', { class: 'search', onsubmit: (event) => {
    event.preventDefault();
    page = 0;
    withButton(search, messages, load);
  } }, field('名称', name), field('统一社会信用代码', code), search, csv);

  const typical = h('div', { id: 'typical-cases' });
  render(
    h('h1', {}, '安全生产失信名单公示'),
    h('p', { class: 'lead' }, '依据《安全生产严重失信主体名单管理办法》（应急管理部令第11号）公开。个人证件号已脱敏。'),
    form, messages, results,
    h('h2', {}, '典型案例警示'),
    typical);
  await Promise.all([
    withButton(search, messages, load),
    loadTypicalCases(typical).catch((error) => typical.replaceChildren(problemBox(error))),
  ]);
}

async function loadTypicalCases(into) {
  const cases = await api.get('/api/v1/public/typical-cases?size=10', { key: null });
  if (cases.items.length === 0) {
    into.replaceChildren(h('p', { class: 'empty' }, '暂无典型案例'));
    return;
  }
  into.replaceChildren(...cases.items.map((c) => h('article', { class: 'card typical' },
    h('h3', {}, c.unitName),
    h('p', { class: 'meta' }, `${c.uscc} · ${c.department} · ${c.decisionNumber}（${c.decisionDate}）`),
    h('p', {}, c.criterionTitle),
    h('p', { class: 'warning' }, c.warning),
    c.persons.length ? h('p', { class: 'meta' }, '责任人：', c.persons.map((p) => `${p.name}（${p.maskedIdNumber}，${label('responsibility', p.responsibility)}）`).join('；')) : null)));
}
