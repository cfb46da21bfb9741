#!/usr/bin/env bash
# A scripted curl session against `./edfi sandbox --seed populated`: token, POST (201, then 200), GET, PUT, a person
# unique id change, a malformed id, validation errors, an unresolved reference, DELETE and a dependent-item conflict.
# Each status is checked against ../shared/docs/edfi-api-behavior.md and the README's notes on where the sandbox follows
# ODS/API more closely than that file; the bodies are printed. Needs curl and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log="$(mktemp)"
start=$(date +%s.%N)
"$here/edfi" sandbox --seed populated --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do grep -q '^Key:' "$log" && break; sleep 0.05; done
B=$(awk '/^URL:/{print $2}' "$log"); K=$(awk '/^Key:/{print $2}' "$log"); S=$(awk '/^Secret:/{print $2}' "$log")
[ -n "$B" ] || { cat "$log"; exit 1; }
echo "sandbox ready in $(python3 -c "print(round($(date +%s.%N)-$start,1))") s at $B"

failures=0
call() { # expected-status description curl-args...
  local want=$1 what=$2; shift 2
  local out; out=$(curl -s -w '\n%{http_code}' "$@")
  local got=${out##*$'\n'} body=${out%$'\n'*}
  if [ "$got" = "$want" ]; then echo "ok   $got $what"; else echo "FAIL $got (expected $want) $what"; failures=$((failures+1)); fi
  [ -z "$body" ] || echo "     $body"
}
json() { python3 -c "import json,sys;print(json.load(sys.stdin)$1)"; }

call 401 "token with a wrong secret" -u "$K:wrong" -d grant_type=client_credentials "$B/oauth/token"
T=$(curl -s -u "$K:$S" -d grant_type=client_credentials "$B/oauth/token" | json '["access_token"]')
A=(-H "Authorization: Bearer $T" -H "Content-Type: application/json")
call 401 "data without a token" "$B/data/v3/ed-fi/students"
STUDENT='{"studentUniqueId":"999001","birthDate":"2010-01-02","firstName":"Ana","lastSurname":"Lee"}'
call 201 "POST a new student" "${A[@]}" -d "$STUDENT" "$B/data/v3/ed-fi/students"
call 200 "POST the same natural key (upsert)" "${A[@]}" -d "$STUDENT" "$B/data/v3/ed-fi/students"
ID=$(curl -s "${A[@]}" "$B/data/v3/ed-fi/students?studentUniqueId=999001" | json '[0]["id"]')
call 200 "GET by id" "${A[@]}" "$B/data/v3/ed-fi/students/$ID"
call 204 "PUT a changed name" -X PUT "${A[@]}" -d "${STUDENT/Ana/Anna}" "$B/data/v3/ed-fi/students/$ID"
call 204 "PUT a changed studentUniqueId (a person's unique id may change, as on ODS/API)" -X PUT "${A[@]}" -d "${STUDENT/999001/999002}" "$B/data/v3/ed-fi/students/$ID"
call 400 "PUT with an id that is not a GUID" -X PUT "${A[@]}" -d "$STUDENT" "$B/data/v3/ed-fi/students/not-a-guid"
call 400 "POST without lastSurname" "${A[@]}" -d '{"studentUniqueId":"999003","birthDate":"2010-01-02","firstName":"Anna"}' "$B/data/v3/ed-fi/students"
call 400 "GET with limit=501" "${A[@]}" "$B/data/v3/ed-fi/students?limit=501"
call 409 "POST an enrollment of a student who does not exist" "${A[@]}" -d '{"studentReference":{"studentUniqueId":"nobody"},"schoolReference":{"schoolId":255901001},"entryDate":"2024-08-20","entryGradeLevelDescriptor":"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade"}' "$B/data/v3/ed-fi/studentSchoolAssociations"
call 204 "DELETE the student" -X DELETE "${A[@]}" "$B/data/v3/ed-fi/students/$ID"
call 404 "GET the deleted student" "${A[@]}" "$B/data/v3/ed-fi/students/$ID"
SCHOOL=$(curl -s "${A[@]}" "$B/data/v3/ed-fi/schools?schoolId=255901001" | json '[0]["id"]')
call 409 "DELETE a school that other items refer to" -X DELETE "${A[@]}" "$B/data/v3/ed-fi/schools/$SCHOOL"
echo "$failures unexpected status codes"
[ "$failures" -eq 0 ]
