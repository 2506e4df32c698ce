#!/usr/bin/env bash
# Contact list and search benchmark (issue 4). Builds Release, generates N contacts in a fresh SQLite data
# folder, runs Kith and a bare Kestrel server serving the same bytes side by side, and measures with wrk:
#   1. the authenticated contact list vs. the bare server (goal: ≥ 25% of bare req/s, p99 ≤ 50 ms at 16 connections)
#   2. page 150 vs. page 1 of the list (goal: ≥ 80%)
#   3. search as you type (the picker endpoint), single client (goal: p99 ≤ 10 ms, at 100,000 contacts)
# Kith runs as "Staging": Production refuses a plain-http base URL, and wrk speaks plain http on loopback.
# Usage: bench/contacts.sh [list-contacts=10000] [search-contacts=100000] [duration=15s]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
list_contacts="${1:-10000}"
search_contacts="${2:-100000}"
duration="${3:-15s}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work="$(mktemp -d /tmp/kith-bench.XXXXXX)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "== build (Release)"
dotnet build Kith.slnx -c Release -nologo -v:q -tl:off >/dev/null
kith="$root/src/Kith/bin/Release/net10.0/linux-x64/kith.dll"
datagen="$root/bench/Kith.Bench.DataGen/bin/Release/net10.0/linux-x64/Kith.Bench.DataGen.dll"
bare="$root/bench/Kith.Bench.Bare/bin/Release/net10.0/linux-x64/Kith.Bench.Bare.dll"
email="bench@example.org"
password="p-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# Prepares a data folder with N contacts and starts Kith on PORT; sets $base and $cookie.
start_kith() {
  local name="$1" contacts="$2" port="$3"
  local data="$work/$name"
  mkdir -p "$data/keys"
  head -c 32 /dev/urandom | base64 >"$work/$name.key"
  export ASPNETCORE_ENVIRONMENT=Staging Kith__DataDirectory="$data" Kith__MasterKeyFile="$work/$name.key" \
    Kith__BaseUrl="http://127.0.0.1:$port" Kith__Limits__AuthRequestsPerMinute=1000 Kith__Limits__PostsPerMinute=100000 \
    Serilog__MinimumLevel__Default=Warning
  echo "$password" | dotnet "$kith" users create --email "$email" --name "Bench User" >/dev/null
  echo "== generating $contacts contacts ($name)"
  dotnet "$datagen" --provider Sqlite --connection "Data Source=$data/kith.db" --email "$email" --contacts "$contacts" | tail -n 1
  dotnet "$kith" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  pids+=($!)
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 150); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/$name.log" >&2; exit 1; }; sleep 0.2; done
  cookie="$(sign_in)"
  vault="$(curl -fs -H "Cookie: $cookie" "$base/vaults" | grep -oE '/vaults/[0-9a-f-]{36}' | head -n 1)"
}

# Secure (__Host-) cookies are not replayed by curl over plain http, so cookies are carried by hand.
sign_in() {
  local page token antiforgery session
  page="$(curl -fsi "$base/account/login")"
  token="$(grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' <<<"$page" | sed -E 's/.*value="([^"]+)"/\1/' | head -n 1)"
  [[ -n "$token" ]] || token="$(grep -oE 'value="[^"]+" name="__RequestVerificationToken"|name="__RequestVerificationToken" value="[^"]+"' <<<"$page" | grep -oE 'value="[^"]+"' | sed -E 's/value="([^"]+)"/\1/' | head -n 1)"
  antiforgery="$(grep -i '^set-cookie:' <<<"$page" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]+);.*/\1/' | grep -v '=$' | paste -sd ';' | sed 's/;/; /g')"
  session="$(curl -fsi -H "Cookie: $antiforgery" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password" "$base/account/login" |
    grep -i '^set-cookie:' | grep -oE '__Host-kith=[^;]+' | head -n 1)"
  [[ -n "$session" ]] || { echo "sign-in failed" >&2; exit 1; }
  echo "$session"
}

# Runs wrk and prints "req/s p50_ms p99_ms".
measure() {
  local connections="$1" url="$2"; shift 2
  local out
  out="$(wrk -t "$(( connections < 2 ? 1 : 2 ))" -c "$connections" -d "$duration" --latency -H "Cookie: $cookie" "$@" "$url")"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  if grep -q "Non-2xx" <<<"$out"; then echo "wrk saw non-2xx answers for $url" >&2; grep "Non-2xx" <<<"$out" >&2; fi
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}

