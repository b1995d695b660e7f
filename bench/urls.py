#!/usr/bin/env python3
"""The URLs of bench/run.sh's workloads, for a running server loaded with a bench/dataset.py dataset.

    python3 bench/urls.py META_JSON API_BASE WORK_DIR ARTICLES SEED

Prints shell assignments (slug_url, list_url, category_url, cursor_url, cursor_depth, search_url, mixed_count,
slug_count, write_category, write_author, warm_slug, capture_slug) and writes to WORK_DIR: mixed.txt, up to 10,000
distinct paths (articles by slug, list pages of several sizes, filters by category, tag and author, searches, authors,
categories) in a seeded order; slugs.txt, every published slug in a seeded order, and by-slug.txt, their paths.
The deep cursor is found by following meta.nextCursor from the first page to 90% of the published articles.
With BENCH_READ_LOCALE set (a locale of a --locales dataset), every URL asks for it (locale=...), and slugs are that
locale's; read_query and read_param are then "?locale=..." and "&locale=...", for bench/run.sh's own requests.
"""
import os
import json
import random
import shlex
import sys
import urllib.parse
import urllib.request

INCLUDE = "include=authors,category"


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def main():
    meta_file, api, work, articles, seed = sys.argv[1:6]
    meta = json.load(open(meta_file))
    rnd = random.Random(int(seed) + int(articles))
    path = urllib.parse.urlsplit(api).path
    locale = os.environ.get("BENCH_READ_LOCALE", "")
    translated = locale and meta.get("locales") and locale != meta["locales"][0]
    slugs = [slug + "-" + locale.lower() if translated else slug for slug in meta["publishedSlugs"]]

    def loc(url):
        """The URL asking for the read locale, if any."""
        return url + ("&" if "?" in url else "?") + "locale=" + locale if locale else url

    leaves = [c for c in meta["categories"] if "-" in c]
    published = get(loc(api + "/articles?size=1"))["meta"]["totalItems"]

    depth, cursor = 0, None
    target = int(published * 0.9)
    while depth < target:
        step = min(100, target - depth)
        page = get(loc(api + "/articles?count=false&fields=id&size=%d%s" % (step, "&cursor=" + cursor if cursor else "")))
        cursor = page["meta"].get("nextCursor")
        depth += len(page["data"])
        if not cursor:
            raise SystemExit("the cursor ended at %d of %d" % (depth, target))

    distinct, order = set(), []
    max_page = lambda size, items: max(1, min(10_000 // size, items // size))
    words = [w for w in meta["words"] if len(w) >= 5]
    for _ in range(200_000):
        if len(order) >= 10_000:
            break
        kind = rnd.random()
        if kind < 0.45:
            url = "/articles/" + rnd.choice(slugs)
        elif kind < 0.65:
            size = rnd.choice([10, 20, 50, 100])
            url = "/articles?page=%d&size=%d" % (rnd.randint(1, max_page(size, published)), size)
            url += "&" + INCLUDE if rnd.random() < 0.5 else ""
        elif kind < 0.77:
            category = rnd.choice(meta["categories"])
            url = "/articles?category=%s&page=%d" % (category, rnd.randint(1, max_page(20, published // 40)))
            url += "&includeSubcategories=true" if "-" not in category else ""
            url += "&" + INCLUDE if rnd.random() < 0.5 else ""
        elif kind < 0.87:
            url = "/articles?tag=%s&page=%d" % (rnd.choice(meta["tags"]), rnd.randint(1, max_page(20, published // 100)))
        elif kind < 0.95:
            url = "/articles?author=%s&size=%d" % (rnd.choice(meta["authors"]), rnd.choice([10, 20]))
        elif kind < 0.97:
            url = "/articles?q=%s" % rnd.choice(words)
        elif kind < 0.99:
            url = "/authors/" + rnd.choice(meta["authors"])
        else:
            url = "/categories/" + rnd.choice(meta["categories"])
        if url not in distinct:
            distinct.add(url)
            order.append(loc(path + url))
    with open(work + "/mixed.txt", "w") as out:
        out.write("\n".join(order) + "\n")
    shuffled = rnd.sample(slugs, len(slugs))
    with open(work + "/slugs.txt", "w") as out:
        out.write("\n".join(shuffled) + "\n")
    with open(work + "/by-slug.txt", "w") as out:
        out.write("".join(loc(path + "/articles/" + slug) + "\n" for slug in shuffled))

    values = {
        "slug_url": loc(api + "/articles/" + slugs[len(slugs) // 2]),
        "list_url": loc(api + "/articles?size=20&" + INCLUDE),
        "category_url": loc(api + "/articles?category=%s&size=20&%s" % (leaves[5], INCLUDE)),
        "cursor_url": loc(api + "/articles?size=20&count=false&%s&cursor=%s" % (INCLUDE, cursor)),
        "cursor_depth": depth,
        "search_url": loc(api + "/articles?q=signal"),
        "mixed_count": len(order),
        "slug_count": len(slugs),
        "write_category": leaves[0],
        "write_author": meta["authors"][0],
        # For bench/run.sh's capture of the SQL: two slugs no other request has asked for before it.
        "warm_slug": slugs[1],
        "capture_slug": slugs[2],
        "read_query": "?locale=" + locale if locale else "",
        "read_param": "&locale=" + locale if locale else "",
    }
    for name, value in values.items():
        print("%s=%s" % (name, shlex.quote(str(value))))


if __name__ == "__main__":
    main()
