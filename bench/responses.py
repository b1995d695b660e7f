#!/usr/bin/env python3
"""Records what the API answers to ~480 reads, to check that a change to the read path changes no byte.

    python3 bench/responses.py populate BASE TOKEN       # once, on an empty database (categories, authors, articles)
    python3 bench/responses.py media BASE TOKEN          # then: articles with a feature media and media in the body
    python3 bench/responses.py capture BASE TOKEN FILE   # status, headers (but Date, X-Request-Id, RateLimit), body
    python3 bench/responses.py compare BEFORE AFTER

BASE is e.g. http://localhost:8080, TOKEN the admin token. Start the server with the response cache off
(HEADLINE_RESPONSE_CACHE_ENABLED=false), both rate limits lifted and HEADLINE_SITE_URL set; capture the build before
and the build after on the same database (captures only read). Problems carry a random requestId, which compare
ignores. A cursor's JSON keys come in the order of Map.of, which changes from one JVM start to the next, so compare
reads cursors as their JSON and leaves out the ETag of a response that holds one (and of its 304): restart the server
until `cmp` of the two files passes to see those bytes equal too.
"""
import base64, json, re, sys, urllib.error, urllib.request

def call(base, method, path, token=None, body=None, headers=None, ctype="application/json"):
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = ctype
    req = urllib.request.Request(base + path, data=data, method=method, headers=h)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        r = opener.open(req)
        return r.status, list(r.headers.items()), r.read()
    except urllib.error.HTTPError as e:
        return e.code, list(e.headers.items()), e.read()

def ok(res):
    s, h, b = res
    if s >= 300:
        raise SystemExit("failed %s %s" % (s, b[:500]))
    return json.loads(b) if b else None

def populate(base, token):
    P = lambda path, body: ok(call(base, "POST", path, token, body))
    news = P("/api/v1/categories", {"name": "News", "description": "All the news"})
    world = P("/api/v1/categories", {"name": "World", "parent": news["slug"], "description": "Abroad"})
    europe = P("/api/v1/categories", {"name": "Europe", "parent": world["slug"]})
    sport = P("/api/v1/categories", {"name": "Sport"})
    authors = [P("/api/v1/authors", {"name": n, "bio": "Writes about " + n, "email": n.lower().replace(" ", ".") + "@example.com",
                                     "avatarUrl": "https://img.example.com/" + str(i) + ".png",
                                     "websiteUrl": "https://example.com/" + str(i)})
               for i, n in enumerate(["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra"])]
    cats = [news, world, europe, sport]
    body = ("# Heading\n\nA paragraph with *emphasis* and a [link](https://example.com). " * 3 +
            "\n\n- one\n- two\n\n> a quote\n\n" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40)
    for i in range(24):
        status = ["published"] * 4 + ["draft", "scheduled", "archived"]
        st = status[i % 7]
        a = {"title": "Article number %d about things" % i, "body": body + (" extra %d" % i) * i,
             "category": cats[i % 4]["slug"],
             "authors": [authors[i % 4]["slug"]] + ([authors[(i + 1) % 4]["slug"]] if i % 3 == 0 else []),
             "tags": ["tag%d" % (i % 5), "common"] + (["rare"] if i % 6 == 0 else []),
             "status": "published" if st == "archived" else st, "featured": i % 5 == 0}
        if i % 4 == 1:
            a["excerpt"] = "A written excerpt %d" % i
            a["subtitle"] = "Sub %d" % i
        if i % 4 == 2:
            a["featureImageUrl"] = "https://img.example.com/feature%d.jpg" % i
        if st in ("published", "archived"):
            a["publishedAt"] = "2024-0%d-1%dT10:%02d:00Z" % (1 + i % 9, i % 10, i)
        if st == "scheduled":
            a["publishedAt"] = "2099-01-01T00:00:%02dZ" % i
        if i == 20:
            a["publishedAt"] = "2024-01-11T10:01:00Z"  # a minute after article 0's: neighbours in every date order
        created = P("/api/v1/articles", a)
        if st == "archived":
            ok(call(base, "POST", "/api/v1/articles/%s/archive" % created["id"], token))
        if i in (3, 8):
            ok(call(base, "PATCH", "/api/v1/articles/%s" % created["id"], token, {"slug": created["slug"] + "-renamed"},
                    ctype="application/merge-patch+json"))

