// Drives the example site in headless Chromium (Debian's, through playwright-core) against a running Headline with its
// demo content. The site is served from another origin than the API (WEB_PORT), so every read goes through CORS.
// HEADLINE_URL is the API; run.sh sets both and lets the API's CORS admit the site's origin only.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {once} from 'node:events';
import {mkdir} from 'node:fs/promises';
import {chromium} from 'playwright-core';
import {createStaticServer} from '../serve.mjs';

const api = process.env.HEADLINE_URL;
const port = Number(process.env.WEB_PORT);
assert.ok(api && port, 'HEADLINE_URL and WEB_PORT must be set (see run.sh)');
const origin = `http://127.0.0.1:${port}`;
const site = `${origin}/?api=${encodeURIComponent(api)}&size=2`;
const screenshots = new URL('../../../target/', import.meta.url);
const SEED = {slug: 'extraction-sequel-in-the-works', title: 'Extraction sequel in the works'};

let server;
let browser;

before(async () => {
    server = createStaticServer().listen(port, '127.0.0.1');
    await once(server, 'listening');
    browser = await chromium.launch({
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await mkdir(screenshots, {recursive: true});
});

after(async () => {
    await browser?.close();
    server?.close();
});

/** A fresh page that keeps the page's errors and each API response's Access-Control-Allow-Origin. */
async function open(t, hash = '') {
    const page = await browser.newPage({viewport: {width: 900, height: 1000}});
    t.after(() => page.close());
    const errors = [];
    const allowedOrigins = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('response', (response) => response.url().startsWith(api)
        && allowedOrigins.push(response.headers()['access-control-allow-origin']));
    await page.goto(site + hash);
    return {page, errors, allowedOrigins};
}

async function listed(page) {
    await page.locator('#articles li').first().waitFor();
    return page.locator('#articles .title').allTextContents();
}

/** Titles the API lists for a query, straight from the API (not through the site). */
async function titles(query) {
    const response = await fetch(`${api}/api/v1/articles?fields=title&size=100&${query}`);
    return (await response.json()).data.map((article) => article.title);
}

test('lists the latest articles and follows the pages to the last, across origins', async (t) => {
    const {page, errors, allowedOrigins} = await open(t);
    const seen = [...await listed(page)];
    for (let number = 2; await page.locator('#next').count() > 0; number++) {
        await page.locator('#next').click();
        await page.locator('#page', {hasText: `Page ${number}`}).waitFor();
        seen.push(...await listed(page));
    }
    assert.deepEqual(seen, await titles(''));
    assert.equal(await page.locator('#page').textContent(), 'Page 3');
    await page.screenshot({path: new URL('web-example-list.png', screenshots).pathname, fullPage: true});
    assert.ok(allowedOrigins.length >= 4, 'the categories and three pages came from the API');
    assert.deepEqual(new Set(allowedOrigins), new Set([origin]), 'the API admitted the site\'s origin by name');
    assert.deepEqual(errors, []);
});

test('lists a category with its subcategories', async (t) => {
    const {page, errors} = await open(t);
    await page.locator('#categories a', {hasText: 'Culture'}).click();
    await page.locator('h1', {hasText: 'Culture'}).waitFor();
    const seen = [...await listed(page)];
    while (await page.locator('#next').count() > 0) {
        const before = await page.locator('#page').textContent();
        await page.locator('#next').click();
        await page.locator('#page', {hasNotText: before}).waitFor();
        seen.push(...await listed(page));
    }
    assert.deepEqual(seen, await titles('category=culture&includeSubcategories=true'));
    assert.ok(seen.length > 0);
    assert.deepEqual(errors, []);
});

test('renders the seed article with its title and sanitized body', async (t) => {
    const {page, errors} = await open(t);
    await page.locator('#categories a', {hasText: 'News'}).click();
    await page.locator('#articles .title', {hasText: SEED.title}).click();
    await page.locator('article h1').waitFor();
    assert.equal(await page.locator('article h1').textContent(), SEED.title);
    assert.match(await page.locator('article .body p').first().textContent(), /Joe Russo/);
    assert.match(await page.locator('article .byline').textContent(), /Newsdesk/);
    assert.equal(await page.locator('article .body script').count(), 0);
    assert.equal(await page.title(), `${SEED.title} · Headline`);
    assert.match(page.url(), new RegExp(`#/article/${SEED.slug}$`));
    // The feature image (a rendition made on the first request) is in the picture.
    await page.waitForFunction(() => {
        const img = document.querySelector('article figure.feature img');
        return img && img.complete && img.naturalWidth > 0;
    });
    await page.screenshot({path: new URL('web-example-article.png', screenshots).pathname, fullPage: true});
    assert.deepEqual(errors, []);
});

test('shows the seed article\'s feature image from the media library, sized by srcset', async (t) => {
    const {page} = await open(t, `#/article/${SEED.slug}`);
    const img = page.locator('article figure.feature img');
    await img.waitFor();
    const srcset = await img.getAttribute('srcset');
    assert.match(srcset, /\/api\/v1\/media\/[0-9a-f-]+\/[0-9a-f]{16}\.jpg\?w=320&format=auto 320w/);
    assert.equal(await img.getAttribute('width'), '1600');
    assert.equal(await img.getAttribute('height'), '900');
    assert.ok((await img.getAttribute('alt')).length > 0);
    // The browser picked a candidate and loaded it, across origins, as AVIF or WebP.
    await page.waitForFunction(() => document.querySelector('article figure.feature img').complete
        && document.querySelector('article figure.feature img').naturalWidth > 0);
    const chosen = await img.evaluate((node) => node.currentSrc);
    const response = await fetch(chosen, {headers: {Accept: 'image/avif,image/webp,*/*'}});
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^image\/(avif|webp)$/);
    assert.match(response.headers.get('cache-control'), /immutable/);
});

test('searches, with the matches marked', async (t) => {
    const {page, errors} = await open(t);
    await page.locator('#search input').fill('sequel');
    await page.locator('#search input').press('Enter');
    await page.locator('h1', {hasText: 'Search: sequel'}).waitFor();
    assert.ok((await listed(page)).includes(SEED.title));
    assert.match(await page.locator('#articles .snippet mark').first().textContent(), /sequel/i);
    assert.deepEqual(errors, []);
});

test('shows the problem for an article that is not there', async (t) => {
    const {page} = await open(t, '#/article/no-such-article');
    await page.locator('.error').waitFor();
    assert.match(await page.locator('.error').textContent(), /^Not Found: .*no-such-article/);
});

test('reads in the language chosen, links every translation with hreflang, and switches language', async (t) => {
    const post = async (path, body) => {
        const response = await fetch(`${api}${path}`, {method: 'POST', body: JSON.stringify(body), headers: {
            Authorization: `Bearer ${process.env.HEADLINE_ADMIN_TOKEN}`, 'Content-Type': 'application/json'}});
        assert.equal(response.status, 201, await response.clone().text());
        return response.json();
    };
    const stamp = Date.now();
    const en = await post('/api/v1/articles', {title: `In English ${stamp}`, category: 'news', authors: ['newsdesk'],
        body: 'English.', status: 'published'});
    const de = await post(`/api/v1/articles/${en.id}/translations`, {locale: 'de', title: `Auf Deutsch ${stamp}`,
        status: 'published'});
    const page = await browser.newPage({viewport: {width: 900, height: 1000}});
    t.after(() => page.close());
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // The English slug, read in German: the German translation.
    await page.goto(`${site}&lang=de#/article/${en.slug}`);
    await page.locator('article h1', {hasText: de.title}).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    const alternates = Object.fromEntries(await page.locator('link[rel="alternate"][hreflang]')
        .evaluateAll((links) => links.map((link) => [link.hreflang, link.href])));
    assert.deepEqual(Object.keys(alternates).sort(), ['de', 'en']);
    for (const [locale, slug] of [['en', en.slug], ['de', de.slug]]) {
        const url = new URL(alternates[locale]);
        assert.equal(url.searchParams.get('lang'), locale);
        assert.equal(url.hash, `#/article/${slug}`);
    }
    assert.equal(await page.locator('.translations a').getAttribute('hreflang'), 'en');

    await page.locator('#language').selectOption('en');
    await page.locator('article h1', {hasText: en.title}).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(await page.locator('#language option').evaluateAll((options) => options.map((o) => o.value)),
        ['en', 'de']);
    assert.deepEqual(errors, []);
});
