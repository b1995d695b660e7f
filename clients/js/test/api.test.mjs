// The built SDK against a running Headline with its demo content (run.sh starts one).
// HEADLINE_URL is the server, HEADLINE_ADMIN_TOKEN its admin token.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {createHeadline, HeadlineProblem, unwrap} from '../dist/index.js';

const baseUrl = process.env.HEADLINE_URL;
const adminToken = process.env.HEADLINE_ADMIN_TOKEN;
assert.ok(baseUrl && adminToken, 'HEADLINE_URL and HEADLINE_ADMIN_TOKEN must be set (see run.sh)');
const SEED = 'extraction-sequel-in-the-works';
const PUBLISHED = 5;

/** A fetch that records each request's URL and headers and each response's status. */
function recording() {
    const exchanges = [];
    const fetch = async (request) => {
        const exchange = {url: request.url, headers: new Headers(request.headers)};
        exchanges.push(exchange);
        const response = await globalThis.fetch(request);
        exchange.status = response.status;
        return response;
    };
    return {fetch, exchanges};
}

test('lists published articles newest first, sending list parameters comma-separated', async () => {
    const {fetch, exchanges} = recording();
    const page = await createHeadline({baseUrl, fetch}).articles.list({size: 2, fields: ['slug', 'title', 'publishedAt']});
    assert.equal(page.data.length, 2);
    assert.equal(page.meta.totalItems, PUBLISHED);
    assert.ok(page.data[0].publishedAt >= page.data[1].publishedAt);
    assert.deepEqual(Object.keys(page.data[0]).sort(), ['id', 'publishedAt', 'slug', 'title']);
    assert.match(exchanges[0].url, /[?&]fields=slug,title,publishedAt(&|$)/);
});

test('follows links.next through every page, each article once', async () => {
    const headline = createHeadline({baseUrl});
    const seen = [];
    let pages = 0;
    for await (const page of headline.articles.pages({size: 2, fields: ['slug']})) {
        pages++;
        seen.push(...page.data.map((article) => article.slug));
    }
    const all = await headline.articles.list({size: 100, fields: ['slug']});
    assert.equal(pages, 3);
    assert.deepEqual(seen, all.data.map((article) => article.slug));
    assert.equal(new Set(seen).size, PUBLISHED);
});

test('reads the seed article by slug, with its authors whole', async () => {
    const article = await createHeadline({baseUrl}).articles.get(SEED, {include: ['authors']});
    assert.equal(article.slug, SEED);
    assert.equal(article.title, 'Extraction sequel in the works');
    assert.match(article.bodyHtml, /<p>.*Joe Russo/s);
    assert.equal(article.category.slug, 'news');
    assert.equal(article.authors[0].slug, 'newsdesk');
    assert.equal(typeof article.authors[0].bio, 'string', 'a whole author, not the compact form');
});

test('reads with a content key, which may not ask for drafts', async () => {
    const admin = createHeadline({baseUrl, token: adminToken});
    const {token} = await unwrap(admin.client.POST('/api/v1/tokens', {body: {name: `sdk-${randomUUID()}`, role: 'content'}}));
    const front = createHeadline({baseUrl, token});
    assert.equal((await front.articles.get(SEED)).slug, SEED);
    await assert.rejects(front.articles.list({status: ['draft']}), (problem) => {
        assert.ok(problem instanceof HeadlineProblem);
        assert.equal(problem.status, 403);
        return true;
    });
});

test('creates, patches and deletes an article with an admin token', async () => {
    const admin = createHeadline({baseUrl, token: adminToken});
    const anonymous = createHeadline({baseUrl});
    const title = `SDK round trip ${randomUUID()}`;
    const created = await admin.articles.create({title, category: 'news', authors: ['newsdesk'], body: 'Made by *the SDK*.'});
    assert.equal(created.title, title);
    assert.equal(created.status, 'draft');
    await assert.rejects(anonymous.articles.get(created.slug), {name: 'HeadlineProblem', status: 404});

    const patched = await admin.articles.patch(created.slug, {subtitle: 'Patched', status: 'published'});
    assert.equal(patched.subtitle, 'Patched');
    assert.equal(patched.body, 'Made by *the SDK*.', 'a merge patch keeps what it does not name');
    assert.equal((await anonymous.articles.get(created.id)).subtitle, 'Patched');
    await assert.rejects(admin.articles.patch(created.id, {subtitle: 'Late'}, {ifMatch: '"stale"'}),
        {name: 'HeadlineProblem', status: 412});

    await admin.articles.delete(created.id);
    await assert.rejects(admin.articles.get(created.id), {name: 'HeadlineProblem', status: 404});
});

