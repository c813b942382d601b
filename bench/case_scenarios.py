"""Correspondence scenarios of the harness (issue 4's goals, issue 6's harness; run by bench/run.sh).

  run:  drives each scenario through the real server as the user it is for (a responder's "my open
        cases", a manager's team, closed and search lists, an approver's incoming list, the reports
        as the national administrator) and, in the same run and at the same concurrency, the same
        statements straight to PostgreSQL: the SQL EF Core sends (captured from its command log,
        `Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information`), count
        query, page and look-ups included, with the same parameter values. The first request of
        each scenario is checked against its baseline (total and the ids of the page, or the number
        of report lines): a difference fails the run, so the baselines cannot drift from the app.
  explain: EXPLAIN (ANALYZE, BUFFERS) of every statement of one request per scenario (--only to pick).
  urls: writes "path<TAB>token" lines for the mixed load (bench/mixed.lua sends each with its token),
        shuffled together with another scenario file's lines (--mix-with).

Users are picked by SQL from the seeded data (the two responders with most open cases, each business
group's first manager, the two approvers with most cases waiting for clearance) and get a
token from `Lnemis.Server tokens create` (the server's configuration comes from the environment,
as in run.sh). Timing, percentiles and the table format are search_bench.py's.
"""
import argparse, datetime, http.client, json, random, re, subprocess, sys, urllib.parse
import os

sys.dont_write_bytecode = True  # importing search_bench must not leave bench/__pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pgwire  # noqa: E402
import search_bench as sb  # noqa: E402
from pgwire import BOOL, INT4, TEXT, TEXT_ARRAY, UUID, UUID_ARRAY  # noqa: E402

DATE = 1082
PAGE = 20
LIST_MS, SEARCH_MS, REPORT_MS = 50, 100, 1000  # issue 4: lists, full-text search, the monthly timeliness report
APPEAL_TYPES = ["FoiInternalReview", "SarInternalReview", "IcoAppealFoi", "IcoAppealSar"]  # CaseReportMonth.AppealTypes
CASE_COLS = ("c.id, c.number, c.type, c.subject, c.state, c.received_on, c.final_deadline, c.managing_team_id, "
             "c.responding_team_id, c.responder_id, c.responded_on, c.version")
USERS_SQL = "SELECT u.id, u.display_name, u.email, u.is_active, u.phone_number\nFROM identity.users AS u\nWHERE u.id = ANY ($1)"
TEAM_COLS = "t.id, t.clearance_step, t.code, t.created_at, t.deactivated_at, t.deleted_at, t.kind, t.name, t.parent_id, t.role, t.scope_path, t.version"
MONTHS_READY_SQL = "SELECT EXISTS (\n    SELECT 1\n    FROM correspondence.case_report_months AS c)"
SEARCH_IN_SCOPE = "FROM correspondence.case_search AS c\nWHERE c.search_vector @@ (to_tsquery('simple', $1) && $2::tsquery)\nLIMIT $3"
SEARCH_COUNT_SQL = "SELECT count(*)::int\nFROM (\n    SELECT 1\n    " + SEARCH_IN_SCOPE.replace("\n", "\n    ") + "\n) AS c0"
SEARCH_IDS_SQL = "SELECT c.case_id\n" + SEARCH_IN_SCOPE
ID_LIST_LIMIT = 1000  # CaseSearch.IdListLimit
# CaseSearch.CaseWordOverLimitAsync: a single word's count in the case-word index, in one scope key range.
CASE_WORD_COUNT_SQL = ("SELECT count(*)::int AS \"Value\"\nFROM (\n    SELECT 1\n    FROM correspondence.case_search_words\n"
                       "    WHERE word = $1 AND scope_key >= $2 AND scope_key < $3\n    LIMIT $4) AS w")
INCOMING_UNITS_SQL = """SELECT t1.scope_path AS "ScopePath", t1.clearance_step AS "ClearanceStep"
FROM correspondence.team_members AS t
INNER JOIN (
    SELECT t0.id, t0.clearance_step, t0.scope_path
    FROM correspondence.teams AS t0
    WHERE t0.deleted_at IS NULL AND t0.role = 'Approver' AND t0.clearance_step IS NOT NULL
) AS t1 ON t.team_id = t1.id
WHERE t.user_id = $1 AND t.role = 'Approver'"""


