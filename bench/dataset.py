#!/usr/bin/env python3
"""Deterministic benchmark dataset in Headline's NDJSON import format.

    python3 bench/dataset.py [--articles N] [--seed S] [--locales en,de,fr] --out FILE

Writes 40 categories (a tree: 8 sections of 4 subsections, parents first), 500 authors and N articles
(default 100,000): titles and 2-8 KB Markdown bodies of English news words (headings, paragraphs, links,
lists, quotes), 1-5 tags from 200, 1-3 authors, 92% published over 2015-2025, the rest drafts, 3% featured.
About a fifth of the articles mention "signal" (the search workload's word). Same seed, same bytes.

With --locales, each article is written in every locale listed (the first is the default): a line per translation,
each with its own title, body and slug (the default's slug and "-<locale>"), linked by a translationGroup key, sharing
category, authors, tags, status and publication time: N articles are then N times the locales lines.

Beside FILE it writes FILE.meta.json: the slugs of categories, authors and tags, and up to 10,000 published
article slugs spread over the dataset, for the benchmark's URLs.

Bodies are assembled from a pool of paragraphs drawn once per seed, and the pieces are JSON-escaped once:
a million articles (about 5 GB) take a minute or two, with the file written as it goes.
"""
import argparse
import json
import random
import sys
import unicodedata

WORDS = """
the of and to in a is that for on with as was by at from be this are it have has not an which or but
government minister city council report market company year people week month police court health school
water energy climate election vote party policy budget tax bank rate price growth trade border war peace
team season match league coach player goal final record fans stadium film series music album festival
museum artist theatre book novel author study research scientists data model university hospital patients
doctors virus vaccine treatment technology software network security privacy users phone app platform cloud
chip startup investors shares profit revenue workers union strike wages housing rent transport rail airport
flight road traffic bridge harbour port ship coast river storm flood drought heat fire forest farmers crops
food prices inflation interest lending mortgage economy recession jobs unemployment exports imports tariff
summit talks agreement treaty sanctions embassy troops ceasefire refugees aid charity village region province
state federal national local public private mayor governor senator parliament committee inquiry evidence
witness trial judge jury verdict appeal lawyer law rules regulator license review plan project launch
opening closing decision change rise fall increase decline drop surge gain loss support criticism pressure
warning risk crisis recovery response measure proposal deal contract partnership merger acquisition
executive director chairman founder engineer analyst officer spokesperson residents visitors students
teachers children families voters customers drivers passengers readers listeners audience critics experts
officials leaders members staff volunteers morning evening night weekend spring summer autumn winter early
late recent new old major minor key main small large long short high low strong weak quick slow clear
open close free full first last next previous annual monthly daily global local regional urban rural
northern southern eastern western central coastal said says told added noted warned announced confirmed
expected planned agreed rejected approved launched opened closed raised cut increased reduced moved built
found showed suggested reported estimated described called asked answered explained argued claimed denied
""".split()
SIGNAL = ["signal", "signals", "signalling"]
FIRST = """Ada Alan Alice Amir Ana Anna Ben Bianca Carl Carmen Chen Chloe Dan Daria David Elena Emil Emma Eva
Felix Fiona Gabriel Grace Hana Hugo Ines Ivan Jack Jana Jonas Julia Kai Kara Lars Laura Leo Lina Luca Maya
Mia Milan Nadia Nina Noah Nora Olga Omar Oscar Paula Pedro Rosa Ruth Sam Sara Selim Sofia Tom Uma Vera Yuki
Zoe""".split()
LAST = """Abbott Baker Berg Costa Dahl Diaz Ekström Evans Fischer Garcia Gomez Hansen Hughes Ito Jensen Kaur
Khan Klein Kowalski Lang Larsen Lopez Martin Meyer Moreau Müller Nakamura Novak Olsen Park Patel Perez Quinn
Reyes Rossi Sato Schmidt Silva Singh Smith Tanaka Torres Varga Wagner Weber Wong Young Zhang""".split()
SECTIONS = {
    "news": ["politics", "crime", "education", "transport"],
    "world": ["europe", "americas", "asia", "africa"],
    "business": ["markets", "companies", "economy", "property"],
    "technology": ["software", "hardware", "security", "startups"],
    "science": ["climate", "space", "health", "environment"],
    "culture": ["film", "music", "books", "theatre"],
    "sport": ["football", "tennis", "cycling", "athletics"],
    "opinion": ["columns", "letters", "editorials", "analysis"],
}


