// Enforcement officers: record a penalty decision (codes checked while typing), follow their
// listings through notice, defence and decision, and keep up the case follow-up (一案五制).
// The listing page is shared with the credit office (ADMIN), which revokes and repairs.

import { api, query } from '../api.js';
import { idNumberProblem, normalise, usccProblem } from '../codes.js';
import {
  actionButton, badge, download, field, fieldMessage, h, label, labels, problemBox, progress, reloadPage, render, table, toast,
  today, when,
  withButton,
} from '../ui.js';

export async function show(context) {
  const [section = 'record', id] = context.args;
  if (section === 'record' && !context.hasRole('ENFORCEMENT')) {
    // The credit office follows cases but does not record penalties: only the imposing department does.
    render(h('h1', {}, '无权访问'), h('p', {}, '只有执法部门可以录入行政处罚决定。'));
    return undefined;
  }
  if (section === 'listings') {
    return showListings(context);
  }
  if (section === 'follow-ups') {
    return showFollowUps();
  }
  if (section === 'case' && id) {
    return showCase(id, context);
  }
  return showRecordForm();
}

// --- recording a violation -------------------------------------------------------------------

async function showRecordForm() {
  const criteria = await api.get('/api/v1/criteria');
  // One key per form: a retried or double-clicked submit returns the first record, creates nothing.
  let idempotencyKey = crypto.randomUUID();
  const input = (attributes) => h('input', { autocomplete: 'off', ...attributes });
  const caseNumber = input({ name: 'caseNumber', maxlength: 64, required: true });
  const decisionNumber = input({ name: 'decisionNumber', maxlength: 80, required: true });
  const decisionDate = input({ name: 'decisionDate', type: 'date', required: true, value: today(), max: today() });
  const criterion = h('select', { name: 'criterionCode', required: true },
    h('option', { value: '' }, '请选择'),
    criteria.map((c) => h('option', { value: c.code }, `${c.code} ${c.title}`)));
  const description = h('textarea', { name: 'description', rows: 3, maxlength: 2000, required: true });
  const fine = input({ name: 'fineAmount', type: 'number', min: 0, step: '0.01', required: true });
  const uscc = input({ name: 'uscc', maxlength: 18, required: true, spellcheck: 'false' });
  const unitName = input({ name: 'unitName', maxlength: 200, required: true });
  // The facts the criterion is decided from: the accident (none for 第七条), the fine multiple, the finding.
  const accidentDate = input({ name: 'accidentDate', type: 'date', max: today() });
  const accidentGrade = h('select', { name: 'accidentGrade' }, h('option', { value: '' }, '未发生生产安全事故'),
    Object.entries(labels.accidentGrade).map(([value, text]) => h('option', { value }, `${text}事故`)));
  const fineMultiple = input({ name: 'fineMultiple', type: 'number', min: 0.01, max: 5, step: '0.01' });
  const especiallySerious = h('input', { type: 'checkbox', name: 'especiallySerious' });
  const suggestions = h('div', { id: 'criterion-suggestions', 'aria-live': 'polite' });
  const persons = h('div', { class: 'persons' });
  const messages = h('div');
  const result = h('div', { id: 'record-result' });
  const submit = h('button', { type: 'submit' }, '提交处罚决定');

  liveCheck(uscc, usccProblem, '统一社会信用代码校验通过');

  function facts() {
    return {
      accidentDate: accidentDate.value || null,
      accidentGrade: accidentGrade.value || null,
      fineMultiple: fineMultiple.value === '' ? null : Number(fineMultiple.value),
      especiallySerious: especiallySerious.checked,
    };
  }

  // The criteria the facts decide, asked for whenever a fact changes; the officer confirms one.
  let asked = 0;
  async function suggest() {
    if (!suggestions.isConnected) {
      return; // the person has left the form (a change typed just before leaving); ask nothing
    }
    const wanted = ++asked;
    const f = facts();
    const waiting = !f.accidentDate !== !f.accidentGrade ? '请同时填写事故日期和事故等级。'
      : (f.fineMultiple !== null || f.especiallySerious) && !f.accidentGrade ? '罚款倍数和“情节特别严重”只适用于发生事故的处罚。'
        : f.fineMultiple >= 2 && !f.especiallySerious ? '2倍以上罚款须处罚决定认定情节特别严重、影响特别恶劣（安全生产法第一百一十四条第二款）。'
          : null;
    if (waiting) {
      suggestions.replaceChildren(h('p', { class: 'hint' }, waiting));
      return;
    }
    const code = normalise(uscc.value);
    try {
      const rows = await api.post('/api/v1/criteria/suggestions', {
        ...f, decisionDate: decisionDate.value || null, uscc: code.length === 18 && !usccProblem(code) ? code : null,
      });
      if (wanted === asked) {
        suggestions.replaceChildren(suggestionTable(rows));
      }
    } catch (error) {
      if (wanted === asked) {
        suggestions.replaceChildren(problemBox(error));
      }
    }
  }

  function suggestionTable(rows) {
    const open = rows.filter((r) => r.outcome !== 'EXCLUDED');
    return h('div', {},
      h('p', { class: 'hint' }, '根据上述事实，系统建议的失信情形（请核对处罚决定后选择）：'),
      table(open, [
        ['判断', (r) => badge(label('criterionOutcome', r.outcome), r.outcome === 'MET' ? 'listed' : 'proposed')],
        ['情形', (r) => `${r.criterionCode} ${r.title}`],
        ['依据与理由', (r) => h('div', {}, h('div', {}, r.legalBasis), h('div', { class: 'hint' }, r.reason))],
        ['决定部门', (r) => r.decidingDepartment || '—'],
        ['', (r) => h('button', { type: 'button', class: 'link', dataset: { criterion: r.criterionCode },
          onclick: () => { criterion.value = r.criterionCode; criterion.focus(); } }, '选用')],
      ], { empty: '依现有事实，没有可适用的失信情形。' }),
      rows.length > open.length ? h('details', {}, h('summary', {}, `不适用的情形（${rows.length - open.length}）`),
        h('ul', {}, rows.filter((r) => r.outcome === 'EXCLUDED').map((r) => h('li', {}, `${r.criterionCode}：${r.reason}`))))
        : null);
  }

  let timer;
  const later = () => { clearTimeout(timer); timer = setTimeout(suggest, 250); };
  for (const element of [accidentDate, accidentGrade, fineMultiple, especiallySerious, uscc, decisionDate]) {
    element.addEventListener('input', later);
    element.addEventListener('change', later);
  }

  function addPerson() {
    const name = input({ name: 'personName', maxlength: 60, required: true });
    const idNumber = input({ name: 'idNumber', maxlength: 18, required: true, spellcheck: 'false' });
    const responsibility = h('select', { name: 'responsibility' },
      h('option', { value: 'PRINCIPAL' }, '主要负责人'), h('option', { value: 'OTHER' }, '其他责任人'));
    liveCheck(idNumber, idNumberProblem, '身份证号校验通过');
    const row = h('fieldset', { class: 'person' }, h('legend', {}, '责任人'),
      field('姓名', name), field('居民身份证号', idNumber), field('责任', responsibility),
      h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, '移除'));
    row.read = () => ({ name: name.value.trim(), idNumber: normalise(idNumber.value), responsibility: responsibility.value });
    row.idInput = idNumber;
    persons.append(row);
  }

  const form = h('form', { class: 'card wide', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      const wrong = [[uscc, usccProblem], ...[...persons.children].map((row) => [row.idInput, idNumberProblem])]
        .filter(([element, check]) => check(element.value));
      if (wrong.length > 0) {
        wrong.forEach(([element, check]) => fieldMessage(element, check(element.value)));
        wrong[0][0].focus();
        throw new Error('请先更正标红的代码。');
      }
      const body = {
        caseNumber: caseNumber.value.trim(),
        decisionNumber: decisionNumber.value.trim(),
        decisionDate: decisionDate.value,
        criterionCode: criterion.value,
        description: description.value.trim(),
        fineAmount: fine.value === '' ? null : Number(fine.value),
        ...facts(),
        unit: { uscc: normalise(uscc.value), name: unitName.value.trim() },
        persons: [...persons.children].map((row) => row.read()),
      };
      const recorded = await api.post('/api/v1/violations', body, { headers: { 'Idempotency-Key': idempotencyKey } });
      idempotencyKey = crypto.randomUUID();
      form.reset();
      persons.replaceChildren();
      suggest();
      result.replaceChildren(recordedCard(recorded));
      toast('处罚决定已录入');
    });
  } },
  h('h2', {}, '录入行政处罚决定'),
  h('div', { class: 'grid' },
    field('案件编号', caseNumber), field('处罚决定书文号', decisionNumber), field('决定日期', decisionDate),
    field('罚款金额（元）', fine)),
  h('fieldset', {}, h('legend', {}, '事故与罚款事实（决定适用的失信情形）'),
    h('div', { class: 'grid' },
      field('事故等级', accidentGrade, '以事故调查报告认定的等级为准'), field('事故发生日期', accidentDate),
      field('罚款倍数', fineMultiple, '安全生产法第一百一十四条第一款罚款数额的倍数，第二款为2至5倍'),
      field('处罚决定认定情节特别严重、影响特别恶劣', especiallySerious)),
    suggestions),
  field('适用的失信情形', criterion),
  field('违法事实', description),
  h('fieldset', {}, h('legend', {}, '被处罚单位'), h('div', { class: 'grid' },
    field('统一社会信用代码', uscc, '输入时即校验第 18 位校验码'), field('单位名称', unitName))),
  persons,
  h('button', { type: 'button', class: 'secondary', onclick: addPerson }, '添加责任人'),
  h('div', { class: 'actions' }, submit),
  messages);
  addPerson();
  render(h('h1', {}, '录入处罚'), form, result);
  suggest();
}