def scope_of(path):
    """The scope filter's five parameters (search_bench.scope) for a user granted one path, or nationally (None)."""
    return sb.ADMIN if path is None else [(BOOL, "false"), (BOOL, "true"), (TEXT, path + "%"), (BOOL, "false"), (TEXT_ARRAY, "{" + path + "}")]


def numbered(conds, first):
    """Conditions written with {0}, {1}, ... numbered from parameter `first` on."""
    k, out = first, []
    for c in conds:
        used = c.count("{")
        out.append(c.format(*[f"${k + j}" for j in range(used)]))
        k += used
    return out


def finish_page(conn, rows, responder_column=9):
    """IUserDirectory.FindAsync of the page's responders (the server looks them up once per page)."""
    ids = sorted({r[responder_column] for r in rows if r[responder_column]})
    conn.query(USERS_SQL, [(UUID_ARRAY, "{" + ",".join(ids) + "}")])


def case_list(conn, user_path, conds, params, over_limit=False):
    """ListCases: capped count (unless the search index showed more than the limit), then the first page and its responders' names."""
    scope = scope_of(user_path)
    n = len(scope) + 1 + len(params)
    where = sb.scope("c") + "".join(f" AND {c}" for c in numbered(conds, len(scope) + 1))
    args = scope + params
    total = sb.COUNT_LIMIT + 1 if over_limit else int(conn.query(
        f"SELECT count(*)::int\nFROM (\n    SELECT 1\n    FROM correspondence.cases AS c\n    WHERE {where}\n"
        f"    LIMIT ${n}\n) AS c0", args + [(INT4, sb.COUNT_LIMIT + 1)])[0][0])
    rows = []
    if total > 0:
        rows = conn.query(f"SELECT {CASE_COLS}\nFROM correspondence.cases AS c\nWHERE {where}\nORDER BY c.final_deadline, c.number\n"
                          f"LIMIT ${n} OFFSET ${n + 1}", args + [(INT4, PAGE), (INT4, 0)])
        finish_page(conn, rows)
    return total, [r[0] for r in rows]


def team_list(conn, user_path, team, type_, state, d_from, d_to):
    """ListCases with teamId: managing OR responding as UNION ALL (CaseFilter), then type, state and the deadline window."""
    scope = scope_of(user_path)
    s = len(scope)
    branch = ("SELECT {cols}\n    FROM correspondence.cases AS {a}\n    WHERE {scope} AND {a}.type = ${t} AND {a}.state = ${st} AND {team}")
    first = branch.format(cols="{cols}", a="c", scope=sb.scope("c"), t=s + 1, st=s + 2, team=f"c.managing_team_id = ${s + 3}")
    second = branch.format(cols="{cols}", a="c0", scope=sb.scope("c0").replace("e(value)", "e0(value)").replace("e.value", "e0.value"),
                           t=s + 1, st=s + 2, team=f"c0.responding_team_id = ${s + 4} AND c0.managing_team_id <> ${s + 3}")
    args = scope + [(TEXT, type_), (TEXT, state), (UUID, team), (UUID, team), (DATE, d_from), (DATE, d_to)]
    window = f"WHERE u.final_deadline >= ${s + 5} AND u.final_deadline <= ${s + 6}"
    union = first.format(cols="c.final_deadline") + "\n    UNION ALL\n    " + second.format(cols="c0.final_deadline")
    total = int(conn.query(f"SELECT count(*)::int\nFROM (\n    SELECT 1\n    FROM (\n    {union}\n    ) AS u\n    {window}\n"
                           f"    LIMIT ${s + 7}\n) AS u0", args + [(INT4, sb.COUNT_LIMIT + 1)])[0][0])
    rows = []
    if total > 0:
        cols = ("{a}.id, {a}.final_deadline, {a}.managing_team_id, {a}.number, {a}.received_on, {a}.responded_on, {a}.responder_id, "
                "{a}.responding_team_id, {a}.state, {a}.subject, {a}.type, {a}.version")
        union = first.format(cols=cols.format(a="c")) + "\n    UNION ALL\n    " + second.format(cols=cols.format(a="c0"))
        rows = conn.query(f"SELECT {CASE_COLS.replace('c.', 'u.')}\nFROM (\n    {union}\n) AS u\n{window}\n"
                          f"ORDER BY u.final_deadline, u.number\nLIMIT ${s + 7} OFFSET ${s + 8}", args + [(INT4, PAGE), (INT4, 0)])
        finish_page(conn, rows)
    return total, [r[0] for r in rows]