def esc(text):
    return json.dumps(text, ensure_ascii=False)[1:-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--locales", default="", help="comma list, the default first: every article in each")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    # Zipf-like word frequencies: the common words dominate, as in prose.
    cum, total = [], 0.0
    for rank in range(len(WORDS)):
        total += 1.0 / (rank + 1) ** 0.9
        cum.append(total)

    def words(count):
        return rnd.choices(WORDS, cum_weights=cum, k=count)

    def sentence(mention_signal=False):
        ws = words(rnd.randint(8, 20))
        if mention_signal:
            ws[rnd.randrange(len(ws))] = rnd.choice(SIGNAL)
        ws[0] = ws[0].capitalize()
        return " ".join(ws) + "."

    def title_words(count):
        ws = [w for w in words(count * 3) if len(w) > 3][:count]
        return ws or ["report"]

    pool = []
    for i in range(6000):
        kind = rnd.random()
        mention = rnd.random() < 0.02
        if kind < 0.70:
            text = " ".join(sentence(mention and s == 0) for s in range(rnd.randint(3, 6)))
            if rnd.random() < 0.3:
                anchor = " ".join(words(rnd.randint(2, 4)))
                text += " Read [%s](https://example.com/%s/%d)." % (anchor, "-".join(words(2)), i)
        elif kind < 0.82:
            text = "\n".join("- " + " ".join(words(rnd.randint(3, 9))) for _ in range(rnd.randint(3, 6)))
        elif kind < 0.92:
            text = "> " + sentence(mention) + " " + sentence()
        else:
            text = "1. " + sentence(mention) + "\n2. " + sentence() + "\n3. " + sentence()
        pool.append(esc(text + "\n\n"))
    headings = [esc("## " + " ".join(title_words(rnd.randint(2, 5))).capitalize() + "\n\n") for _ in range(500)]
    sizes = [len(p.encode()) for p in pool]

    categories = []
    out = open(args.out, "w", encoding="utf-8", newline="\n", buffering=1 << 22)
    for section, subs in SECTIONS.items():
        out.write('{"type":"category","slug":"%s","name":"%s","description":"%s"}\n'
                  % (section, section.capitalize(), esc(sentence())))
        categories.append(section)
        for sub in subs:
            slug = section + "-" + sub
            out.write('{"type":"category","slug":"%s","name":"%s","description":"%s","parent":"%s"}\n'
                      % (slug, sub.capitalize(), esc(sentence()), section))
            categories.append(slug)
    authors = []
    for i in range(500):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7 + i // len(FIRST)) % len(LAST)]
        folded = unicodedata.normalize("NFKD", last.lower()).encode("ascii", "ignore").decode()
        slug = "%s-%s-%d" % (first.lower(), folded, i + 1)
        authors.append(slug)
        out.write('{"type":"author","slug":"%s","name":"%s %s","email":"%s@example.com","bio":"%s"}\n'
                  % (slug, first, esc(last), slug, esc(sentence() + " " + sentence())))
    tags = sorted({"-".join(title_words(rnd.randint(1, 2))) for _ in range(400)})[:200]
    leaves = [c for c in categories if "-" in c]

    start, span = 1420070400, 1751241600 - 1420070400  # 2015-01-01 .. 2025-06-30, UTC seconds
    published_slugs = []
    n = args.articles
    step = max(1, n // 10_000)
    write = out.write
    locales = [tag for tag in args.locales.split(",") if tag]

    def text(title):
        """A body of 2-8 KB for the title, JSON-escaped."""
        target = rnd.randint(2048, 8192)
        parts = ["## Introduction\\n\\n", esc(title + ". " + sentence() + "\n\n")]
        size = 40 + len(title)
        while size < target:
            if rnd.random() < 0.12:
                parts.append(headings[rnd.randrange(500)])
            k = rnd.randrange(6000)
            parts.append(pool[k])
            size += sizes[k]
        return "".join(parts)

    for i in range(n):
        tw = title_words(rnd.randint(4, 9))
        title = " ".join(tw).capitalize()
        slug = "-".join(tw[:6]) + "-" + str(i + 1)
        body = text(title)
        published = rnd.random() < 0.92
        category = rnd.choice(leaves) if rnd.random() < 0.85 else rnd.choice(categories)
        byline = rnd.sample(authors, rnd.randint(1, 3))
        article_tags = rnd.sample(tags, rnd.randint(1, 5))
        featured = "true" if rnd.random() < 0.03 else "false"
        shared = ',"category":"%s","authors":%s,"tags":%s' % (category, json.dumps(byline), json.dumps(article_tags))
        status = "published" if published else "draft"
        for k, locale in enumerate(locales or [None]):
            if k > 0:
                tw = title_words(rnd.randint(4, 9))
                title = " ".join(tw).capitalize()
                body = text(title)
            line = ['{"type":"article","slug":"', slug + ("-" + locale.lower() if k > 0 else ""), '","title":"',
                    title, '","subtitle":"', esc(sentence()), '","excerpt":"', esc(sentence()), '","body":"', body,
                    '","status":"', status, '","featured":', featured]
            if published:
                if k == 0:
                    published_at = iso(start + rnd.randrange(span))
                    if i % step == 0 and len(published_slugs) < 10_000:
                        published_slugs.append(slug)
                line.append(',"publishedAt":"%s"' % published_at)
            line.append(shared)
            if locale:
                line.append(',"locale":"%s","translationGroup":"g%d"' % (locale, i + 1))
            line.append("}\n")
            write("".join(line))
    out.close()
    with open(args.out + ".meta.json", "w") as meta:
        json.dump({"articles": n, "locales": locales, "seed": args.seed, "categories": categories, "authors": authors, "tags": tags,
                   "publishedSlugs": published_slugs, "words": sorted(set(WORDS))}, meta)


def iso(t):
    days, rest = divmod(t, 86400)
    # civil-from-days (Howard Hinnant), so that no time zone or locale enters the bytes
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y += m <= 2
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, m, d, rest // 3600, rest // 60 % 60, rest % 60)


if __name__ == "__main__":
    sys.exit(main())