function liveCheck(element, check, okText) {
  element.addEventListener('input', () => {
    const value = normalise(element.value);
    if (value.length < 18) {
      fieldMessage(element, value.length ? `还差 ${18 - value.length} 位` : '', 'hint');
    } else {
      const problem = check(value);
      fieldMessage(element, problem || okText, problem ? 'error' : 'ok');
    }
  });
}

function recordedCard(recorded) {
  const evaluation = recorded.evaluation || {};
  const facts = recorded.facts || {};
  const proposed = (recorded.listings || []).length > 0;
  return h('article', { class: 'card', id: 'recorded' },
    h('h3', {}, `已录入：${recorded.caseNumber}`),
    h('p', {}, facts.accidentGrade
      ? `事故：${facts.accidentDate}，${facts.accidentGradeLabel}事故${facts.fineMultiple ? `；罚款倍数 ${facts.fineMultiple}` : ''}`
        + `${facts.especiallySerious ? '；情节特别严重、影响特别恶劣' : ''}`
      : '未发生生产安全事故'),
    h('p', {}, evaluation.criterionMet && proposed ? '符合列入条件，已生成拟列入记录：'
      : evaluation.criterionMet && evaluation.alreadyCounted ? '符合列入条件；该起事故已在本单位此前的拟列入记录中计算，不再重复提出。'
        : '未达到列入严重失信主体名单的条件。'),
    evaluation.reason ? h('p', { class: 'hint' }, evaluation.reason) : null,
    table(recorded.listings || [], [
      ['主体', (l) => `${l.subjectName}（${label('subjectType', l.subjectType)}）`],
      ['状态', (l) => badge(label('state', l.state), String(l.state).toLowerCase())],
      ['决定部门', (l) => l.department],
      ['', (l) => h('a', { href: `#/listing/${l.listingId}` }, '办理')],
    ], { empty: '无' }),
    h('p', {}, h('a', { href: `#/enforcement/case/${recorded.id}` }, '查看案件回访（一案五制）')));
}

