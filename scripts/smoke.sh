#!/usr/bin/env bash
# End-to-end check of a running suite (./serenade up), through the public API only, as a client would:
# a real Keycloak token, events in, a personalized home page out, another user's data out of reach.
# Exits non-zero on the first failed check; prints one line per check.
set -euo pipefail

GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:${KEYCLOAK_PORT:-8180}}"
API="$GATEWAY/api/v1"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAR="$REPO/bench/target/serenade-bench.jar"
LOGS="$REPO/.serenade/logs"
passed=0
failed=0

check() {
  local what="$1"; shift
  if "$@"; then
    printf 'ok    %s\n' "$what"; passed=$((passed + 1))
  else
    printf 'FAIL  %s\n' "$what"; failed=$((failed + 1))
  fi
}

token() {
  curl -fsS -d grant_type=password -d client_id=serenade-app -d "username=$1" -d "password=$2" \
    "$KEYCLOAK/realms/serenade/protocol/openid-connect/token" | jq -r .access_token
}

status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

ALICE="$(token alice alice-serenade)"
BOB="$(token bob bob-serenade)"
check "Keycloak issues tokens for alice and bob" test -n "$ALICE" -a "$ALICE" != null -a -n "$BOB"

# Three new events for alice, with fresh ids: a play, a completion, a rating.
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
ids=("$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)")
events="$(jq -n --arg a "${ids[0]}" --arg b "${ids[1]}" --arg c "${ids[2]}" --arg now "$now" '[
  {eventId: $a, titleId: "t-00007", type: "PLAY", value: 31, context: {device: "tv", timeZone: "Europe/London", localTime: "21:15"}, occurredAt: $now},
  {eventId: $b, titleId: "t-00007", type: "COMPLETE", occurredAt: $now},
  {eventId: $c, titleId: "t-00011", type: "RATING", value: 4.5, occurredAt: $now}]')"
accepted="$(curl -fsS -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' -d "$events" "$API/me/events" | jq -r .accepted)"
check "POST /me/events accepts a batch of 3 (202)" test "$accepted" = 3

home="$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/home")"
check "alice's home page has >= 3 rows" test "$(jq '.rows | length' <<<"$home")" -ge 3
check "every row has >= 10 titles" test "$(jq '[.rows[] | .items | length] | min' <<<"$home")" -ge 10
check "every title has an artwork URL and a reason" \
  test "$(jq '[.rows[].items[] | select((.artwork.imageUrl // "") == "" or (.reason.text // "") == "")] | length' <<<"$home")" = 0
check "no title appears twice" test "$(jq '[.rows[].items[].titleId] | (length == (unique | length))' <<<"$home")" = true
check "the page is personalized for alice" test "$(jq .personalized <<<"$home")" = true

image="$(jq -r '.rows[0].items[0].artwork.imageUrl' <<<"$home")"
check "the artwork URL serves an SVG image" bash -c "curl -fsS '$image' | grep -q '<svg'"
check "alice's artwork is chosen for her: logged with an impression id, a propensity and why" \
  test "$(jq '[.rows[].items[].artwork | select(.impressionId == null or .propensity <= 0 or .propensity > 1 or (.why.text // "") == "")] | length' <<<"$home")" = 0
art_of() { jq -c '[.rows[].items[] | {t: .titleId, a: .artwork.artworkId, why: .artwork.why.code}] | sort_by(.t)'; }
first_art="$(art_of <<<"$home")"
again_art="$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/home" | art_of)"
changed="$(jq -n -c --argjson a "$first_art" --argjson b "$again_art" \
  '[$a[] as $x | $b[] | select(.t == $x.t and .a != $x.a) | {title: .t, before: $x.a, beforeWhy: $x.why, after: .a, afterWhy: .why}]')"
[[ "$changed" == "[]" ]] || echo "      changed between the two pages: $changed" >&2
check "alice keeps the same image for every title on her next page (stickiness)" test "$changed" = "[]"

