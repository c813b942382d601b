# shellcheck shell=bash
# Test counters: each prints "PASSED FAILED SKIPPED" (plus, for trx_counts, the number of files read) on one line.
# They need python3 (standard library only).

# trx_counts DIR... — sum the <Counters> of every .trx file under DIR: passed(+passedButRunAborted), failed(+error, timeout, aborted), skipped(total - executed, or notExecuted + inconclusive + notRunnable if more), files.
trx_counts() {
  python3 - "$@" <<'PY'
import os, re, sys
p = f = s = n = 0
for root in sys.argv[1:]:
    for d, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".trx"):
                continue
            try:
                text = open(os.path.join(d, name), encoding="utf-8-sig", errors="replace").read()
            except OSError:
                continue
            m = re.search(r"<Counters\b([^>]*)>", text)
            if not m:
                continue
            c = {k: int(v) for k, v in re.findall(r'(\w+)="(\d+)"', m.group(1))}
            n += 1
            p += c.get("passed", 0) + c.get("passedButRunAborted", 0)
            f += c.get("failed", 0) + c.get("error", 0) + c.get("timeout", 0) + c.get("aborted", 0)
            # xUnit's skipped tests show only as total - executed; other adapters fill notExecuted.
            s += max(c.get("total", 0) - c.get("executed", 0),
                     c.get("notExecuted", 0) + c.get("inconclusive", 0) + c.get("notRunnable", 0))
print(p, f, s, n)
PY
}

# vitest_counts FILE — counts from a vitest JSON report: numPassedTests, numFailedTests, numPendingTests + numTodoTests; fails if FILE is unreadable.
vitest_counts() {
  python3 - "$1" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1], encoding="utf-8"))
except (OSError, ValueError):
    sys.exit(1)
g = lambda k: int(r.get(k) or 0)
print(g("numPassedTests"), g("numFailedTests"), g("numPendingTests") + g("numTodoTests"))
PY
}

# tap_counts FILE — counts from the last summary of node's test runner in FILE ("# pass N", "# fail N" + "# cancelled N", "# skipped N" + "# todo N"; spec reporter's "ℹ pass N" too); fails if there is none.
tap_counts() {
  python3 - "$1" <<'PY'
import re, sys
try:
    text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
except OSError:
    sys.exit(1)
text = re.sub(r"\x1b\[[0-9;]*m", "", text)
last = {}
for k, v in re.findall(r"(?m)^\s*(?:#|\u2139)\s+(pass|fail|cancelled|skipped|todo)\s+(\d+)\s*$", text):
    last[k] = int(v)
if "pass" not in last and "fail" not in last:
    sys.exit(1)
print(last.get("pass", 0), last.get("fail", 0) + last.get("cancelled", 0), last.get("skipped", 0) + last.get("todo", 0))
PY
}

# trx_failures DIR [MAX] — print, sorted, the names (and first message line) of up to MAX (default 20) failed tests in the .trx files under DIR.
trx_failures() {
  python3 - "$1" "${2:-20}" <<'PY'
import html, os, re, sys
root, limit, found = sys.argv[1], int(sys.argv[2]), []
for d, _, files in os.walk(root):
    for name in files:
        if not name.endswith(".trx"):
            continue
        text = open(os.path.join(d, name), encoding="utf-8-sig", errors="replace").read()
        for m in re.finditer(r"<UnitTestResult\b([^>]*?)(?:/>|>(.*?)</UnitTestResult>)", text, re.S):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            if attrs.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
                continue
            msg = re.search(r"<Message>(.*?)</Message>", m.group(2) or "", re.S)
            first = html.unescape(msg.group(1)).strip().splitlines()[0][:200] if msg and msg.group(1).strip() else ""
            found.append(html.unescape(attrs.get("testName", "?")) + (": " + first if first else ""))
found.sort()
for line in found[:limit]:
    print(line)
if len(found) > limit:
    print(f"... and {len(found) - limit} more")
PY
}