// --- listings ----------------------------------------------------------------------------------

export async function showListings({ caller }) {
  const state = h('select', { name: 'state' }, h('option', { value: '' }, '全部状态'),
    Object.entries(labels.state).map(([value, text]) => h('option', { value }, text)));
  const list = h('div', { id: 'listings' });
  const messages = h('div');
  async function load() {
    const rows = await api.get(`/api/v1/listings${query({ state: state.value, size: 200 })}`);
    list.replaceChildren(table(rows, [
      ['编号', (l) => h('a', { href: `#/listing/${l.id}` }, `#${l.id}`)],
      ['主体', (l) => `${l.subjectName}（${label('subjectType', l.subjectType)}）`],
      ['情形', (l) => l.criterionTitle],
      ['状态', (l) => badge(label('state', l.state), String(l.state).toLowerCase())],
      ['申辩期限', (l) => l.defenceDeadline || '—'],
      ['列入期间', (l) => (l.listedFrom ? `${l.listedFrom} 至 ${l.listedUntil}` : '—')],
      ['部门', (l) => l.departmentName || l.department],
    ], { empty: '没有列入记录' }));
  }
  state.addEventListener('change', () => withButton(state, messages, load));
  render(h('h1', {}, caller.roles.includes('ADMIN') ? '全部列入记录' : '本部门的列入记录'),
    h('div', { class: 'toolbar' }, field('状态', state)), messages, list);
  await load();
}

