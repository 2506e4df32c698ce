#!/usr/bin/env bash
# Positive control for the analyzer gates: builds src/Kith with the deliberately bad
# src/Kith/Canary/AnalyzerCanary.cs compiled in and asserts that the build fails with every
# expected diagnostic. Exit 0 = all gates live; non-zero = a gate is dead or the check broke.
# Usage: scripts/check-analyzers.sh   (set KITH_CANARY_KEEP=1 to keep the scratch copy)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d -t kith-canary.XXXXXX)"
if [[ "${KITH_CANARY_KEEP:-}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; fi

# Build a scratch copy rather than the working tree: building in place (even with -o) rewrites
# src/Kith/obj and races any concurrent build/IDE, and moving BaseIntermediateOutputPath out of
# the tree makes the default globs pick up src/Kith/obj/*.cs (duplicate-attribute CS0579).
(cd "$root" && find . -maxdepth 1 -type f -print0 | tar --null -T - -cf -) | tar -xf - -C "$work"
(cd "$root" && tar --exclude=bin --exclude=obj --exclude=node_modules -cf - src) | tar -xf - -C "$work"

log="$work/build.log"
start=$SECONDS
set +e
dotnet build "$work/src/Kith/Kith.csproj" -tl:off -nologo -v:q -p:KithAnalyzerCanary=true >"$log" 2>&1
rc=$?
set -e
echo "canary build: exit $rc in $((SECONDS - start)) s"

canary="$(grep -F 'Canary/AnalyzerCanary.cs(' "$log" | grep -E ': error [A-Z]+[0-9]+: ' | sort -u || true)"

# One line per gate: diagnostic id | text that must appear in the same message.
fails=0
while IFS='|' read -r id needle; do
    if grep -F -- ": error $id: " <<<"$canary" | grep -qF -- "$needle"; then
        echo "  fired    $id  ($needle)"
    else
        echo "  MISSING  $id  ($needle)"
        fails=$((fails + 1))
    fi
done <<'EOF'
IDE0161|file-scoped namespace
RS0030|'DateTime.UtcNow'
RS0030|'DateTimeOffset.Now'
RS0030|'Process.Start(string)'
RS0030|'BinaryFormatter'
RS0030|FromSqlRaw
RS0030|ExecuteSqlRaw
EF1002|FromSqlRaw
EF1003|ExecuteSqlRaw
SCS0002|FromSqlRaw
SCS0002|ExecuteSqlRaw
SCS0002|SqliteCommand
SCS0001|Process.Start
SCS0028|BinaryFormatter
CA2100|SqliteCommand.CommandText
CA3001|SqliteCommand.CommandText
CA2300|BinaryFormatter.Deserialize
CA2301|BinaryFormatter.Deserialize
CA5350|SHA1
CA5351|MD5
EOF

# Genuine compiler errors (not warnings-as-errors) stop Roslyn before analyzers run, so a
# broken tree shows up here as "MISSING" gates; print its errors to tell the cases apart.
other="$(grep -E ': error [A-Z]+[0-9]+: ' "$log" | grep -vF 'Canary/AnalyzerCanary.cs(' \
    | sed -e "s|$work/||" -e 's| (https[^)]*)||' -e 's| \[.*\]$||' | sort -u || true)"
if [[ -n "$other" ]]; then
    echo "errors outside the canary (not part of this check):"
    head -n 20 <<<"$other"
fi

if [[ $rc -eq 0 ]]; then
    echo "FAIL: the canary build succeeded; analyzer gates are not enforced"
    exit 1
fi
if [[ $fails -gt 0 ]]; then
    [[ -n "$canary$other" ]] || tail -n 30 "$log"
    echo "FAIL: $fails expected diagnostic(s) missing"
    exit 1
fi
echo "OK: all analyzer gates fired"