def search_words(q):
    """SearchWords.Of / CaseSearch.Parse: letters and digits, lower case, distinct, at most eight."""
    return list(dict.fromkeys(w.lower() for w in re.findall(r"[^\W_]+", q)))[:8]


def case_search(conn, user_path, q):
    """CaseSearch.MatchingAsync: a single word counted in the case-word index (up to 1,001, in the caller's
    scope key range); unless over the limit, in the caller's scope keys the whole words counted (up to 1,001),
    then the prefixes' ids; a short list filters by id, else a semi-join with the count known to be over the limit."""
    words = search_words(q)
    prefixes = " & ".join(w + ":*" for w in words)
    scope = "'" + (user_path or "/") + "'"  # CaseSearch.ScopeQuery: the path's key, or "/" (every live case)
    semi_join = (["EXISTS (\n    SELECT 1\n    FROM correspondence.case_search AS c0\n"
                  "    WHERE c0.search_vector @@ to_tsquery('simple', {0}) AND c0.case_id = c.id)"], [(TEXT, prefixes)])
    key_from, key_to = sb.word_range(user_path or "/")  # CaseSearch.ScopeRanges: the keys beginning with the path
    if len(words) == 1 and int(conn.query(CASE_WORD_COUNT_SQL, [(TEXT, words[0]), (TEXT, key_from), (TEXT, key_to),
                                                               (INT4, ID_LIST_LIMIT + 1)])[0][0]) > ID_LIST_LIMIT:
        return case_list(conn, user_path, *semi_join, over_limit=True)
    if int(conn.query(SEARCH_COUNT_SQL, [(TEXT, " & ".join(words)), (TEXT, scope), (INT4, ID_LIST_LIMIT + 1)])[0][0]) > ID_LIST_LIMIT:
        return case_list(conn, user_path, *semi_join, over_limit=True)
    ids = [r[0] for r in conn.query(SEARCH_IDS_SQL, [(TEXT, prefixes), (TEXT, scope), (INT4, ID_LIST_LIMIT + 1)])]
    if len(ids) <= ID_LIST_LIMIT:
        return case_list(conn, user_path, ["c.id = ANY ({0})"], [(UUID_ARRAY, "{" + ",".join(ids) + "}")])
    return case_list(conn, user_path, *semi_join, over_limit=True)


def team_names(conn, ids):
    """ReportFilter.TeamNamesAsync (scoped like the report; the reports here run nationally)."""
    conn.query(f"SELECT {TEAM_COLS}\nFROM correspondence.teams AS t\nWHERE {sb.scope('t')} AND t.id = ANY ($6)",
               sb.ADMIN + [(UUID_ARRAY, "{" + ",".join(sorted(set(ids))) + "}")])


def timeliness(conn, first_month, last_month):
    """TimelinessReport over the monthly buckets: one grouped statement, then the teams' names."""
    conn.query(MONTHS_READY_SQL)
    months, params = "", []
    if first_month is not None:
        months, params = " AND c.received_month >= $6 AND c.received_month <= $7", [(INT4, first_month), (INT4, last_month)]
    rows = conn.query(
        "SELECT c.received_month, c.type, c.team_id, COALESCE(sum(CASE\n    WHEN c.timeliness = 'InTime' THEN c.cases\n    ELSE 0\n"
        "END), 0)::int, COALESCE(sum(CASE\n    WHEN c.timeliness = 'Late' THEN c.cases\n    ELSE 0\nEND), 0)::int\n"
        f"FROM correspondence.case_report_months AS c\nWHERE {sb.scope('c').replace('c.deleted_at IS NULL AND ', '')}{months}"
        " AND c.cases > 0 AND c.timeliness <> 'Pending'\nGROUP BY c.received_month, c.type, c.team_id", sb.ADMIN + params)
    team_names(conn, [r[2] for r in rows])
    return len(rows), None