export async function showListing({ args, caller }) {
  const id = args[0];
  const listing = await api.get(`/api/v1/listings/${encodeURIComponent(id)}`);
  const actions = h('div', { id: 'listing-actions' });
  const own = listing.department === caller.department && caller.roles.includes('ENFORCEMENT');
  for (const action of listing.allowedActions || []) {
    const form = actionForm(action, listing, { own, admin: caller.roles.includes('ADMIN') });
    if (form) {
      actions.append(form);
    }
  }
  if (caller.roles.includes('ADMIN') && ['PROPOSED', 'NOTIFIED'].includes(listing.state)) {
    actions.append(backdatingForm(listing));
  }
  const delivery = h('div', { id: 'case-delivery' });
  render(
    h('p', {}, h('a', { href: caller.roles.includes('ADMIN') ? '#/admin/listings' : '#/enforcement/listings' }, '← 返回列表')),
    h('h1', {}, `列入记录 #${listing.id}：${listing.subjectName}`),
    h('article', { class: 'card' },
      h('p', {}, badge(label('state', listing.state), String(listing.state).toLowerCase()), ' ',
        `${label('subjectType', listing.subjectType)} · ${listing.subjectCode}`),
      h('dl', { class: 'basis' },
        h('dt', {}, '列入情形'), h('dd', {}, `${listing.criterionTitle}（${listing.criterionCode}）`),
        h('dt', {}, '决定部门'), h('dd', {}, listing.departmentName || listing.department),
        h('dt', {}, '告知日期'), h('dd', {}, listing.noticeDate || '—'),
        h('dt', {}, '送达'), h('dd', {}, listing.servedOn ? `${listing.servedOn}（${SERVICE_METHODS[listing.serviceMethod] || listing.serviceMethod}）` : '—'),
        h('dt', {}, '申辩期限'), h('dd', {}, listing.defenceDeadline || '—'),
        h('dt', {}, '列入决定'), h('dd', {}, listing.decisionNumber || '—'),
        h('dt', {}, '列入期间'), h('dd', {}, listing.listedFrom ? `${listing.listedFrom} 至 ${listing.listedUntil}` : '—'),
        h('dt', {}, '可申请修复'), h('dd', {}, listing.repairEligibleFrom || '—')),
      listing.linked?.length ? h('p', {}, '连带列入：', listing.linked.map((l) => h('a', { href: `#/listing/${l.id}`, class: 'tag' }, `${l.subjectName}（${label('state', l.state)}）`))) : null),
    actions,
    h('h2', {}, '联合惩戒通知送达情况'), delivery,
    h('h2', {}, '办理记录'),
    h('ol', { class: 'history' }, (listing.history || []).map((e) => h('li', {},
      h('strong', {}, `${when(e.occurredAt)} ${HISTORY_KINDS[e.kind] || e.kind}`),
      e.kind === 'TRANSITION' ? ` ${e.fromState ? `${label('state', e.fromState)} → ` : ''}${label('state', e.toState)}` : '',
      ` · ${e.actorDepartment}（${e.actorRole}）`,
      e.reason ? h('div', {}, e.reason) : null))));
  if (['LISTED', 'REPAIRED', 'REVOKED', 'EXPIRED', 'RESTORED'].includes(listing.state)) {
    loadCaseDelivery(listing.id, delivery);
  } else {
    delivery.replaceChildren(h('p', { class: 'empty' }, '作出列入决定后向各成员单位发送惩戒通知。'));
  }
}

