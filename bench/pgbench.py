#!/usr/bin/env python3
"""pgbench scripts of the very SQL the app issued for one request, from PostgreSQL's statement log.

    PGDATABASE=DB python3 bench/pgbench.py LOG SLUG SLUGS_FILE OUT_DIR

bench/run.sh turns log_statement on, writes a marker (select 'headline-capture NAME') after each window, and passes
the log it read back: the window "baseline" (no request: what the app's background jobs issue), "article" (one
GET /articles/SLUG) and "list" (one GET of list page 1). The statements of DB's sessions are grouped per session
into units (a transaction, or one statement outside any); a window's request is its units begun in it that share no
statement with the baseline. Writes OUT_DIR/article.sql and OUT_DIR/list.sql for pgbench -M prepared:

- the slug becomes a row of the table bench_slug (n, slug), drawn at random by \\set n random(1, count of SLUGS_FILE);
- a parameter equal to a value an earlier statement returned in its one row (8 characters or more: ids, slugs,
  instants) becomes that value's variable, as the app passed it on: that statement ends with \\gset sI_ (I its
  number), and the variable is sI_column;
- every other parameter is the constant the app sent (the same list page, the same instant).
Each statement is run once here, with the values logged, to see what it returns. Exits 1 with the reason when a
window holds no request.
"""
import csv
import io
import os
import re
import subprocess
import sys

MESSAGE = re.compile(r"^(?P<prefix>.*?)(?P<level>LOG|DETAIL|ERROR|STATEMENT|HINT|CONTEXT|WARNING|NOTICE|FATAL):  "
                     r"(?P<text>.*)$")
STATEMENT = re.compile(r"^(?:statement|execute [^:]+): (?P<sql>.*)$", re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
MARKER = re.compile(r"^select 'headline-capture (\w+)'$")
BEGIN = re.compile(r"^(begin|start transaction)\b", re.I)
END = re.compile(r"^(commit|end|rollback)\b", re.I)
SLUG_ROW = "(select slug from bench_slug where n = :n)"


def statements(log, database):
    """(window, session, sql, {number: logged value}) of DATABASE's sessions in log order."""
    found, window, last = [], "baseline", None
    ours = re.compile(r"\b%s\b" % re.escape(database))
    for line in log.splitlines():
        message = MESSAGE.match(line)
        if not message:  # a statement's next line
            if last is not None:
                last[2] += "\n" + line
            continue
        last = None
        if not ours.search(message["prefix"]):
            continue
        pid = re.search(r"\[(\d+)\]", message["prefix"])  # log_line_prefix's %p; without it one session
        session = pid[1] if pid else ""
        text = message["text"]
        if message["level"] == "DETAIL" and text.startswith("parameters: ") and found and found[-1][1] == session:
            found[-1][3].update((int(n), v) for n, v in PARAMETER.findall(text))
        elif message["level"] == "LOG" and STATEMENT.match(text) and not text.startswith("execute fetch from"):
            sql = STATEMENT.match(text)["sql"]
            if MARKER.match(sql):
                window = {"baseline": "article", "article": "list"}.get(MARKER.match(sql)[1], "after")
            else:
                last = [window, session, sql, {}]
                found.append(last)
    return found


def requests(found):
    """The statements of each window's request: its units begun in it that share no statement with the baseline."""
    units, open_units = [], {}
    for window, session, sql, values in found:
        unit = open_units.get(session)
        if unit is None:
            unit = (window, [])
            units.append(unit)
            if BEGIN.match(sql):
                open_units[session] = unit
        elif END.match(sql):
            del open_units[session]
        unit[1].append((sql, values))
    background = {sql for window, unit in units if window == "baseline" for sql, _ in unit
                  if not BEGIN.match(sql) and not END.match(sql)}
    chosen = {}
    for window, unit in units:
        if not any(sql in background for sql, _ in unit):
            chosen.setdefault(window, []).extend(unit)
    return chosen


def unquote(value):
    return None if value == "NULL" else value[1:-1].replace("''", "'")


def literal(value):
    """The logged value as SQL; a colon before a letter would read as a pgbench variable, so it is escaped."""
    if value != "NULL" and re.search(r":[A-Za-z_]", value):
        return "E'" + unquote(value).replace("\\", "\\\\").replace("'", "''").replace(":", "\\x3a") + "'"
    return value


def run(sql):
    """The columns and rows sql returns, run by psql (PGDATABASE and the like name the database)."""
    out = subprocess.run(["psql", "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True,
                         text=True)
    if out.returncode:
        raise SystemExit("a captured statement failed when run again: %s\n%s" % (out.stderr.strip(), sql))
    rows = list(csv.reader(io.StringIO(out.stdout)))
    return (rows[0], rows[1:]) if rows else ([], [])


def script(statements, slug=None):
    # known: a value a statement returned alone -> (that statement's number, its column); used: the statements whose
    # values a later one passes on, which end with \gset.
    known, used, texts = {}, set(), []
    for number, (sql, values) in enumerate(statements, 1):
        def variable(match):
            value = values.get(int(match[1]), "NULL")
            raw = unquote(value)
            if raw is not None and len(raw) >= 8 and raw in known:
                used.add(known[raw][0])
                return ":s%d_%s" % known[raw]
            return SLUG_ROW if slug is not None and raw == slug else literal(value)

        sql = sql.strip().rstrip(";")
        text = re.sub(r"\$(\d+)\b", variable, sql)
        if slug is not None:  # a slug written into the statement rather than passed
            text = text.replace("'%s'" % slug.replace("'", "''"), SLUG_ROW)
        texts.append(text)
        if re.match(r"^\s*(select|with)\b", sql, re.I):
            columns, rows = run(re.sub(r"\$(\d+)\b", lambda m: values.get(int(m[1]), "NULL"), sql))
            if len(rows) == 1 and all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", c) for c in columns):
                for column, value in dict(zip(columns, rows[0])).items():  # a repeated name holds the last value
                    known.setdefault(value, (number, column))
    return [text + (" \\gset s%d_" % number if number in used else ";") for number, text in enumerate(texts, 1)]


def main():
    log_file, slug, slugs_file, out = sys.argv[1:5]
    chosen = requests(statements(open(log_file, errors="replace").read(), os.environ["PGDATABASE"]))
    article, listing = chosen.get("article", []), chosen.get("list", [])
    if not any(slug in sql or slug in map(unquote, values.values()) for sql, values in article):
        raise SystemExit("no statement of GET /articles/%s in the log (%d found)" % (slug, len(article)))
    if not listing:
        raise SystemExit("no statement of GET of list page 1 in the log")
    count = sum(1 for line in open(slugs_file) if line.strip())
    with open(out + "/article.sql", "w") as f:
        f.write("-- GET /api/v1/articles/{slug}: the %d statements the app issued for one, captured by bench/run.sh "
                "(bench/pgbench.py);\n-- the slug is drawn from the %d published ones (table bench_slug).\n"
                "\\set n random(1, %d)\n" % (len(article), count, count))
        f.write("\n".join(script(article, slug)) + "\n")
    with open(out + "/list.sql", "w") as f:
        f.write("-- GET /api/v1/articles?size=20&include=authors,category: the %d statements the app issued for "
                "it, captured by\n-- bench/run.sh (bench/pgbench.py).\n" % len(listing))
        f.write("\n".join(script(listing)) + "\n")
    print("   %d statements for an article by slug, %d for list page 1" % (len(article), len(listing)))


if __name__ == "__main__":
    main()