def png(w, h):
    import struct, zlib
    raw = b"".join(b"\x00" + bytes([(x * 7 + y * 3) % 256 for x in range(w * 3)]) for y in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def populate_media(base, token):
    req = urllib.request.Request(base + "/api/v1/media", data=png(64, 48), method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "image/png",
        "Content-Disposition": 'attachment; filename="pic.png"'})
    media = json.loads(urllib.request.urlopen(req).read())
    cats = ok(call(base, "GET", "/api/v1/categories?size=100", token))["data"]
    auths = ok(call(base, "GET", "/api/v1/authors?size=100", token))["data"]
    for i, feature in enumerate([media["id"], None]):
        a = {"title": "Pictured %d" % i, "body": "Look: ![a picture](media:%s) and [the file](media:%s)." % (media["id"], media["id"]),
             "category": cats[0]["slug"], "status": "published", "publishedAt": "2024-06-0%dT08:00:00Z" % (i + 1),
             "tags": ["pictures"], "authors": [auths[0]["slug"]]}
        if feature:
            a["featureImage"] = feature
        ok(call(base, "POST", "/api/v1/articles", token, a))

def urls(base, token):
    arts = ok(call(base, "GET", "/api/v1/articles?size=100&sort=title", token))["data"]
    cats = ok(call(base, "GET", "/api/v1/categories?size=100", token))["data"]
    auths = ok(call(base, "GET", "/api/v1/authors?size=100", token))["data"]
    out = []
    for a in arts:
        for who in (None, token):
            out.append(("/api/v1/articles/" + a["slug"], who))
            out.append(("/api/v1/articles/" + a["id"], who))
        out.append(("/api/v1/articles/" + a["slug"] + "?include=authors,category", None))
        out.append(("/api/v1/articles/" + a["slug"] + "?fields=id,title,excerpt,seo&formats=plaintext", None))
        out.append(("/api/v1/articles/" + a["slug"] + "?formats=markdown,plaintext&include=authors", token))
    for a in arts[:8]:
        out.append(("/api/v1/articles/" + a["slug"] + "?fields=tags,authors,category,status,readingTimeMinutes", None))
        out.append(("/api/v1/articles/" + a["slug"] + "/related", None))
    for former in ("article-number-3-about-things", "article-number-8-about-things",
                   "article-number-3-about-things?include=authors"):
        out.append(("/api/v1/articles/" + former, None))
        out.append(("/api/v1/articles/" + former, token))
    for missing in ("nope", "00000000-0000-0000-0000-000000000000"):
        out.append(("/api/v1/articles/" + missing, None))
    lists = ["", "?size=20&include=authors,category", "?size=5", "?size=5&page=2", "?size=5&count=false",
             "?sort=title", "?sort=-updatedAt,title", "?sort=createdAt", "?fields=id,title,slug", "?fields=body,bodyHtml,bodyText",
             "?formats=html", "?formats=markdown&fields=id,body", "?include=authors", "?include=category",
             "?tag=common&size=3", "?tag=rare", "?featured=true", "?publishedAfter=2024-03-01T00:00:00Z",
             "?publishedBefore=2024-05-01T00:00:00Z&sort=publishedAt", "?size=101", "?sort=nope", "?fields=nope",
             "?q=things", "?q=emphasis&size=3", "?tag=pictures&fields=featureImage,featureImageUrl,seo,body,bodyHtml",
             "?tag=pictures", "?q=picture&fields=id,snippet", "?formats=plaintext&size=2&sort=title",
             "?fields=excerpt,seo,wordCount,readingTimeMinutes&sort=-title"]
    for c in cats:
        lists.append("?category=" + c["slug"] + "&size=20&include=authors,category")
        lists.append("?category=" + c["slug"] + "&includeSubcategories=false")
        lists.append("?category=" + c["id"])
        lists.append("?category=" + c["slug"] + "&includeSubcategories=true&include=category")
    for au in auths:
        lists.append("?author=" + au["slug"] + "&include=authors")
    lists.append("?category=missing-cat")
    for l in lists:
        out.append(("/api/v1/articles" + l, None))
    for l in ("", "?size=5&include=authors,category", "?status=draft", "?status=scheduled,archived", "?sort=title&size=4"):
        out.append(("/api/v1/articles" + l, token))
    return out