/** The joint-sanction case appears a moment after the decision (sent on by the outbox): ask again a few times. */
async function loadCaseDelivery(listingId, into, triesLeft = 10) {
  try {
    const sanctionCase = await api.get(`/api/v1/cases/${listingId}`);
    into.replaceChildren(caseTable(sanctionCase));
  } catch (error) {
    if (error.status === 404 && triesLeft > 0 && into.isConnected) {
      into.replaceChildren(h('p', { class: 'empty' }, '正在向各成员单位发送惩戒通知……'));
      setTimeout(() => loadCaseDelivery(listingId, into, triesLeft - 1), 2000);
    } else {
      into.replaceChildren(h('p', { class: 'empty' }, error.status === 404 ? '尚未生成惩戒案件，请稍后刷新。' : error.message));
    }
  }
}

function caseTable(sanctionCase) {
  return table(sanctionCase.departments, [
    ['成员单位', (n) => n.department],
    ['通知', (n) => label('kind', n.kind)],
    ['送达', (n) => badge(label('delivery', n.deliveryStatus), String(n.deliveryStatus).toLowerCase())],
    ['送达时间', (n) => when(n.deliveredAt)],
    ['响应', (n) => when(n.acknowledgedAt)],
    ['反馈', (n) => when(n.feedbackAt)],
  ], { empty: '暂无通知' });
}

const HISTORY_KINDS = {
  TRANSITION: '状态变更', OBJECTION_FILED: '提出异议', OBJECTION_ANSWERED: '答复异议', REPAIR_APPLIED: '申请信用修复',
  REPAIR_REJECTED: '驳回修复申请', BACKDATING_CONFIRMED: '确认补录日期',
};

const FOLLOW_UP_KINDS = {
  PLAN_OPENED: '建立回访计划', CHECKLIST_SENT: '发送清单提醒', COMMITMENT_RECORDED: '记录承诺书', VISIT_RECORDED: '记录回访',
  MARKED_TYPICAL: '列为典型案例', UNMARKED_TYPICAL: '取消典型案例',
};

const ACTION_TITLES = {
  NOTIFY: '告知当事人（拟列入告知书）',
  DECIDE: '作出列入决定',
  DROP: '不予列入',
  REVOKE: '撤销列入',
  APPROVE_REPAIR: '申请信用修复',
};

/** How a notice was served on the party (送达方式); the defence period runs from the day of service. */
const SERVICE_METHODS = {
  DIRECT: '直接送达', LEFT_AT_ADDRESS: '留置送达', POSTAL: '邮寄送达', ELECTRONIC: '电子送达', ENTRUSTED: '委托送达',
  PUBLIC_NOTICE: '公告送达',
};

/**
 * The credit office confirms a notice or decision date more than 30 days ago (a case entered late
 * from its paper file); the enforcement department can then record the step with that date.
 */