def appeals(conn):
    conn.query(MONTHS_READY_SQL)
    rows = conn.query(
        'SELECT c.type AS "Type", c.appeal_result AS "Outcome", COALESCE(sum(c.cases), 0)::int AS "Cases"\n'
        f"FROM correspondence.case_report_months AS c\nWHERE {sb.scope('c').replace('c.deleted_at IS NULL AND ', '')}"
        " AND c.cases > 0 AND c.type = ANY ($6)\nGROUP BY c.type, c.appeal_result",
        sb.ADMIN + [(TEXT_ARRAY, "{" + ",".join(APPEAL_TYPES) + "}")])
    return len(rows), None


def ageing(conn, today):
    """AgeingReport: open cases by days since received (bounds 20, 40, 60, 90), per unit and type, then the teams' names."""
    bounds = [(DATE, (today - datetime.timedelta(days=d)).isoformat()) for d in (20, 40, 60, 90)]
    scope = sb.scope("c").replace("$5", "$9").replace("$4", "$8").replace("$3", "$7").replace("$2", "$6").replace("$1", "$5")
    rows = conn.query(
        'SELECT c0.team_id AS "TeamId", c0.type AS "Type", c0."Bucket", count(*)::int AS "Cases"\nFROM (\n'
        "    SELECT c.team_id, c.type, CASE\n        WHEN c.received_on >= $1 THEN 0\n        WHEN c.received_on >= $2 THEN 1\n"
        "        WHEN c.received_on >= $3 THEN 2\n        WHEN c.received_on >= $4 THEN 3\n        ELSE 4\n    END AS \"Bucket\"\n"
        f"    FROM correspondence.case_report_rows AS c\n    WHERE {scope} AND c.is_open\n) AS c0\n"
        'GROUP BY c0.team_id, c0.type, c0."Bucket"', bounds + sb.ADMIN)
    team_names(conn, [r[0] for r in rows])
    return len({(r[0], r[1]) for r in rows}), None


