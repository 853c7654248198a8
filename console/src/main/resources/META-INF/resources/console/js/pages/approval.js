// The approval bureau's check: one applicant, or a pasted list (sent in parts so that a list of
// 1,000 codes shows its progress). Each answer shows the basis and this department's measures and
// can be downloaded or printed with its signed receipt.

import { api } from '../api.js';
import { usccProblem, normalise } from '../codes.js';
import { badge, download, field, fieldMessage, h, label, printOnly, progress, render, table, when, withButton } from '../ui.js';

const BATCH_PART = 100;
const BATCH_MAX = 1000;

export async function show({ caller }) {
  render(
    h('h1', {}, '审批前失信核查'),
    h('p', { class: 'lead' }, `以 ${caller.department} 的名义核查；每次核查都会记录并出具签名回执。`),
    h('div', { class: 'columns' }, singleCheck(caller), batchCheck()));
}

function singleCheck(caller) {
  const code = h('input', { name: 'code', maxlength: 40, autocomplete: 'off', spellcheck: 'false', required: true });
  const asOf = h('input', { type: 'datetime-local', name: 'asOf' });
  const messages = h('div');
  const answer = h('div', { id: 'check-answer' });
  const submit = h('button', { type: 'submit' }, '核查');
  code.addEventListener('input', () => {
    const value = normalise(code.value);
    fieldMessage(code, value.length === 18 && !/^\d{17}[\dX]$/.test(value) ? usccProblem(value) : '');
  });
  const form = h('form', { class: 'card', onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      // Always in the body: an ID number in a URL would be written to access logs.
      const body = { code: normalise(code.value) };
      if (asOf.value) body.asOf = new Date(asOf.value).toISOString();
      const result = await api.post('/api/v1/checks/single', body);
      answer.replaceChildren(answerCard(result, caller));
    });
  } },
  h('h2', {}, '单个核查'),
  field('统一社会信用代码或居民身份证号', code),
  field('核查时点（可选，查询历史状态）', asOf),
  submit, messages);
  return h('section', {}, form, answer);
}

/** Whose answer it is; a code valid as both kinds, on the register as neither, is both looked up. */
function subjectLabel(result) {
  if (!result.subjectType && result.lookedUpAs) {
    return '单位及个人均已核查';
  }
  return label('subjectType', result.subjectType);
}

/** One answer: status, basis, measures, key supervision and the receipt. */
export function answerCard(result, caller) {
  const status = result.status;
  const bases = result.bases || (result.basis ? [result.basis] : []);
  return h('article', { class: `card answer ${String(status).toLowerCase()}`, 'data-status': status },
    h('h3', {}, badge(label('status', status), String(status).toLowerCase()), ' ', result.code),
    h('p', { class: 'meta' }, `${subjectLabel(result)} · 数据来源：${label('source', result.source)}`),
    result.lookedUpAs ? h('p', { class: 'info', 'data-looked-up-as': result.lookedUpAs.join(',') },
      '该代码同时符合统一社会信用代码和居民身份证号码的校验规则，已分别按单位和个人核查，以较严重的结果为准。') : null,
    result.registerSince ? h('p', { class: 'warning', 'data-register-since': result.registerSince },
      `所查时点早于本登记簿的第一条记录（${when(result.registerSince)}）：登记簿不能反映该时点的情况，以下结果不能证明当时没有失信记录。`) : null,
    status === 'CLEAR' ? h('p', {}, '未发现安全生产失信记录。') : null,
    status === 'PROPOSED' ? h('p', { class: 'info' }, '该主体处于拟列入程序中（告知、申辩阶段）。此为提示信息，不构成不予许可的理由。') : null,
    bases.length > 1 ? h('p', { class: 'warning', 'data-bases': bases.length },
      `该主体有 ${bases.length} 项${status === 'LISTED' ? '有效的列入决定' : '正在进行的列入程序'}，每一项均独立有效：一项被修复、撤销或期满，其余各项仍然有效。`) : null,
    bases.map((basis) => h('dl', { class: 'basis', 'data-listing': basis.listingId },
      result.lookedUpAs ? [h('dt', {}, '主体类型'), h('dd', {}, label('subjectType', basis.subjectType))] : null,
      h('dt', {}, '列入情形'), h('dd', {}, `${basis.criterionTitle}（${basis.criterionCode}）`),
      basis.decisionNumber ? [h('dt', {}, '决定文书号'), h('dd', {}, basis.decisionNumber)] : null,
      h('dt', {}, '决定部门'), h('dd', {}, basis.decidingDepartmentName || basis.decidingDepartment),
      basis.listedFrom ? [h('dt', {}, '列入期间'), h('dd', {}, `${basis.listedFrom} 至 ${basis.listedUntil}`)] : null)),
    status === 'LISTED' ? h('div', {},
      h('h4', {}, `本部门（${caller.department}）应实施的惩戒措施`),
      table(result.measures || [], [
        ['措施', (m) => m.title],
        ['编号', (m) => m.code],
        ['依据', (m) => m.legalBasis],
      ], { empty: '本部门无对应惩戒措施' })) : null,
    result.keySupervision ? h('p', { class: 'info' },
      `重点监管对象：${result.keySupervision.from} 至 ${result.keySupervision.until}（${result.keySupervision.departmentName || result.keySupervision.department}）。仅供参考，不构成拒绝理由。`) : null,
    receiptBlock(result));
}

