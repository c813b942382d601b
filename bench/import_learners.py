"""Learner-import benchmark (issue 3) against a running server.

Imports ROWS learner rows from a CSV through the real API (upload, dry run, apply; the import runs
as a background job), samples the server's RSS during it, re-imports the same file (which must
change nothing), and times raw COPY of the same file into a plain table for the ratio. Fails
(exit 1) when an import does not apply every row or the re-run changes anything.

Used by bench/import-learners.sh (its own throw-away server on the demo data) and bench/run.sh
(the harness's server in production configuration on the generated country):
  --area-code CODE  the area the benchmark's ROWS/500 schools are created in (LN-S-02 in the demo
                    data, LN-01-01 in the generated country)
  --markdown FILE   also write the result as a Markdown table (for the harness's summary)
  --cold            measure on the server as it is (see below)

Before the measured import it dry-runs a small file of other learners (a tenth of ROWS, at least
1,000 and at most WARM_ROWS; nothing is written) and waits until the server's own CPU settles
(ADR 0023, addendum): the runtime recompiles the code a fresh process has run (tiered compilation)
in one background thread, and on this 2-core machine that backlog otherwise lands on the first large
dry run (about 14,000 methods and 4 s of it). A worker that an import reaches in production has
long settled. --cold skips this, for the comparison. RSS growth counts from before the warm-up.
"""
import argparse, json, os, random, subprocess, sys, threading, time, urllib.request

sys.dont_write_bytecode = True  # importing search_bench must not leave bench/__pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search_bench as sb  # noqa: E402

GOAL_ROWS, GOAL_SECONDS, GOAL_RSS_MB = 1_000_000, 60, 300
WARM_ROWS = 20_000
GIVEN = ["Amina", "Brian", "Chloe", "David", "Esther", "Faith", "George", "Halima", "Ian", "Joy", "Kevin", "Lucy", "Moses", "Nia", "Otieno", "Purity"]
FAMILY = ["Achieng", "Baraka", "Chebet", "Kamau", "Mwangi", "Njeri", "Odhiambo", "Wanjiru", "Kiptoo", "Mutua", "Onyango", "Wafula"]


class Api:
    """The import endpoints of one server, called with a bearer token."""

    def __init__(self, url, token):
        self.url, self.token = url, token

    def call(self, method, path, body=None, content_type="application/json"):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + self.token, "Content-Type": content_type})
        with urllib.request.urlopen(req, timeout=600) as r:
            return json.loads(r.read() or b"null")

    def wait(self, batch, running):
        while True:
            b = self.call("GET", f"/api/v1/imports/{batch}")
            if b["status"] != running:
                return b
            time.sleep(0.2)

    def run_import(self, kind, path, mode="SkipBadRows", apply=True):
        """Upload, dry run, apply; returns the applied batch and the seconds of each step (without
        apply: the checked batch, and no apply time)."""
        t0 = time.time()
        with open(path, "rb") as f:
            up = self.call("POST", f"/api/v1/imports?kind={kind}&fileName={os.path.basename(path)}", f.read(), "text/csv")
        t1 = time.time()
        self.call("POST", f"/api/v1/imports/{up['id']}/dry-run")
        checked = self.wait(up["id"], "Validating")
        t2 = time.time()
        if checked["status"] != "Validated":
            fail(f"the {kind} dry run ended {checked['status']}: {checked.get('failure')}")
        if not apply:
            return checked, t1 - t0, t2 - t1, 0.0
        self.call("POST", f"/api/v1/imports/{up['id']}/apply", {"mode": mode})
        done = self.wait(up["id"], "Applying")
        t3 = time.time()
        if done["status"] != "Applied":
            fail(f"the {kind} import ended {done['status']}: {done.get('failure')}")
        return done, t1 - t0, t2 - t1, t3 - t2


def fail(message):
    print(f"import_learners.py: {message}", file=sys.stderr)
    sys.exit(1)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def settle(pid, idle_s=0.05, limit_s=60):
    """Waits until the server used under idle_s of CPU in each of two seconds in a row; returns the seconds waited."""
    t, quiet, last = time.time(), 0, sb.server_cpu(pid)
    while quiet < 2 and time.time() - t < limit_s:
        time.sleep(1)
        now = sb.server_cpu(pid)
        quiet, last = (quiet + 1 if now - last < idle_s else 0), now
    return time.time() - t


def write_schools(path, count, area_code):
    with open(path, "w") as f:
        f.write("code,name,type,ownership,areaCode,levels,classroomsUsable\n")
        for i in range(count):
            f.write(f"BENCH-{i:05d},Bench School {i},Primary,Public,{area_code},PRIMARY,12\n")


def write_learners(path, rows, schools, prefix=""):
    random.seed(7)
    with open(path, "w") as f:
        f.write("institutionCode,admissionNumber,givenName,familyName,sex,dateOfBirth\n")
        for i in range(rows):
            school = i % schools
            # Distinct names within a school, so the duplicate check has nothing to refuse.
            f.write(f"BENCH-{school:05d},{prefix}ADM-{i},{random.choice(GIVEN)}{prefix}{i},{random.choice(FAMILY)},{'F' if i % 2 else 'M'},"
                    f"{2008 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}\n")