def code_of(type_name):
    """CaseType.Code(): FoiInternalReview -> foi_internal_review."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", type_name).lower()


def tokens_for(emails, server_dll, cache):
    """A token per user from `Lnemis.Server tokens create`, kept in the cache file (JSON) for the next command of the run."""
    out = {}
    if cache and os.path.exists(cache):
        with open(cache) as f:
            out = json.load(f)

    missing = [e for e in dict.fromkeys(emails) if e not in out]
    if missing:
        # One command for all of them: each command starts the server's host.
        args = ["dotnet", server_dll, "tokens", "create", "--name", "bench-cases"]
        for email in missing:
            args += ["--user", email]
        made = subprocess.run(args, capture_output=True, text=True, check=True)
        minted = made.stdout.strip().splitlines()[-len(missing):]
        if len(minted) != len(missing):
            sys.exit(f"tokens create printed {len(minted)} tokens for {len(missing)} users")
        out.update(zip(missing, minted))
    if cache:
        with open(cache, "w") as f:
            json.dump(out, f)
    return out


def scenarios(conn, rng, count, admin_token, server_dll, token_cache=None):
    """Each scenario: name, goal (ms) and a list of (path, token, baseline function)."""
    today = datetime.datetime.now(datetime.timezone.utc).date()  # CaseDetails.Today: the server's UTC day
    responders = conn.query(
        "SELECT u.email, u.id, g.scope_path FROM correspondence.cases c JOIN identity.users u ON u.id = c.responder_id "
        "JOIN identity.role_grants g ON g.user_id = u.id AND g.role = 'CaseResponder' "
        "WHERE c.deleted_at IS NULL AND c.state <> 'closed' GROUP BY u.email, u.id, g.scope_path ORDER BY count(*) DESC, u.email LIMIT 2")
    managers = conn.query(
        "SELECT DISTINCT ON (g.scope_path) u.email, g.scope_path FROM identity.users u "
        "JOIN identity.role_grants g ON g.user_id = u.id AND g.role = 'CaseManager' WHERE u.is_active ORDER BY g.scope_path, u.email")
    approvers = conn.query(
        "SELECT u.email, u.id, g.scope_path, count(*) FROM correspondence.team_members m "
        "JOIN correspondence.teams t ON t.id = m.team_id AND t.role = 'Approver' AND t.clearance_step IS NOT NULL "
        "JOIN identity.users u ON u.id = m.user_id JOIN identity.role_grants g ON g.user_id = u.id AND g.role = 'CaseApprover' "
        "LEFT JOIN correspondence.cases c ON c.deleted_at IS NULL AND c.state = 'pending_' || t.clearance_step AND c.scope_path = g.scope_path "
        "GROUP BY u.email, u.id, g.scope_path ORDER BY count(c.id) DESC, u.email LIMIT 2")
    if not responders or not managers or not approvers:
        sys.exit("case_scenarios: the database holds no seeded responders, managers or approvers with cases")
    tokens = tokens_for([r[0] for r in responders] + [m[0] for m in managers] + [a[0] for a in approvers], server_dll, token_cache)
    by_path = {m[1]: m[0] for m in managers}

    # Open cases of the managers' groups, for the team filters; any cases for the search words.
    small = int(conn.query("SELECT count(*) FROM (SELECT 1 FROM correspondence.cases LIMIT 200000) x")[0][0]) < 200000
    sample = ("" if small else "TABLESAMPLE SYSTEM (1) ")
    open_cases = conn.query(f"SELECT scope_path, responding_team_id, type, state, final_deadline FROM correspondence.cases {sample}"
                            "WHERE deleted_at IS NULL AND state <> 'closed' AND responding_team_id IS NOT NULL AND final_deadline IS NOT NULL")
    any_cases = conn.query(f"SELECT scope_path, number, requester_name, subject FROM correspondence.cases {sample}WHERE deleted_at IS NULL")
    rng.shuffle(open_cases)
    rng.shuffle(any_cases)

    def cycle(items):
        if not items:
            sys.exit("case_scenarios: the seeded cases leave a scenario without data (no open case with a responding team?)")
        return [items[i % len(items)] for i in range(count)]

    def mine(late):
        cond = ("((c.responded_on IS NOT NULL AND c.responded_on > c.final_deadline) OR (c.responded_on IS NULL AND c.final_deadline < {0}))"
                if late else
                "((c.responded_on IS NOT NULL AND c.responded_on <= c.final_deadline) OR (c.responded_on IS NULL AND c.final_deadline >= {0}))")

        def item(r):
            email, me, path = r
            return ("/api/v1/cases?mine=true&open=true&timeliness=" + ("late" if late else "in_time"), tokens[email],
                    lambda c: case_list(c, path, ["c.responder_id IS NOT NULL", "c.responder_id = {0}", "c.state <> 'closed'",
                                                  "c.final_deadline IS NOT NULL", cond],
                                        [(UUID, me), (DATE, today.isoformat())]))
        return [item(r) for r in cycle(responders)]

    def team(r):
        path, unit, type_, state, deadline = r
        d = datetime.date.fromisoformat(deadline)
        d_from, d_to = (d - datetime.timedelta(days=rng.randint(0, 20))).isoformat(), (d + datetime.timedelta(days=rng.randint(0, 40))).isoformat()
        return (f"/api/v1/cases?teamId={unit}&type={code_of(type_)}&state={state}&deadlineFrom={d_from}&deadlineTo={d_to}",
                tokens[by_path[path]], lambda c: team_list(c, path, unit, type_, state, d_from, d_to))

    def incoming(r):
        email, me, path, _ = r

        def base(c):
            units = c.query(INCOMING_UNITS_SQL, [(UUID, me)])
            states = sorted({"pending_" + u[1] for u in units})
            groups = sorted({"/" + u[0].strip("/").split("/")[0] + "/" for u in units})  # Team.GroupPathOf
            # CaseFilter: an equality for a single step or group (the list then walks the state index), = ANY for several.
            conds, params = [], []
            for column, values in (("c.state", states), ("c.scope_path", groups)):
                if len(values) == 1:
                    conds.append(column + " = {0}")
                    params.append((TEXT, values[0]))
                else:
                    conds.append(column + " = ANY ({0})")
                    params.append((TEXT_ARRAY, "{" + ",".join(values) + "}"))
            return case_list(c, path, conds, params)
        return "/api/v1/cases?incoming=true", tokens[email], base

    def closed(m):
        email, path = m
        return "/api/v1/cases?open=false", tokens[email], lambda c: case_list(c, path, ["c.state = 'closed'"], [])

    def search(r, kind):
        path = r[0]
        if kind == "number":
            q = r[1]
        elif kind == "surname":
            q = r[2].split()[-1]
        else:
            q = rng.choice([w for w in search_words(r[3]) if len(w) >= 4])
        return "/api/v1/cases?q=" + urllib.parse.quote(q), tokens[by_path[path]], lambda c: case_search(c, path, q)

    def month(d):
        return d.year * 100 + d.month

    year_ago = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    national = [
        ("reports: timeliness, last 12 months", f"/api/v1/correspondence/reports/timeliness?from={year_ago:%Y-%m}&to={today:%Y-%m}",
         lambda c: timeliness(c, month(year_ago), month(today))),
        ("reports: timeliness, all history", "/api/v1/correspondence/reports/timeliness", lambda c: timeliness(c, None, None)),
        ("reports: appeal outcomes", "/api/v1/correspondence/reports/appeals", appeals),
        ("reports: open-case ageing", "/api/v1/correspondence/reports/ageing", lambda c: ageing(c, today)),
    ]
    in_groups = [r for r in any_cases if r[0] in by_path]
    return [
        ("cases: my open, in time (responder)", LIST_MS, mine(False)),
        ("cases: my open, late (responder)", LIST_MS, mine(True)),
        ("cases: team + type + state + deadline window", LIST_MS, [team(r) for r in cycle([r for r in open_cases if r[0] in by_path])]),
        ("cases: incoming for clearance (approver)", LIST_MS, [incoming(r) for r in cycle(approvers)]),
        ("cases: closed (manager)", LIST_MS, [closed(m) for m in cycle(managers)]),
        ("cases: q = requester surname", SEARCH_MS, [search(r, "surname") for r in cycle(in_groups)]),
        ("cases: q = subject word", SEARCH_MS, [search(r, "word") for r in cycle(in_groups)]),
        ("cases: q = case number", SEARCH_MS, [search(r, "number") for r in cycle(in_groups)]),
    ] + [(name, REPORT_MS, [(url, admin_token, base)] * count) for name, url, base in national]


def expected_of(body):
    """What the first response says, in the baseline's terms: (capped total, page ids) or (report lines, None)."""
    if "items" in body:
        return body["total"], [i["id"] for i in body["items"]]
    return len(body["lines"]), None