function backdatingForm(listing) {
  const messages = h('div');
  const submit = h('button', { type: 'submit' }, '确认补录日期');
  const step = h('select', { name: 'backdatingStep', required: true },
    listing.state === 'PROPOSED' ? h('option', { value: 'NOTICE' }, '告知日期') : null,
    h('option', { value: 'DECISION' }, '决定日期'));
  const date = h('input', { type: 'date', name: 'backdatingDate', max: today(), required: true });
  const reason = h('textarea', { name: 'backdatingReason', rows: 2, maxlength: 1000, required: true,
    placeholder: '如：纸质案卷补录，原件存档号……' });
  return h('form', { class: 'card action', 'data-action': 'BACKDATING', onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      await api.post(`/api/v1/listings/${listing.id}/backdating-confirmations`,
        { step: step.value, date: date.value, reason: reason.value.trim() });
      toast('已确认');
      reloadPage();
    });
  } }, h('h3', {}, '确认补录日期（早于 30 日前的告知或决定日期）'),
  h('p', { class: 'meta' }, '告知或决定日期早于 30 日前的，须经信用办确认该日期及理由后，执法部门方可按该日期办理。'),
  field('环节', step), field('日期', date), field('理由', reason), submit, messages);
}

function actionForm(action, listing, { own, admin }) {
  const messages = h('div');
  const submit = h('button', { type: 'submit' }, ACTION_TITLES[action] || action);
  let fields;
  let send;
  if (action === 'NOTIFY' && own) {
    const noticeDate = h('input', { type: 'date', name: 'noticeDate', value: today(), max: today(), required: true });
    const servedOn = h('input', { type: 'date', name: 'servedOn', value: today(), max: today(), required: true });
    const method = h('select', { name: 'serviceMethod', required: true },
      Object.entries(SERVICE_METHODS).map(([value, text]) => h('option', { value }, text)));
    const reason = h('textarea', { name: 'noticeReason', rows: 2, maxlength: 1000, required: true },
      '拟列入安全生产严重失信主体名单');
    const evidence = h('textarea', { name: 'noticeEvidence', rows: 2, required: true });
    fields = [field('告知日期', noticeDate), field('送达日期（申辩期自此起算）', servedOn), field('送达方式', method),
      field('告知理由', reason), field('证据材料（每行一项）', evidence)];
    send = () => api.post(`/api/v1/listings/${listing.id}/notice`, {
      noticeDate: noticeDate.value, servedOn: servedOn.value, serviceMethod: method.value, reason: reason.value.trim(),
      evidence: evidence.value.split('\n').map((line) => line.trim()).filter(Boolean),
    });
  } else if (action === 'DECIDE' && own) {
    const number = h('input', { name: 'decisionNumber', maxlength: 80, required: true });
    const date = h('input', { type: 'date', name: 'listingDecisionDate', value: today(), max: today(), required: true });
    const waived = h('input', { type: 'checkbox', name: 'defenceWaived' });
    const waiver = h('input', { name: 'waiverReference', maxlength: 200 });
    const waiverField = field('书面放弃声明文号', waiver);
    waiverField.hidden = true;
    waived.addEventListener('change', () => {
      waiverField.hidden = !waived.checked;
      waiver.required = waived.checked;
    });
    fields = [field('列入决定书文号', number), field('决定日期', date),
      h('label', { class: 'check' }, waived, ' 当事人书面放弃陈述申辩'), waiverField];
    send = () => api.post(`/api/v1/listings/${listing.id}/decision`,
      { decisionNumber: number.value.trim(), decisionDate: date.value, defenceWaived: waived.checked,
        waiverReference: waived.checked ? waiver.value.trim() : null });
  } else if ((action === 'DROP' && own) || (action === 'REVOKE' && admin)) {
    const reason = h('textarea', { name: 'reason', rows: 2, maxlength: 1000, required: true });
    fields = [field('理由', reason)];
    const path = action === 'DROP' ? 'drop' : 'revocation';
    send = () => api.post(`/api/v1/listings/${listing.id}/${path}`, { reason: reason.value.trim() });
  } else if (action === 'APPROVE_REPAIR' && (own || admin) && listing.repairEligibleFrom > today()) {
    return h('p', { class: 'card info', 'data-action': action }, `自 ${listing.repairEligibleFrom} 起可申请信用修复。`);
  } else if (action === 'APPROVE_REPAIR' && (own || admin)) {
    const boxes = ['penaltyFulfilled', 'rectified', 'creditCommitment', 'trainingCompleted'];
    const names = { penaltyFulfilled: '已履行行政处罚', rectified: '已完成整改', creditCommitment: '已作出信用承诺', trainingCompleted: '已参加培训' };
    const inputs = Object.fromEntries(boxes.map((b) => [b, h('input', { type: 'checkbox', name: b })]));
    const evidence = h('textarea', { name: 'evidence', rows: 2, placeholder: '每行一份证明材料' });
    fields = [...boxes.map((b) => h('label', { class: 'check' }, inputs[b], ` ${names[b]}`)), field('证明材料', evidence)];
    send = () => api.post(`/api/v1/listings/${listing.id}/repairs`, {
      conditions: Object.fromEntries(boxes.map((b) => [b, inputs[b].checked])),
      evidence: evidence.value.split('\n').map((e) => e.trim()).filter(Boolean),
    });
  } else {
    return null;
  }
  return h('form', { class: 'card action', 'data-action': action, onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      await send();
      toast('已办理');
      reloadPage();
    });
  } }, h('h3', {}, ACTION_TITLES[action] || action), fields, submit, messages);
}