history_has_events() {
  local h
  h="$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/history?size=50")"
  for id in "${ids[@]}"; do jq -e --arg id "$id" 'any(.items[]; .eventId == $id)' <<<"$h" >/dev/null || return 1; done
}
wait_history() { for _ in $(seq 1 50); do history_has_events && return 0; sleep 0.2; done; return 1; }
check "the events reached alice's history through Kafka (within 10 s)" wait_history

completed_hidden() {
  ! curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/home" | jq -e 'any(.rows[].items[]; .titleId == "t-00007")' >/dev/null
}
wait_completed() { for _ in $(seq 1 50); do completed_hidden && return 0; sleep 0.2; done; return 1; }
check "a title alice completed leaves her home page" wait_completed

check "bob's profile is bob's, not alice's" test "$(curl -fsS -H "Authorization: Bearer $BOB" "$API/me/profile" | jq -r .displayName)" = Bob
bob_history="$(curl -fsS -H "Authorization: Bearer $BOB" "$API/me/history?size=200")"
check "none of alice's new events is in bob's history" \
  test "$(jq --arg a "${ids[0]}" --arg b "${ids[1]}" --arg c "${ids[2]}" '[.items[] | select(.eventId == $a or .eventId == $b or .eventId == $c)] | length' <<<"$bob_history")" = 0
consent_state() {  # user-token purpose -> the caller's current state of that purpose
  curl -fsS -H "Authorization: Bearer $1" "$API/me/consents" | jq -r --arg p "$2" '.purposes[] | select(.purpose == $p) | .state'
}
granted="$(curl -fsS -X PUT -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
  -d '{"consents": {"experimentation": "GRANTED"}, "source": "api"}' "$API/me/consents" | jq -r '.purposes[] | select(.purpose == "experimentation") | .state')"
check "alice grants a purpose through PUT /me/consents" test "$granted" = GRANTED
check "alice's grant is not bob's" test "$(consent_state "$BOB" experimentation)" != GRANTED
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
  -d '{"consents": {"experimentation": "WITHDRAWN"}}' "$API/me/consents"
check "alice withdraws it again, and the ledger shows both decisions" \
  test "$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/consents/history?size=2" | jq -r '[.items[].state] | join(",")')" = "WITHDRAWN,GRANTED"

# Exact explanations: every personal score splits into the user's own events; the shares sum to 1.
home="$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/home")"
check "alice's top picks cite her own events, with shares that sum to 1" test "$(jq '
  [.rows[] | select(.id == "top-picks") | .items[].explanation | select(. != null)
   | ((([.because[].share] | add) + .otherShare) - 1 | fabs < 1e-6) and (.because | length > 0)]
  | (length > 0 and all)' <<<"$home")" = true
cited="$(jq -r '[.rows[].items[].explanation.because[]?.eventId] | first' <<<"$home")"
check "bob cannot forget alice's event: 404" test "$(status_of -X DELETE -H "Authorization: Bearer $BOB" "$API/me/history/$cited")" = 404
check "alice forgets the event cited first: 204" test "$(status_of -X DELETE -H "Authorization: Bearer $ALICE" "$API/me/history/$cited")" = 204
not_cited() {
  ! curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/home" | jq -e --arg id "$cited" 'any(.rows[].items[].explanation.because[]?; .eventId == $id)' >/dev/null
}
wait_forgotten() { for _ in $(seq 1 50); do not_cited && return 0; sleep 0.2; done; return 1; }
check "the forgotten event is cited nowhere on her next pages (within 10 s)" wait_forgotten

# Personalized search tolerates a typo: two letters of a title's name swapped.
ADMIN="$(token serenade-admin admin-serenade)"
# A title alice's maturity (16+) allows, whose name has a word of at least 5 letters.
picked="$(curl -fsS -H "Authorization: Bearer $ADMIN" "$API/admin/titles?size=100" | jq -c '[.[]
  | select(.maturityRating != "18+" and ([.name | splits("[^A-Za-z]+") | select(length >= 5)] | length > 0))][0]')"