def run(a):
    rng = random.Random(a.seed)
    conn = pgwire.Connection("127.0.0.1", a.pg_port, "postgres", a.database)
    plan = scenarios(conn, rng, a.warmup + a.requests, a.token, a.server_dll, a.tokens)
    conn.close()
    host, port = urllib.parse.urlparse(a.url).hostname, urllib.parse.urlparse(a.url).port

    def http_client():
        return http.client.HTTPConnection(host, port, timeout=60)

    def http_call(client, item):
        client.request("GET", item[0], headers={"Authorization": "Bearer " + item[1]})
        r = client.getresponse()
        body = r.read()
        if r.status != 200:
            raise RuntimeError(f"HTTP {r.status}: {body[:200]!r}")
        return body

    def pg_client():
        return pgwire.Connection("127.0.0.1", a.pg_port, "postgres", a.database)

    def pg_call(client, item):
        return item[2](client)[0]

    only = [s.strip() for s in a.only.split(",")] if a.only else None
    plan = [(name, goal, items) for name, goal, items in plan if not only or any(o in name for o in only)]
    out, mismatches = [], []
    rss_start = sb.rss(a.pid, "VmRSS")
    cold, _ = sb.warm_up_server([items for _, _, items in plan], a.warmup, a.concurrency, (http_client, http_call), a.limit, a.pid)
    for (name, goal, items), cold_p95 in zip(plan, cold):
        # The baseline must answer what the server answers (a list's count is capped as the server caps it;
        # a report's lines are not capped: a national report has more than a thousand).
        c = pg_client()
        total, ids = items[0][2](c)
        c.close()
        server = expected_of(json.loads(http_call(http_client(), items[0])))
        expected = (min(total, sb.COUNT_LIMIT) if ids is not None else total, ids)
        if expected != server:
            mismatches.append(f"{name}: server {server} != SQL {expected} for {items[0][0]}")

        (s_lat, s_err, s_wall), (b_lat, b_err, b_wall, totals) = sb.measure(
            items, a.warmup, a.concurrency, a.limit, (http_client, http_call), (pg_client, pg_call))
        row = {
            "scenario": name, "goal": goal, "requests": len(s_lat), "errors": len(s_err),
            "rps": round(len(s_lat) / s_wall, 1), "p50": round(sb.pct(s_lat, 50), 1), "p95": round(sb.pct(s_lat, 95), 1),
            "p99": round(sb.pct(s_lat, 99), 1), "cold_p95": cold_p95,
            "base_requests": len(b_lat), "base_errors": len(b_err), "base_rps": round(len(b_lat) / b_wall, 1),
            "base_p50": round(sb.pct(b_lat, 50), 1), "base_p95": round(sb.pct(b_lat, 95), 1),
            "ratio_p95": round(sb.pct(s_lat, 95) / sb.pct(b_lat, 95), 2) if b_lat and s_lat else None,
            "matches_median": sorted(totals)[len(totals) // 2] if totals else None, "matches_max": max(totals) if totals else None,
        }
        if s_err or b_err:
            row["first_error"] = (s_err or b_err)[0]
        out.append(row)
        print(json.dumps(row), flush=True)

    peak = sb.rss(a.pid, "VmHWM")
    print()
    print(f"concurrency {a.concurrency}, {a.requests} requests per correspondence scenario after {a.warmup} of its own warm-up, "
          "following the server's warm-up passes (above); times in ms; "
          f"server RSS {rss_start} MB at start, peak {peak} MB; matches are capped counts (lists) or report lines (reports)")
    sb.print_table(out, lambda r: r["goal"], a.requests, a.limit)
    print()
    for m in mismatches:
        print("  ! " + m)
    if mismatches:
        sys.exit("a baseline does not return what the server returns: the SQL above no longer matches the app")
    if any(r["errors"] or r["base_errors"] for r in out):
        sys.exit("some requests failed: see first_error above")


def urls(a):
    """The scenarios' requests for the mixed load, one "path<TAB>token" per line."""
    rng = random.Random(a.seed)
    conn = pgwire.Connection("127.0.0.1", a.pg_port, "postgres", a.database)
    lines = [f"{url}\t{token}" for _, _, items in scenarios(conn, rng, a.requests, a.token, a.server_dll, a.tokens) for url, token, _ in items]
    conn.close()
    if a.mix_with:
        with open(a.mix_with) as f:
            lines += [line.rstrip("\n") for line in f if line.strip()]
    rng.shuffle(lines)
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} request paths written to {a.out}")


