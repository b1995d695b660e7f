// The example front end: articles by category a page at a time, an article page, and search, all through the SDK.
// The API's address comes from ?api= (default http://localhost:8080), the page size from ?size= (default 10), the
// language from ?lang= (default: the browser's Accept-Language, which the API honours).
import {createHeadline, HeadlineProblem, unwrap} from '@headline/sdk';

const params = new URLSearchParams(location.search);
const api = params.get('api') ?? 'http://localhost:8080';
const lang = params.get('lang') ?? undefined;
const headline = createHeadline({baseUrl: api, etagCache: true, locale: lang});
const size = Number(params.get('size') ?? 10);
const LIST_FIELDS = ['slug', 'title', 'excerpt', 'publishedAt', 'category'];
const main = document.getElementById('main');
let shown = 0;   // the latest navigation; an answer that comes back after a newer one is dropped

function el(tag, properties = {}, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, properties);
    node.append(...children);
    return node;
}

function html(tag, properties, sanitized) {
    const node = el(tag, properties);
    node.innerHTML = sanitized;   // the server sanitizes bodyHtml and escapes snippets (jsoup's allow-list, <mark> only)
    return node;
}

/** This site's address of a page in another language: the same page, ?lang= changed. */
function inLanguage(locale, hash = location.hash) {
    const url = new URL(location.href);
    url.searchParams.set('lang', locale);
    url.hash = hash;
    return url.href;
}

/** The language switch, when the server has more than one locale; choosing one reloads the site in it. */
async function showLanguages() {
    const locales = (await unwrap(headline.client.GET('/api/v1/locales'))).data;
    if (locales.length < 2) {
        return;
    }
    const current = lang ?? locales.find((locale) => locale.isDefault).locale;
    const select = el('select', {id: 'language', ariaLabel: 'Language',
        onchange: () => location.assign(inLanguage(select.value))},
    ...locales.map((locale) => el('option', {value: locale.locale, selected: locale.locale === current},
        new Intl.DisplayNames([locale.locale], {type: 'language'}).of(locale.locale) ?? locale.locale)));
    document.querySelector('header').append(select);
}

/**
 * What the page is in (html lang), and the hreflang alternates of an article: each translation the API lists, at this
 * site's address for it. A search engine needs them in the head; a reader gets them as links.
 */
function showLanguage(article) {
    document.documentElement.lang = article?.locale ?? lang ?? 'en';
    document.querySelectorAll('link[rel="alternate"][hreflang]').forEach((link) => link.remove());
    const translations = (article?.translations ?? []).filter((t) => t.locale !== article.locale);
    for (const t of article ? article.translations ?? [] : []) {
        document.head.append(el('link', {rel: 'alternate', hreflang: t.locale,
            href: inLanguage(t.locale, `#/article/${encodeURIComponent(t.slug)}`)}));
    }
    return translations.length ? el('p', {className: 'translations'}, 'Also in: ', ...translations.flatMap((t, i) => [
        i ? ', ' : '', el('a', {href: inLanguage(t.locale, `#/article/${encodeURIComponent(t.slug)}`), hreflang: t.locale,
            lang: t.locale}, new Intl.DisplayNames([t.locale], {type: 'language'}).of(t.locale) ?? t.locale)])) : '';
}

async function showCategories() {
    const page = await headline.categories.list({size: 100});
    document.getElementById('categories').replaceChildren(el('a', {href: '#/'}, 'All'),
        ...page.data.map((category) => el('a', {href: `#/category/${category.slug}`}, category.name)));
}

/** Shows a list a page at a time; "Next page" follows links.next while the server gives one. */
async function showPages(view, heading, pages) {
    let number = 0;
    let first = 1;
    async function next() {
        const {value: page, done} = await pages.next();
        if (done || view !== shown) {
            return;
        }
        number++;
        const items = page.data.map((article) => el('li', {},
            el('a', {href: `#/article/${article.slug}`, className: 'title'}, article.title),
            el('span', {className: 'category'}, article.category?.name ?? ''),
            article.snippet ? html('p', {className: 'snippet'}, article.snippet) : el('p', {}, article.excerpt ?? '')));
        const more = el('button', {id: 'next', type: 'button', onclick: () => next().catch(fail)}, 'Next page');
        main.replaceChildren(el('h1', {}, heading),
            items.length ? el('ol', {id: 'articles', start: first}, ...items) : el('p', {}, 'Nothing found.'),
            el('p', {className: 'paging'}, el('span', {id: 'page'}, `Page ${number}`), page.links?.next ? more : ''));
        first += items.length;
    }
    await next();
}