def measure(api, pid, work, rows, psql, area_code, cold=False):
    """The whole scenario; returns the result as a dict."""
    schools_count = max(1, rows // 500)
    schools = os.path.join(work, "schools.csv")
    write_schools(schools, schools_count, area_code)
    api.run_import("institutions", schools)

    learners = os.path.join(work, "learners.csv")
    write_learners(learners, rows, schools_count)
    size_mb = os.path.getsize(learners) / 1024 / 1024
    # The memory goal counts from before the warm-up, so warming does not hide growth.
    base = rss_mb(pid)
    warm_up = None
    if not cold:
        warm = os.path.join(work, "warm-up.csv")
        warm_rows = min(WARM_ROWS, max(1000, rows // 10), rows)
        write_learners(warm, warm_rows, schools_count, prefix="W")
        _, up, dry, _ = api.run_import("learners", warm, apply=False)
        warm_up = {"rows": warm_rows, "upload_and_dry_run_s": round(up + dry, 1), "settled_after_s": round(settle(pid), 1)}

    # The learners the registry already holds: into an empty one the apply rebuilds the indexes once
    # (ADR 0024); into a populated one it keeps them up entry by entry, the harness's harder case.
    held = int(subprocess.run(psql.split() + ["-Atq", "-c", "SELECT count(*) FROM institutions.learners WHERE deleted_at IS NULL"],
                              check=True, capture_output=True, text=True).stdout.strip())
    samples, stop = [], threading.Event()

    def sample():
        while not stop.is_set():
            samples.append(rss_mb(pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    first, up1, dry1, apply1 = api.run_import("learners", learners)
    stop.set()
    sampler.join()
    peak = max(samples + [base])
    if first["errorRows"] or first["created"] + first["updated"] + first["unchanged"] != rows:
        fail(f"the first import did not take every row: {json.dumps({k: first[k] for k in ('errorRows', 'created', 'updated', 'unchanged', 'skipped')})}")
    second, up2, dry2, apply2 = api.run_import("learners", learners)
    if second["created"] or second["updated"] or second["unchanged"] != rows:
        fail(f"re-importing the same file changed something: created {second['created']}, updated {second['updated']}, unchanged {second['unchanged']}")

    copy_sql = ("DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (institution_code text, admission_number text, given_name text, "
                "family_name text, sex text, date_of_birth date);")
    subprocess.run(psql.split() + ["-q", "-c", copy_sql], check=True)
    t = time.time()
    subprocess.run(psql.split() + ["-q", "-c", f"\\copy bench_copy FROM '{learners}' WITH (FORMAT csv, HEADER true)"], check=True)
    copy_s = time.time() - t
    subprocess.run(psql.split() + ["-q", "-c", "DROP TABLE bench_copy"], check=True)

    total1 = up1 + dry1 + apply1
    return {
        "rows": rows, "schools": schools_count, "file_mb": round(size_mb, 1), "learners_held": held, "warm_up": warm_up,
        "first_run": {"created": first["created"], "upload_s": round(up1, 1), "dry_run_s": round(dry1, 1), "apply_s": round(apply1, 1),
                      "total_s": round(total1, 1), "rows_per_s": round(rows / total1)},
        "rerun": {"created": second["created"], "updated": second["updated"], "unchanged": second["unchanged"],
                  "total_s": round(up2 + dry2 + apply2, 1)},
        "rss_mb": {"before": round(base), "peak": round(peak), "growth": round(peak - base)},
        "copy_s": round(copy_s, 2), "copy_rows_per_s": round(rows / copy_s),
        "ratio_apply_to_copy": round(apply1 / copy_s, 1),
        "ratio_total_to_copy": round(total1 / copy_s, 1),
    }


def warmth(warm_up):
    if warm_up is None:
        return "cold server (no warm-up)"
    return f"after a warm-up dry run of {warm_up['rows']:,} other rows and {warm_up['settled_after_s']} s to settle"


def markdown(r):
    """The result as a table: goal, measured, baseline (raw COPY of the same file), ratio."""
    first, rss = r["first_run"], r["rss_mb"]
    if r["rows"] >= GOAL_ROWS:
        met = "met" if first["total_s"] * GOAL_ROWS / r["rows"] < GOAL_SECONDS and rss["growth"] < GOAL_RSS_MB else "**not met**"
    else:
        met = f"n/a ({r['rows']:,} rows)"
    return "\n".join([
        "| scenario | goal | measured | baseline: raw COPY | ratio | notes |",
        "| --- | --- | --- | --- | ---: | --- |",
        f"| learner import, {r['rows']:,} CSV rows ({r['file_mb']} MB) through the API, into a registry holding "
        f"{r['learners_held']:,} learners | {GOAL_ROWS:,} rows < {GOAL_SECONDS} s, "
        f"RSS growth < {GOAL_RSS_MB} MB: {met} | {first['total_s']} s ({first['rows_per_s']:,} rows/s): upload {first['upload_s']} s, "
        f"dry run {first['dry_run_s']} s, apply {first['apply_s']} s; RSS {rss['before']} → {rss['peak']} MB (+{rss['growth']}) "
        f"| {r['copy_s']} s ({r['copy_rows_per_s']:,} rows/s) | {r['ratio_total_to_copy']} | apply alone {r['ratio_apply_to_copy']}× COPY; "
        f"re-run of the same file {r['rerun']['total_s']} s, {r['rerun']['unchanged']:,} unchanged; {warmth(r['warm_up'])} |",
        "",
    ])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", required=True); p.add_argument("--token", required=True); p.add_argument("--rows", type=int, required=True)
    p.add_argument("--pid", type=int, required=True); p.add_argument("--work", required=True); p.add_argument("--psql", required=True)
    p.add_argument("--area-code", default="LN-S-02"); p.add_argument("--markdown"); p.add_argument("--cold", action="store_true")
    a = p.parse_args()
    result = measure(Api(a.url, a.token), a.pid, a.work, a.rows, a.psql, a.area_code, a.cold)
    print(json.dumps(result, indent=2))
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(markdown(result))


if __name__ == "__main__":
    main()