def explain(a):
    """EXPLAIN (ANALYZE, BUFFERS) of each scenario's list, search and report statements, for one drawn request."""
    rng = random.Random(a.seed)
    conn = pgwire.Connection("127.0.0.1", a.pg_port, "postgres", a.database)
    plan = scenarios(conn, rng, 1, a.token, a.server_dll, a.tokens)

    class Explaining:
        def query(self, sql, params=()):
            if any(k in sql for k in ("count(*)", "ORDER BY", "GROUP BY", "to_tsquery")):
                print("\n" + sql + "\n-- " + ", ".join(f"${k + 1}={str(v)[:80]}" for k, (_, v) in enumerate(params)))
                for (line,) in conn.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, params):
                    print("   " + line)
            return conn.query(sql, params)

    for name, _, items in plan:
        if a.only and not any(o.strip() in name for o in a.only.split(",")):
            continue
        print(f"\n===== {name}: {items[0][0]}")
        items[0][2](Explaining())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["run", "urls", "explain"])
    p.add_argument("--url")
    p.add_argument("--token", required=True, help="a national administrator's token (the reports)")
    p.add_argument("--server-dll", required=True, help="Lnemis.Server.dll, to mint the scenario users' tokens")
    p.add_argument("--pid", type=int)
    p.add_argument("--pg-port", type=int, default=55480)
    p.add_argument("--database", default="lnemis_bench")
    p.add_argument("--requests", type=int, default=1000)
    p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--limit", type=float, default=60, help="seconds at most per phase")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--only", default="")
    p.add_argument("--out", help="urls: the file to write")
    p.add_argument("--mix-with", help="urls: another scenario file whose lines are shuffled in with these")
    p.add_argument("--tokens", help="a JSON file caching the scenario users' tokens between commands")
    a = p.parse_args()
    {"run": run, "urls": urls, "explain": explain}[a.command](a)


if __name__ == "__main__":
    main()