// --- follow-ups ----------------------------------------------------------------------------------

async function showFollowUps() {
  const [overdue, supervised, report] = await Promise.all([
    api.get('/api/v1/follow-ups/overdue-visits'),
    api.get('/api/v1/follow-ups/key-supervision'),
    api.get('/api/v1/follow-ups/repeat-report'),
  ]);
  render(h('h1', {}, '案件回访（一案五制）'),
    h('h2', {}, '逾期未回访'),
    table(overdue, [
      ['案件', (v) => h('a', { href: `#/enforcement/case/${v.violationId}` }, v.caseNumber)],
      ['单位', (v) => `${v.unitName}（${v.uscc}）`],
      ['回访', (v) => `第 ${v.visit} 次`],
      ['应回访日', (v) => v.dueOn],
      ['逾期天数', (v) => v.daysOverdue],
    ], { empty: '没有逾期的回访' }),
    h('h2', {}, '重点监管对象'),
    table(supervised, [
      ['案件', (v) => h('a', { href: `#/enforcement/case/${v.violationId}` }, v.caseNumber)],
      ['单位', (v) => `${v.unitName}（${v.uscc}）`],
      ['监管期间', (v) => `${v.from} 至 ${v.until}`],
    ], { empty: '暂无' }),
    h('h2', {}, `同一区域同类违法（${report.from} 至 ${report.to}）`),
    repeatReport(report));
}

/** The repeat report by area (USCC characters 3–8) and criterion, per month, with its CSV export. */
function repeatReport(report) {
  const messages = h('div');
  const bar = progress('导出进度');
  bar.element.hidden = true;
  const exportCsv = actionButton('导出 CSV', messages, async () => {
    bar.element.hidden = false;
    const csv = await fetchWithProgress('/api/v1/follow-ups/repeat-report.csv', (done, total) => bar.set(done, total || done));
    download(`repeat-report-${report.from}-${report.to}.csv`, csv, 'text/csv;charset=utf-8');
  }, { kind: 'secondary' });
  return h('section', { id: 'repeat-report' },
    table(report.rows, [
      ['区划', (r) => r.areaCode],
      ['情形', (r) => `${r.criterionTitle}（${r.criterionCode}）`],
      ...report.months.map((month) => [month.slice(2), (r) => r.counts[month] || '']),
      ['合计', (r) => r.total],
      ['重复', (r) => (r.flagged ? badge(String(r.repeats), 'dead') : r.repeats)],
    ], { empty: '期间内没有案件' }),
    h('div', { class: 'actions' }, exportCsv), bar.element, messages);
}

