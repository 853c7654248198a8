// A partner department's inbox: the joint-sanction notices addressed to it (响应: acknowledge;
// 反馈: report per measure what it applied or lifted).

import { api, query } from '../api.js';
import {
  actionButton, badge, endpointState, h, label, reloadPage, render, today, toast, when, withButton,
} from '../ui.js';

const STATUS = { NEW: '待响应', ACKNOWLEDGED: '已响应待反馈', ANSWERED: '已反馈' };

export async function show({ caller, args }) {
  const status = args[0] && STATUS[args[0]] ? args[0] : 'NEW';
  const [notices, endpoint] = await Promise.all([
    api.get(`/api/v1/notices${query({ status, limit: 100 })}`),
    api.get(`/api/v1/departments/${encodeURIComponent(caller.department)}/endpoint`),
  ]);
  render(
    h('h1', {}, `联合惩戒通知（${caller.department}）`),
    h('p', { id: 'endpoint', class: 'meta' }, '本部门接收地址：', endpointState(endpoint, endpoint.pushes)),
    endpoint.pushes && !endpoint.enabled
      ? h('p', { class: 'warning' }, '系统已停止向本部门接收地址推送通知，新通知仍在本收件箱中。接收地址恢复后，请联系区信用办恢复推送，等待中的通知将立即重新发送。')
      : null,
    h('nav', { class: 'tabs', 'aria-label': '通知状态' }, Object.entries(STATUS).map(([value, text]) =>
      h('a', { href: `#/inbox/${value}`, 'aria-current': value === status ? 'page' : null }, text))),
    notices.length === 0 ? h('p', { class: 'empty' }, '没有此状态的通知') : null,
    h('div', { id: 'notices' }, notices.map(noticeCard)));
}

function noticeCard(notice) {
  const listing = notice.content?.listing || {};
  const measures = notice.content?.measures || [];
  const acknowledged = Boolean(notice.acknowledgedAt);
  const messages = h('div');
  const card = h('article', { class: 'card notice', 'data-notice': notice.id, 'data-listing': notice.listingId },
    h('h3', {}, badge(label('kind', notice.kind), notice.kind === 'SANCTION_END' ? 'clear' : 'listed'), ' ', listing.subjectName || `列入记录 #${notice.listingId}`),
    h('p', { class: 'meta' }, `${listing.subjectCode || ''} · ${listing.criterionTitle || ''}`),
    notice.kind === 'SANCTION_END' && listing.otherListingsInForce?.length
      ? h('p', { class: 'warning', 'data-other-listings': listing.otherListingsInForce.join(',') },
        `该主体仍因其他列入记录（${listing.otherListingsInForce.map((id) => `#${id}`).join('、')}）处于失信名单：本通知只解除本记录的惩戒措施，其他记录要求的措施继续实施。`)
      : null,
    h('dl', { class: 'basis' },
      h('dt', {}, '决定文书号'), h('dd', {}, listing.decisionNumber || '—'),
      h('dt', {}, '决定部门'), h('dd', {}, listing.decidingDepartment || '—'),
      h('dt', {}, '列入期间'), h('dd', {}, listing.listedFrom ? `${listing.listedFrom} 至 ${listing.listedUntil}` : '—'),
      h('dt', {}, '送达时间'), h('dd', {}, when(notice.deliveredAt || notice.createdAt)),
      h('dt', {}, '反馈期限'), h('dd', {}, notice.feedbackDueOn ? [notice.feedbackDueOn, notice.overdue ? badge('已逾期', 'dead') : ''] : '—')),
    messages);
  if (!acknowledged) {
    const ack = actionButton('确认收到（响应）', messages, async () => {
      await api.post(`/api/v1/notices/${encodeURIComponent(notice.id)}/ack`, {});
      toast('已响应');
      reloadPage();
    });
    card.append(h('div', { class: 'actions' }, ack));
  } else if (!notice.feedbackAt || notice.feedback?.length < measures.length) {
    card.append(feedbackForm(notice, measures, messages));
  } else {
    card.append(h('ul', {}, notice.feedback.map((f) => h('li', {}, `${f.measureCode}：${label('outcome', f.outcome)} ${f.referenceNumber || ''} ${f.date || ''} ${f.note || ''}`))));
  }
  return card;
}

function feedbackForm(notice, measures, messages) {
  const start = notice.kind !== 'SANCTION_END';
  const rows = measures.map((measure) => {
    const outcome = h('select', { name: `outcome-${measure.code}`, 'aria-label': `${measure.title} 实施情况` },
      h('option', { value: start ? 'APPLIED' : 'LIFTED' }, start ? '已实施' : '已解除'),
      h('option', { value: 'NOT_APPLICABLE' }, '不适用'));
    const reference = h('input', { name: `reference-${measure.code}`, maxlength: 80, 'aria-label': `${measure.title} 文书号` });
    const date = h('input', { type: 'date', name: `date-${measure.code}`, value: today(), max: today(), 'aria-label': `${measure.title} 日期` });
    const note = h('input', { name: `note-${measure.code}`, maxlength: 500, 'aria-label': `${measure.title} 说明` });
    return {
      row: h('tr', {}, h('td', {}, measure.title, h('div', { class: 'meta' }, measure.code)), h('td', {}, outcome), h('td', {}, reference), h('td', {}, date), h('td', {}, note)),
      read: () => ({
        measureCode: measure.code,
        outcome: outcome.value,
        referenceNumber: reference.value.trim() || undefined,
        date: outcome.value === 'NOT_APPLICABLE' ? undefined : date.value,
        note: note.value.trim() || undefined,
      }),
    };
  });
  const submit = h('button', { type: 'submit' }, '提交反馈');
  return h('form', { class: 'feedback', onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      await api.post(`/api/v1/notices/${encodeURIComponent(notice.id)}/feedback`, { outcomes: rows.map((r) => r.read()) });
      toast('反馈已提交');
      reloadPage();
    });
  } },
  h('h4', {}, '反馈惩戒措施实施情况'),
  h('table', {}, h('thead', {}, h('tr', {}, ['措施', '实施情况', '文书号', '日期', '说明'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => r.row))),
  submit);
}