title_id="$(jq -r .titleId <<<"$picked")"
name="$(jq -r .name <<<"$picked")"
word="$(jq -rn --arg n "$name" '[$n | splits("[^A-Za-z]+") | select(length >= 5)] | first')"
typo="${name/$word/${word:0:2}${word:3:1}${word:2:1}${word:4}}"
check "search for '$typo' finds '$name' among the first 3" \
  test "$(curl -fsS -G -H "Authorization: Bearer $ALICE" --data-urlencode "q=$typo" "$API/me/search" | jq --arg t "$title_id" '[.results[:3][].titleId] | index($t) != null')" = true

CAROL="$(token carol carol-serenade)"
carol_home="$(curl -fsS -H "Authorization: Bearer $CAROL" "$API/me/home")"
check "carol, who did not allow personalization, gets a non-personal page that says so" \
  test "$(jq '(.personalized == false) and (.notice | test("personalization")) and ([.rows[].items[].reason.personal] | any | not)' <<<"$carol_home")" = true
check "carol's artwork is the global best, logged for nobody, and says why" \
  test "$(jq '[.rows[].items[].artwork | select(.impressionId != null or .policy != "global-best" or .why.code != "personalization-off")] | length' <<<"$carol_home")" = 0
check "the served model is versioned with held-out metrics" \
  test "$(curl -fsS -H "Authorization: Bearer $ADMIN" "$API/admin/models" | jq '[.[] | select(.status == "ready")][0].metrics | has("ndcg@10")')" = true
check "no token: 401" test "$(status_of "$API/me/home")" = 401
check "a user on an admin route: 403" test "$(status_of -H "Authorization: Bearer $ALICE" "$API/admin/titles")" = 403
check "a malformed event: 400 problem+json" \
  test "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' -d '{"type":"WATCHED"}' "$API/me/events")" = "400 application/problem+json"

# Privacy: the catalogue, transparency, the data-use log, export, enforcement of consent, pacing, erasure.
check "the purpose catalogue lists the 6 purposes, each with categories and a retention" \
  test "$(curl -fsS "$API/purposes" | jq '[.purposes[] | select((.dataCategories | length) > 0 and .retention != null)] | length')" = 6
transparency="$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/transparency")"
check "alice's transparency view counts her interaction history and names who holds it" \
  test "$(jq '[.categories[] | select(.category == "interaction-history" and .count > 0 and (.heldBy | length) > 0)] | length' <<<"$transparency")" = 1
check "alice's data-use log records her personalized home pages" \
  test "$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/data-use?size=5" | jq '[.items[] | select(.purposes | index("personalization"))] | length > 0')" = true
