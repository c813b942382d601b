"""Drives one learner-import benchmark against a running server (see import-learners.sh)."""
import argparse, json, os, random, subprocess, threading, time, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--url"); p.add_argument("--token"); p.add_argument("--rows", type=int)
p.add_argument("--pid", type=int); p.add_argument("--work"); p.add_argument("--psql")
a = p.parse_args()
SCHOOLS = max(1, a.rows // 500)


def call(method, path, body=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(a.url + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + a.token, "Content-Type": content_type})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"null")


def rss_mb():
    with open(f"/proc/{a.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024


def wait(batch, running):
    while True:
        b = call("GET", f"/api/v1/imports/{batch}")
        if b["status"] != running:
            return b
        time.sleep(0.2)


def run_import(kind, path, mode="SkipBadRows"):
    t0 = time.time()
    with open(path, "rb") as f:
        up = call("POST", f"/api/v1/imports?kind={kind}&fileName={os.path.basename(path)}", f.read(), "text/csv")
    t1 = time.time()
    call("POST", f"/api/v1/imports/{up['id']}/dry-run")
    checked = wait(up["id"], "Validating")
    t2 = time.time()
    assert checked["status"] == "Validated", checked
    call("POST", f"/api/v1/imports/{up['id']}/apply", {"mode": mode})
    done = wait(up["id"], "Applying")
    t3 = time.time()
    assert done["status"] == "Applied", done
    return done, t1 - t0, t2 - t1, t3 - t2


random.seed(7)
schools = os.path.join(a.work, "schools.csv")
with open(schools, "w") as f:
    f.write("code,name,type,ownership,areaCode,levels,classroomsUsable\n")
    for i in range(SCHOOLS):
        f.write(f"BENCH-{i:05d},Bench School {i},Primary,Public,LN-S-02,PRIMARY,12\n")
run_import("institutions", schools)

given = ["Amina", "Brian", "Chloe", "David", "Esther", "Faith", "George", "Halima", "Ian", "Joy", "Kevin", "Lucy", "Moses", "Nia", "Otieno", "Purity"]
family = ["Achieng", "Baraka", "Chebet", "Kamau", "Mwangi", "Njeri", "Odhiambo", "Wanjiru", "Kiptoo", "Mutua", "Onyango", "Wafula"]
learners = os.path.join(a.work, "learners.csv")
with open(learners, "w") as f:
    f.write("institutionCode,admissionNumber,givenName,familyName,sex,dateOfBirth\n")
    for i in range(a.rows):
        school = i % SCHOOLS
        # Distinct names within a school, so the duplicate check has nothing to refuse.
        f.write(f"BENCH-{school:05d},ADM-{i},{random.choice(given)}{i},{random.choice(family)},{'F' if i % 2 else 'M'},"
                f"{2008 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}\n")
size_mb = os.path.getsize(learners) / 1024 / 1024

samples = []
stop = threading.Event()
base = rss_mb()


def sample():
    while not stop.is_set():
        samples.append(rss_mb())
        time.sleep(0.2)


threading.Thread(target=sample, daemon=True).start()
first, up1, dry1, apply1 = run_import("learners", learners)
stop.set()
peak = max(samples)
second, up2, dry2, apply2 = run_import("learners", learners)

copy_sql = ("DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (institution_code text, admission_number text, given_name text, "
            "family_name text, sex text, date_of_birth date);")
subprocess.run(a.psql.split() + ["-q", "-c", copy_sql], check=True)
t = time.time()
subprocess.run(a.psql.split() + ["-q", "-c", f"\\copy bench_copy FROM '{learners}' WITH (FORMAT csv, HEADER true)"], check=True)
copy_s = time.time() - t

result = {
    "rows": a.rows, "schools": SCHOOLS, "file_mb": round(size_mb, 1),
    "first_run": {"created": first["created"], "upload_s": round(up1, 1), "dry_run_s": round(dry1, 1), "apply_s": round(apply1, 1),
                  "total_s": round(up1 + dry1 + apply1, 1)},
    "rerun": {"created": second["created"], "updated": second["updated"], "unchanged": second["unchanged"],
              "total_s": round(up2 + dry2 + apply2, 1)},
    "rss_mb": {"before": round(base), "peak": round(peak), "growth": round(peak - base)},
    "copy_s": round(copy_s, 2),
    "ratio_apply_to_copy": round(apply1 / copy_s, 1),
    "ratio_total_to_copy": round((up1 + dry1 + apply1) / copy_s, 1),
}
print(json.dumps(result, indent=2))