to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 } else print v }'
}

# Follows "next" links from page 1 to page N; prints the path of page N.
page_path() {
  local target="$1" path="$vault/contacts" page=1 next
  while ((page < target)); do
    next="$(curl -fs -H "Cookie: $cookie" "$base$path" | grep -oE '<a [^>]*rel="next"[^>]*>' | grep -oE 'href="[^"]+"' | head -n 1 | sed -E 's/href="([^"]+)"/\1/; s/&amp;/\&/g')"
    [[ -n "$next" ]] || { echo "no page $((page + 1)) (only $page pages)" >&2; return 1; }
    path="$next"; page=$((page + 1))
  done
  echo "$path"
}

start_kith list "$list_contacts" 5101
curl -fs -H "Cookie: $cookie" "$base$vault/contacts" >"$work/page1.html"
dotnet "$bare" --urls "http://127.0.0.1:5199" --body "$work/page1.html" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:5199/" >/dev/null 2>&1 && break; sleep 0.2; done
page150="$(page_path 150)"

echo "== warm-up"
wrk -t 2 -c 16 -d 5s -H "Cookie: $cookie" "$base$vault/contacts" >/dev/null
wrk -t 2 -c 16 -d 5s "http://127.0.0.1:5199/" >/dev/null

echo "== measuring ($duration each, 16 connections)"
read -r bare_rps bare_p50 bare_p99 <<<"$(measure 16 "http://127.0.0.1:5199/")"
read -r list_rps list_p50 list_p99 <<<"$(measure 16 "$base$vault/contacts")"
read -r deep_rps deep_p50 deep_p99 <<<"$(measure 16 "$base$page150")"

kill "${pids[@]}" 2>/dev/null || true; pids=()
start_kith search "$search_contacts" 5102
# Prefixes in several scripts, percent-encoded: wrk sends the request target as written, and raw UTF-8 there is
# refused (400) by Kestrel, as by any HTTP server.
python3 - "$work/search.lua" <<'PY'
import sys, urllib.parse
prefixes = ["jam", "mar", "smi", "joh", "mül", "ива", "παπ", "محم", "王", "शर्", "acme", "glob", "book", "555", "emile", "zoe", "gar", "lee", "kin", "wri"]
encoded = ", ".join('"%s"' % urllib.parse.quote(p) for p in prefixes)
with open(sys.argv[1], "w") as lua:
    lua.write("local prefixes = {%s}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", wrk.path .. \"?q=\" .. prefixes[(i %% #prefixes) + 1])\nend\n" % encoded)
PY
curl -fs -H "Cookie: $cookie" "$base$vault/contacts/picker?q=jam" >/dev/null
wrk -t 1 -c 1 -d 5s -s "$work/search.lua" -H "Cookie: $cookie" "$base$vault/contacts/picker" >/dev/null
read -r search_rps search_p50 search_p99 <<<"$(measure 1 "$base$vault/contacts/picker" -s "$work/search.lua")"

printf '\n%-44s %10s %9s %9s\n' "scenario" "req/s" "p50 ms" "p99 ms"
printf '%-44s %10s %9s %9s\n' "bare Kestrel, same bytes as page 1" "$bare_rps" "$bare_p50" "$bare_p99"
printf '%-44s %10s %9s %9s\n' "contact list page 1 ($list_contacts contacts)" "$list_rps" "$list_p50" "$list_p99"
printf '%-44s %10s %9s %9s\n' "contact list page 150" "$deep_rps" "$deep_p50" "$deep_p99"
printf '%-44s %10s %9s %9s\n' "search, 1 client ($search_contacts contacts)" "$search_rps" "$search_p50" "$search_p99"
echo
awk -v l="$list_rps" -v b="$bare_rps" -v d="$deep_rps" -v lp="$list_p99" -v sp="$search_p99" 'BEGIN {
  printf "list / bare      = %.1f%%   (goal >= 25%%)\n", 100 * l / b
  printf "page 150 / page 1 = %.1f%%   (goal >= 80%%)\n", 100 * d / l
  printf "list p99          = %s ms   (goal <= 50 ms)\n", lp
  printf "search p99        = %s ms   (goal <= 10 ms)\n", sp
}'