/** Media URLs are paths on the API (unless the server sets HEADLINE_MEDIA_BASE_URL): this site is another origin. */
function onApi(url) {
    return new URL(url, api).href;
}

function onApiSrcset(srcset) {
    return srcset.split(',').map((candidate) => {
        const [url, descriptor] = candidate.trim().split(/\s+/);
        return `${onApi(url)} ${descriptor ?? ''}`.trim();
    }).join(', ');
}

/** The feature image, ready for the browser to pick its size: srcset, sizes, and width and height against layout shift. */
function featureImage(image) {
    if (!image?.url) {
        return '';
    }
    const img = el('img', {alt: image.alt ?? '', decoding: 'async'});
    img.src = onApi(image.srcset ? `${image.url}?w=960&format=auto` : image.url);
    if (image.srcset) {
        img.srcset = onApiSrcset(image.srcset);
        img.sizes = image.sizes ?? '100vw';
    }
    if (image.width && image.height) {
        img.width = image.width;
        img.height = image.height;
    }
    if (image.placeholder && image.dominantColor) {
        img.style.backgroundColor = image.dominantColor;
    }
    return el('figure', {className: 'feature'}, img,
        image.caption ? el('figcaption', {}, image.caption) : '');
}

async function showArticle(view, slug) {
    const article = await headline.articles.get(slug, {include: ['authors']});
    if (view !== shown) {
        return;
    }
    const translations = showLanguage(article);
    const byline = [article.authors?.map((author) => author.name).join(', '),
        article.publishedAt && new Date(article.publishedAt).toLocaleDateString(article.locale ?? 'en', {dateStyle: 'long'}),
        article.category?.name].filter(Boolean).join(' · ');
    document.title = `${article.title} · Headline`;
    const body = html('div', {className: 'body'}, article.bodyHtml ?? '');
    for (const img of body.querySelectorAll('img')) {   // media in the body: media:{id} rendered with srcset
        img.src = onApi(img.getAttribute('src'));
        if (img.getAttribute('srcset')) {
            img.srcset = onApiSrcset(img.getAttribute('srcset'));
        }
    }
    main.replaceChildren(el('article', {},
        el('h1', {}, article.title),
        article.subtitle ? el('p', {className: 'subtitle'}, article.subtitle) : '',
        el('p', {className: 'byline'}, byline),
        translations,
        featureImage(article.featureImage),
        body));
}

async function route() {
    const view = ++shown;
    const [, kind, argument] = location.hash.split('/').map(decodeURIComponent);
    document.title = 'Headline';
    showLanguage(null);
    try {
        if (kind === 'article') {
            await showArticle(view, argument);
        } else if (kind === 'search') {
            await showPages(view, `Search: ${argument}`,
                headline.articles.pages({q: argument, size, fields: [...LIST_FIELDS, 'snippet']}));
        } else if (kind === 'category') {
            const category = await headline.categories.get(argument);
            await showPages(view, category.name,
                headline.articles.pages({category: argument, includeSubcategories: true, size, fields: LIST_FIELDS}));
        } else {
            await showPages(view, 'Latest', headline.articles.pages({size, fields: LIST_FIELDS}));
        }
    } catch (error) {
        fail(error);
    }
}

function fail(error) {
    const message = error instanceof HeadlineProblem ? `${error.title}: ${error.detail ?? ''}` : String(error);
    main.replaceChildren(el('p', {className: 'error', role: 'alert'}, message));
}

document.getElementById('search').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/search/${encodeURIComponent(new FormData(event.target).get('q'))}`;
});
addEventListener('hashchange', route);
showCategories().catch((error) => console.error(error));
showLanguages().catch((error) => console.error(error));
route();