test('decodes a problem: a 404 and a 422 with its field errors', async () => {
    await assert.rejects(createHeadline({baseUrl}).articles.get('no-such-article'), (problem) => {
        assert.ok(problem instanceof HeadlineProblem);
        assert.equal(problem.status, 404);
        assert.equal(problem.problem.status, 404);
        assert.equal(typeof problem.type, 'string');
        assert.equal(problem.title, 'Not Found');
        assert.match(problem.detail, /no-such-article/);
        assert.equal(problem.instance, '/api/v1/articles/no-such-article');
        return true;
    });
    const admin = createHeadline({baseUrl, token: adminToken});
    await assert.rejects(admin.articles.create({title: ' ', category: 'news', authors: ['newsdesk'], featureImageUrl: 'not a url'}), (problem) => {
        assert.equal(problem.status, 422);
        assert.equal(problem.response.headers.get('Content-Type'), 'application/problem+json');
        assert.deepEqual(problem.errors.map((error) => error.field).sort(), ['featureImageUrl', 'title']);
        return true;
    });
});

test('revalidates with the ETag and serves a 304 from its store', async () => {
    const {fetch, exchanges} = recording();
    const headline = createHeadline({baseUrl, fetch, etagCache: true});
    const first = await headline.articles.get(SEED);
    const second = await headline.articles.get(SEED);
    assert.deepEqual(second, first);
    assert.deepEqual(exchanges.map((exchange) => exchange.status), [200, 304]);
    assert.equal(exchanges[0].headers.get('If-None-Match'), null);
    assert.match(exchanges[1].headers.get('If-None-Match'), /^"/);
});

test('without the store, sends no If-None-Match', async () => {
    const {fetch, exchanges} = recording();
    const headline = createHeadline({baseUrl, fetch});
    await headline.articles.get(SEED);
    await headline.articles.get(SEED);
    assert.deepEqual(exchanges.map((exchange) => [exchange.status, exchange.headers.get('If-None-Match')]),
        [[200, null], [200, null]]);
});

test('reads in the locale the client asks for, following a slug to its translation', async () => {
    const admin = createHeadline({baseUrl, token: adminToken});
    const english = await admin.articles.create({title: `Locale ${randomUUID()}`, category: 'news',
        authors: ['newsdesk'], body: 'In English.', status: 'published'});
    const german = await unwrap(admin.client.POST('/api/v1/articles/{idOrSlug}/translations', {
        params: {path: {idOrSlug: english.id}}, body: {locale: 'de', title: `Sprache ${randomUUID()}`, status: 'published'},
    }));
    const {fetch, exchanges} = recording();
    const reader = createHeadline({baseUrl, fetch, locale: 'de'});

    const read = await reader.articles.get(english.slug);   // 301 to the German slug, followed
    assert.equal(read.id, german.id);
    assert.equal(read.locale, 'de');
    assert.deepEqual(read.translations.map((t) => t.locale).sort(), ['de', 'en']);
    assert.match(exchanges[0].url, /[?&]locale=de(&|$)/);
    // A call's own locale wins over the client's.
    assert.equal((await reader.articles.get(english.id, {locale: 'en'})).title, english.title);
    const translations = await reader.articles.translations(english.id);
    assert.deepEqual(translations.data.map((t) => t.id).sort(), [english.id, german.id].sort());

    await assert.rejects(createHeadline({baseUrl, locale: 'it'}).articles.list(), (problem) => {
        assert.ok(problem instanceof HeadlineProblem);
        assert.equal(problem.status, 400);
        assert.match(problem.detail, /de/);
        return true;
    });
});