def record(base, token, path, who, extra=None, f=None):
    s, h, b = call(base, "GET", path, who, headers=extra)
    hs = sorted((k, v) for k, v in h if k.lower() not in ("date", "x-request-id", "ratelimit"))
    f.write("== GET %s %s %s\n%d\n" % (path, "token" if who else "anon", json.dumps(extra or {}), s))
    for k, v in hs:
        f.write("%s: %s\n" % (k, v))
    f.write(b.decode("utf-8", "replace") + "\n")
    return s, dict((k.lower(), v) for k, v in h), b

def capture(base, token, out):
    n = 0
    with open(out, "w") as f:
        for path, who in urls(base, token):
            s, h, b = record(base, token, path, who, f=f)
            n += 1
            if s == 200 and "etag" in h:
                record(base, token, path, who, {"If-None-Match": h["etag"]}, f=f)
                n += 1
            # Follow a list's cursor two pages on.
            if s == 200 and path.startswith("/api/v1/articles?"):
                nxt = json.loads(b).get("meta", {}).get("nextCursor")
                for _ in range(2):
                    if not nxt:
                        break
                    p = path + "&cursor=" + nxt if "cursor" not in path else path
                    s2, h2, b2 = record(base, token, "/api/v1/articles?size=5&include=authors,category&cursor=" + nxt
                                        if "size=5" in path else p, who, f=f)
                    n += 1
                    nxt = json.loads(b2).get("meta", {}).get("nextCursor") if s2 == 200 else None
    print("recorded", n)


def canon(tok):
    try:
        d = json.loads(base64.urlsafe_b64decode(tok + "=" * (-len(tok) % 4)))
        return "CURSOR" + json.dumps(d, sort_keys=True)
    except Exception:
        return tok

def records(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r'"requestId":"[^"]*"', '"requestId":"X"', text)
    out = []
    previous = False
    for rec in text.split("\n== ")[0:]:
        # A 304 answers the If-None-Match of the record before it.
        has_cursor = "eyJ" in rec or (previous and "If-None-Match" in rec.split("\n", 1)[0])
        previous = has_cursor
        rec = re.sub(r"eyJ[A-Za-z0-9_-]+", lambda m: canon(m.group(0)), rec)
        if has_cursor:
            rec = re.sub(r'(ETag: |If-None-Match": )"\\?"?[A-Za-z0-9_-]+\\?"?"?', r"\1<etag>", rec)
        out.append((has_cursor, rec))
    return out

def compare(before, after):
    a, b = records(before), records(after)
    assert len(a) == len(b), (len(a), len(b))
    diff = [i for i in range(len(a)) if a[i][1] != b[i][1]]
    print("records", len(a), "with cursors (ETag not compared)", sum(1 for x in a if x[0]), "differing", len(diff))
    for i in diff[:3]:
        print(a[i][1][:800]); print("----"); print(b[i][1][:800])
    return 1 if diff else 0


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    elif mode == "populate":
        populate(sys.argv[2], sys.argv[3])
    elif mode == "media":
        populate_media(sys.argv[2], sys.argv[3])
    else:
        capture(sys.argv[2], sys.argv[3], sys.argv[4])