/** Reads a file from the API showing how much of it has arrived; answers its bytes. */
async function fetchWithProgress(path, onProgress) {
  const response = await api.raw(path);
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const parts = [];
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) {
      break;
    }
    parts.push(chunk.value);
    done += chunk.value.length;
    onProgress(done, total);
  }
  return new Blob(parts, { type: response.headers.get('Content-Type') || 'text/csv' });
}

async function showCase(id) {
  const plan = await api.get(`/api/v1/violations/${encodeURIComponent(id)}/follow-up`);
  const visits = table(plan.visits, [
    ['回访', (v) => `第 ${v.n} 次`],
    ['应回访日', (v) => v.dueOn],
    ['回访日', (v) => v.visitedOn || (v.overdue ? badge(`逾期 ${v.daysOverdue} 天`, 'dead') : '—')],
    ['结果', (v) => ({ RECTIFIED: '已整改', NOT_RECTIFIED: '未整改', NEW_VIOLATION_FOUND: '发现新违法' }[v.outcome] || '—')],
    ['', (v) => (v.visitedOn ? '' : visitForm(id, v.n))],
  ]);
  render(
    h('h1', {}, `案件回访：${plan.caseNumber}`),
    h('p', { class: 'lead' }, `${plan.unit.name}（${plan.unit.uscc}）· ${plan.criterion.title} · 立案 ${plan.caseDate}`),
    plan.repeat?.flagged ? h('p', { class: 'problem' }, `同一区域 ${plan.repeat.windowMonths} 个月内同类违法 ${plan.repeat.earlierInWindow} 起：重复违法预警`) : null,
    h('div', { class: 'columns' },
      h('section', { class: 'card' }, h('h2', {}, '清单提醒'), table(plan.checklistReminders, [
        ['日期', (r) => r.sentOn], ['方式', (r) => r.channel], ['事项', (r) => r.items.map((i) => i.title).join('、')]])),
      h('section', { class: 'card' }, h('h2', {}, '企业承诺'),
        plan.commitment ? h('p', {}, `${plan.commitment.signedOn}：${plan.commitment.text || plan.commitment.documentRef}`) : h('p', { class: 'empty' }, '尚未记录承诺书')),
      h('section', { class: 'card' }, h('h2', {}, '典型案例'), h('p', {}, plan.typical?.typical ? `已列为典型案例：${plan.typical.warning}` : '否')),
      h('section', { class: 'card' }, h('h2', {}, '重点监管'), h('p', {}, plan.keySupervision ? `${plan.keySupervision.from} 至 ${plan.keySupervision.until}` : '—'))),
    h('h2', {}, '定期回访'), visits,
    h('h2', {}, '记录'), h('ol', { class: 'history' }, plan.history.map((e) => h('li', {},
      `${when(e.occurredAt)} ${FOLLOW_UP_KINDS[e.kind] || e.kind} · ${e.actorDepartment}：${e.detail || ''}`))));
}

function visitForm(violationId, n) {
  const date = h('input', { type: 'date', name: `visitedOn-${n}`, value: today(), max: today(), 'aria-label': `第 ${n} 次回访日期` });
  const outcome = h('select', { name: `outcome-${n}`, 'aria-label': `第 ${n} 次回访结果` },
    h('option', { value: 'RECTIFIED' }, '已整改'), h('option', { value: 'NOT_RECTIFIED' }, '未整改'),
    h('option', { value: 'NEW_VIOLATION_FOUND' }, '发现新违法'));
  const messages = h('div');
  const submit = h('button', { type: 'submit', class: 'small' }, '记录回访');
  return h('form', { class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    withButton(submit, messages, async () => {
      await api.post(`/api/v1/violations/${violationId}/follow-up/visits/${n}`, { visitedOn: date.value, outcome: outcome.value });
      toast('回访已记录');
      reloadPage();
    });
  } }, date, outcome, submit, messages);
}
