#!/usr/bin/env bash
# Walks the whole joint-sanction loop against the running local system (start it with ./local-run
# in another terminal first). Uses curl only; prints every request and answer.
#
#   scripts/demo.sh            # with the keys of the current local run (target/local-run/demo-keys.env)
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS=target/local-run/demo-keys.env
[ -f "$KEYS" ] || { echo "no $KEYS: start the system first with ./local-run" >&2; exit 1; }
# shellcheck disable=SC1090
. "$KEYS"

today=$(date +%F)
months_ago() { date -d "$today -$1 months" +%F; }
# A fresh valid USCC for every run (GB 32100 check character), so the script can be run again.
uscc() {
  local alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY weights=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
  local body=91320602 sum=0 i c
  for i in $(seq 9); do body+=${alphabet:$((RANDOM % 31)):1}; done
  for i in $(seq 0 16); do c=${body:$i:1}; c=${alphabet%%"$c"*}; sum=$((sum + ${#c} * weights[i])); done
  c=$(( (31 - sum % 31) % 31 ))
  echo "$body${alphabet:$c:1}"
}
code=$(uscc)
person=320611196702048134        # a valid 居民身份证号
step=0

call() {   # call KEY METHOD PATH [BODY]
  local key=$1 method=$2 path=$3 body=${4:-}
  echo "  → $method $path" >&2
  if [ -n "$body" ]; then
    curl -sS -X "$method" -H "Authorization: ApiKey $key" -H 'Content-Type: application/json' --data "$body" "$GATEWAY_URL$path"
  else
    curl -sS -X "$method" -H "Authorization: ApiKey $key" "$GATEWAY_URL$path"
  fi
}
show() { echo "  ← $(printf '%s' "$1" | cut -c1-600)"; echo; }
title() { step=$((step + 1)); echo "== $step. $*"; }
field() { { printf '%s' "$1" | grep -o "\"$2\":\"\{0,1\}[^\",}]*" || true; } | head -n 1 | sed 's/^[^:]*://; s/"//g'; }

title "区应急管理局 (ENFORCEMENT) records a penalty decision under criterion OM11-03"
answer=$(call "$DEMO_KEY_ENFORCEMENT" POST /api/v1/violations "{\"caseNumber\":\"崇应急罚〔2025〕DEMO-SH-$RANDOM号\",
  \"decisionNumber\":\"崇应急罚决〔2025〕88号\",\"decisionDate\":\"$(months_ago 15)\",\"criterionCode\":\"OM11-03\",
  \"description\":\"发生一般生产安全事故，情节特别严重、影响特别恶劣，被处以二倍罚款\",\"fineAmount\":600000,
  \"accidentDate\":\"$(months_ago 17)\",\"accidentGrade\":\"GENERAL\",\"fineMultiple\":2,\"especiallySerious\":true,
  \"unit\":{\"uscc\":\"$code\",\"name\":\"南通崇川演示化工有限公司\"},
  \"persons\":[{\"name\":\"演示人\",\"idNumber\":\"$person\",\"responsibility\":\"PRINCIPAL\"}]}")
show "$answer"
listing=$(field "$answer" listingId)
violation=$(field "$answer" id)
echo "   the unit's listing is $listing (PROPOSED); its 主要负责人 has a linked one"; echo

title "The approval bureau (APPROVAL) checks the applicant: PROPOSED is information, not a refusal"
show "$(call "$DEMO_KEY_APPROVAL" GET "/api/v1/checks/$code")"

title "The case is entered late from its paper file: the credit office (ADMIN) confirms each date more than 30 days ago"
show "$(call "$DEMO_KEY_ADMIN" POST "/api/v1/listings/$listing/backdating-confirmations" "{\"step\":\"NOTICE\",\"date\":\"$(months_ago 14)\",\"reason\":\"纸质案卷补录，原件已归档\"}")"
show "$(call "$DEMO_KEY_ADMIN" POST "/api/v1/listings/$listing/backdating-confirmations" "{\"step\":\"DECISION\",\"date\":\"$(months_ago 13)\",\"reason\":\"纸质案卷补录，原件已归档\"}")"

title "Enforcement notifies the party (告知) — dated 14 months ago, as if recorded late"
show "$(call "$DEMO_KEY_ENFORCEMENT" POST "/api/v1/listings/$listing/notice" "{\"noticeDate\":\"$(months_ago 14)\",\"servedOn\":\"$(months_ago 14)\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}")"

title "After the defence period, enforcement decides to list (列入决定)"
show "$(call "$DEMO_KEY_ENFORCEMENT" POST "/api/v1/listings/$listing/decision" "{\"decisionNumber\":\"崇应急失信〔2025〕88号\",\"decisionDate\":\"$(months_ago 13)\"}")"

title "The check now says LISTED, with the basis, the bureau's measures and a signed receipt"
show "$(call "$DEMO_KEY_APPROVAL" GET "/api/v1/checks/$code")"

title "The public blacklist shows it (no key needed)"
echo "  → GET /api/v1/public/listings?code=$code"
show "$(curl -sS "$GATEWAY_URL/api/v1/public/listings?code=$code")"

title "Partner departments receive signed notices (see target/local-run/partners.log); 区发改委 (FGW) looks at its inbox"
notice=""
for _ in $(seq 1 30); do
  inbox=$(call "$KEY_FGW" GET "/api/v1/notices?status=NEW" 2>/dev/null)
  # (no match yet is not an error: the notice may still be on its way)
  notice=$({ printf '%s' "$inbox" | grep -o "\"id\":\"[^\"]*\",\"kind\":\"SANCTION_START\",\"department\":\"FGW\",\"listingId\":$listing" || true; } | head -n 1 | sed 's/"id":"\([^"]*\)".*/\1/')
  [ -n "$notice" ] && break
  sleep 1
done
[ -n "$notice" ] || { echo "no notice for listing $listing reached FGW within 30 s" >&2; exit 1; }
show "$(call "$KEY_FGW" GET "/api/v1/notices/$notice")"

title "FGW acknowledges (响应) and reports what it applied (反馈)"
show "$(call "$KEY_FGW" POST "/api/v1/notices/$notice/ack" '{}')"
measures=$(call "$KEY_FGW" GET "/api/v1/notices/$notice" 2>/dev/null | sed -n 's/.*"measureCodes":\[\([^]]*\)\].*/\1/p' | tr -d '"' | tr ',' ' ')
outcomes=""
for m in $measures; do
  outcomes="$outcomes{\"measureCode\":\"$m\",\"outcome\":\"APPLIED\",\"referenceNumber\":\"崇发改〔$(date +%Y)〕9号\",\"date\":\"$today\",\"note\":\"项目核准不予受理\"},"
done
show "$(call "$KEY_FGW" POST "/api/v1/notices/$notice/feedback" "{\"outcomes\":[${outcomes%,}]}")"

title "The credit office (ADMIN) follows the case: per department, delivered / acknowledged / feedback"
show "$(call "$DEMO_KEY_ADMIN" GET "/api/v1/cases/$listing")"

title "The case's follow-up (一案五制): checklist reminder, the unit's commitment, a return visit, a typical case"
show "$(call "$DEMO_KEY_ENFORCEMENT" POST "/api/v1/violations/$violation/follow-up/checklist-reminders" "{\"sentOn\":\"$(months_ago 15)\",\"channel\":\"POST\",\"items\":[\"CL-01\",\"CL-06\"]}")"
show "$(call "$DEMO_KEY_ENFORCEMENT" POST "/api/v1/violations/$violation/follow-up/commitment" "{\"uscc\":\"$code\",\"signedOn\":\"$(months_ago 14)\",\"text\":\"本单位承诺依法整改，不再发生同类违法行为\"}")"
show "$(call "$DEMO_KEY_ENFORCEMENT" POST "/api/v1/violations/$violation/follow-up/visits/1" "{\"visitedOn\":\"$(months_ago 14)\",\"outcome\":\"RECTIFIED\"}")"
show "$(call "$DEMO_KEY_ADMIN" POST "/api/v1/violations/$violation/follow-up/typical" '{"warning":"事故后被处二倍罚款，警示同类企业落实主体责任"}')"
echo "  → GET /api/v1/public/typical-cases"
show "$(curl -sS "$GATEWAY_URL/api/v1/public/typical-cases")"
show "$(call "$DEMO_KEY_ENFORCEMENT" GET /api/v1/follow-ups/overdue-visits)"

title "Twelve months on, the unit applies for credit repair (its commitment is on record); the credit office approves"
repair=$(call "$DEMO_KEY_ENFORCEMENT" POST "/api/v1/listings/$listing/repairs" '{"conditions":{"penaltyFulfilled":true,"rectified":true,"creditCommitment":true,"trainingCompleted":true},"evidence":["罚款缴纳凭证","整改验收报告","信用承诺书","培训证明"]}')
show "$repair"
show "$(call "$DEMO_KEY_ADMIN" POST "/api/v1/repairs/$(field "$repair" id)/approval" '{"reason":"修复条件齐备"}')"

title "End-of-sanction notices go out; the check says CLEAR again"
sleep 3
show "$(call "$DEMO_KEY_APPROVAL" GET "/api/v1/checks/$code")"
echo "Done. The partner stubs' log: target/local-run/partners.log"