function receiptBlock(result) {
  const receipt = result.receipt;
  if (!receipt) {
    return null;
  }
  const print = h('button', { type: 'button', class: 'secondary' }, '打印');
  print.addEventListener('click', () => printOnly(print.closest('article')));
  return h('div', { class: 'receipt' },
    h('p', { class: 'meta' }, `回执编号 ${receipt.id} · ${when(receipt.checkedAt)} · ${receipt.algorithm} 签名（密钥 ${receipt.keyId}）`),
    h('div', { class: 'actions no-print' },
      h('button', { type: 'button', class: 'secondary', onclick: () => download(`check-receipt-${receipt.id}.json`, JSON.stringify(result, null, 2)) }, '下载回执'),
      print),
    h('details', {}, h('summary', {}, '签名内容'), h('pre', {}, receipt.signedText), h('p', { class: 'mono' }, receipt.signature)));
}

function batchCheck() {
  const codes = h('textarea', { name: 'codes', rows: 10, spellcheck: 'false', placeholder: '每行一个代码，最多 1000 个' });
  const messages = h('div');
  const out = h('div', { id: 'batch-result' });
  const submit = h('button', { type: 'submit' }, '批量核查');
  const form = h('form', { class: 'card', onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      const list = codes.value.split(/[\s,，;；]+/).map((c) => c.trim()).filter(Boolean);
      if (list.length === 0) {
        throw new Error('请至少输入一个代码。');
      }
      if (list.length > BATCH_MAX) {
        throw new Error(`一次最多核查 ${BATCH_MAX} 个代码，现有 ${list.length} 个。`);
      }
      const bar = progress('核查进度');
      out.replaceChildren(bar.element);
      bar.set(0, list.length);
      const results = [];
      for (let start = 0; start < list.length; start += BATCH_PART) {
        const part = list.slice(start, start + BATCH_PART);
        const answer = await api.post('/api/v1/checks', { codes: part });
        for (const item of answer.results) {
          results.push({ ...item, positions: (item.positions || []).map((p) => p + start) });
        }
        bar.set(Math.min(start + BATCH_PART, list.length), list.length);
      }
      out.replaceChildren(bar.element, batchTable(results));
    });
  } },
  h('h2', {}, '批量核查'),
  field('代码列表', codes, '粘贴统一社会信用代码或身份证号，每行一个。'),
  submit, messages);
  return h('section', {}, form, out);
}

function batchTable(results) {
  const counts = { LISTED: 0, PROPOSED: 0, CLEAR: 0, error: 0 };
  for (const r of results) {
    counts[r.error ? 'error' : r.status]++;
  }
  return h('div', {},
    h('p', { class: 'summary' }, `已列入 ${counts.LISTED} · 拟列入 ${counts.PROPOSED} · 未列入 ${counts.CLEAR} · 代码有误 ${counts.error}`),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => download('batch-check.json', JSON.stringify(results, null, 2)) }, '下载全部回执')),
    table(results, [
      ['行', (r) => r.positions.map((p) => p + 1).join('、')],
      ['代码', (r) => r.code],
      ['结果', (r) => (r.error ? badge('代码有误', 'error') : badge(label('status', r.status), String(r.status).toLowerCase()))],
      ['说明', (r) => (r.error ? r.error.message : r.basis ? r.basis.criterionTitle : '')],
      ['回执', (r) => r.receipt?.id || ''],
    ]));
}