export_id="$(curl -fsS -X POST -H "Authorization: Bearer $ALICE" "$API/me/exports" | jq -r .id)"
export_done() { [[ "$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/exports/$export_id" | jq -r .status)" == DONE ]]; }
wait_export() { for _ in $(seq 1 150); do export_done && return 0; sleep 0.2; done; return 1; }
check "alice's export completes (within 30 s)" wait_export
check "the archive holds her history, inferred affinities, artwork impressions, consents and data use" \
  test "$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/exports/$export_id/archive" | jq '
    (.services["profile-service"].data["interaction-history"].events | length > 0)
    and (.services["ranking-service"].data | has("inferred-affinities"))
    and (.services["artwork-service"].data["artwork-context"].impressions | length > 0)
    and (.consents.history | length > 0) and (.dataUse | length > 0) and (.missing // [] | length == 0)')" = true
check "bob cannot read alice's export: 404" test "$(status_of -H "Authorization: Bearer $BOB" "$API/me/exports/$export_id")" = 404
check "carol has not granted assistant-context: 403 problem+json" \
  test "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' -H "Authorization: Bearer $CAROL" "$API/me/assistant-context")" = "403 application/problem+json"
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
  -d '{"consents": {"assistant-context": "GRANTED"}}' "$API/me/consents"
check "with assistant-context, alice's assistant context has labelled fields: genres, recent titles, language, maturity" \
  test "$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/assistant-context" | jq '
    ([.fields[] | select(.purpose == "assistant-context" and .source != null)] | length) == (.fields | length)
    and ([.fields[].name] | (index("topGenres") != null and index("recentTitles") != null and index("language") != null and index("maturity") != null))')" = true
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
  -d '{"consents": {"assistant-context": "WITHDRAWN"}}' "$API/me/consents"
NOTIFIER="$(curl -fsS -d grant_type=client_credentials -d client_id=serenade-notifier -d client_secret=serenade-notifier-secret \
  "$KEYCLOAK/realms/serenade/protocol/openid-connect/token" | jq -r .access_token)"
ALICE_ID="$(curl -fsS -H "Authorization: Bearer $ALICE" "$API/me/profile" | jq -r .userId)"
check "the notifier may not notify alice, who has not granted notifications" \
  test "$(curl -fsS -H "Authorization: Bearer $NOTIFIER" -H 'Content-Type: application/json' \
    -d "{\"userId\": \"$ALICE_ID\", \"kind\": \"new-season\", \"urgency\": \"NORMAL\"}" "$API/notifications/decisions" | jq -r '.decision + " " + .reason.code')" = "DENY no-consent"
check "a user token on the notifier route: 403" \
  test "$(status_of -X POST -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' -d '{}' "$API/notifications/decisions")" = 403
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $BOB" -H 'Content-Type: application/json' \
  -d '{"consents": {"personalization": "WITHDRAWN", "artwork-personalization": "WITHDRAWN"}}' "$API/me/consents"
check "bob withdraws personalization: his very next page is not personal, nor its artwork" \
  test "$(curl -fsS -H "Authorization: Bearer $BOB" "$API/me/home" | jq '(.personalized == false) and ([.rows[].items[].artwork.impressionId | select(. != null)] | length == 0)')" = true
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $BOB" -H 'Content-Type: application/json' \
  -d '{"consents": {"personalization": "GRANTED", "artwork-personalization": "GRANTED"}}' "$API/me/consents"
check "proof of erasure: a user with data in every store, erased, leaves 0 records in PostgreSQL, Redis and compacted topics" \
  java -jar "$BENCH_JAR" erasure-proof --user loadtest-3 --keycloak "$KEYCLOAK" --gateway "$GATEWAY"

# No personal data in the services' logs: demo users' names, e-mail addresses and the titles they watched.
if [[ -d "$LOGS" ]]; then
  watched="$(for t in "$ALICE" "$BOB" "$CAROL"; do curl -fsS -H "Authorization: Bearer $t" "$API/me/history?size=200" | jq -r '.items[].titleId // empty'; done | sort -u | head -300)"
  names="$(for id in $watched; do curl -fsS -H "Authorization: Bearer $ADMIN" "$API/admin/titles/$id" | jq -r .name; done)"
  personal="$(printf '%s\n' Alice Bob Carol alice@example.com bob@example.com carol@example.com "space opera" "$names")"
  # grep finds nothing when all is well: its exit status 1 is the good outcome here, not an error.
  leaks() { { grep -F -w -h -o -f <(grep -v '^$' <<<"$personal") "$LOGS"/{gateway,profile-service,ranking-service,consent-service,artwork-service}.log || true; } | sort | uniq -c; }
  found="$(leaks)"
  check "the services' logs hold no demo user's name, e-mail, search text or watched title ($(wc -l <<<"$names") titles searched)" test -z "$found"
  [[ -z "$found" ]] || head -5 <<<"$found"
fi

echo "$passed passed, $failed failed"
((failed == 0))
