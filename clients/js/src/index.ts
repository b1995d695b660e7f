// The Headline SDK: openapi-fetch typed by the contract (schema.d.ts, generated from openapi.yaml), with bearer auth,
// problem+json errors as HeadlineProblem, retry on 429 after Retry-After, optional ETag revalidation, and paging.
import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
type Schemas = components["schemas"];
export type Article = Schemas["Article"];
export type ArticleInput = Schemas["ArticleInput"];
export type ArticlePatch = Schemas["ArticlePatch"];
export type Author = Schemas["Author"];
export type Category = Schemas["Category"];
export type Problem = Schemas["Problem"];
export type PageArticleView = Schemas["PageArticleView"];
export type PageAuthorView = Schemas["PageAuthorView"];
export type PageCategoryView = Schemas["PageCategoryView"];
export type SearchResults = Schemas["SearchResults"];
export type ArticleListQuery = NonNullable<paths["/api/v1/articles"]["get"]["parameters"]["query"]>;
export type ArticleQuery = NonNullable<paths["/api/v1/articles/{idOrSlug}"]["get"]["parameters"]["query"]>;
export type AuthorListQuery = NonNullable<paths["/api/v1/authors"]["get"]["parameters"]["query"]>;
export type CategoryListQuery = NonNullable<paths["/api/v1/categories"]["get"]["parameters"]["query"]>;
export type AuthorQuery = NonNullable<paths["/api/v1/authors/{idOrSlug}"]["get"]["parameters"]["query"]>;
export type CategoryQuery = NonNullable<paths["/api/v1/categories/{idOrSlug}"]["get"]["parameters"]["query"]>;
export type SearchQuery = Omit<NonNullable<paths["/api/v1/search"]["get"]["parameters"]["query"]>, "q">;

export type Fetch = (request: Request) => Promise<Response>;

export interface HeadlineOptions {
  /** The server, e.g. `https://cms.example.com` (paths start with /api/v1). */
  baseUrl: string;
  /** An API token, sent as `Authorization: Bearer`: a front end's `content` key, or an editor's or admin's token on a server. */
  token?: string;
  /** Retries of a request answered 429 (so at most retries + 1 attempts); 0 turns retrying off. Default 2. */
  retries?: number;
  /** A 429 whose Retry-After asks a longer wait than this (seconds) is not retried. Default 30. */
  maxRetryAfter?: number;
  /** Revalidate GETs with If-None-Match and serve a 304 from a small in-memory store: true, or its size in responses. */
  etagCache?: boolean | number;
  /** How to wait before a retry (tests pass one that does not). Default: setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** The fetch to send requests with. Default: globalThis.fetch. */
  fetch?: Fetch;
  /**
   * The locale every read asks for (`?locale=`, a BCP 47 tag of the server's locales) unless a call names its own:
   * each item is then the best translation along that locale's fallbacks. Unset, the server's default (or the
   * Accept-Language a browser sends) decides.
   */
  locale?: string;
}

/** An error answer of the API: its problem+json body (RFC 9457) and HTTP status. */
export class HeadlineProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly instance?: string;
  /** For a 422: each offending field and what is wrong with it. */
  readonly errors: Schemas["FieldError"][];
  readonly problem: Problem;
  readonly response: Response;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body
      : { type: "about:blank", title: response.statusText || `HTTP ${response.status}`, status: response.status };
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = "HeadlineProblem";
    this.problem = problem;
    this.response = response;
    this.status = response.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && typeof (body as Problem).title === "string"
    && typeof (body as Problem).status === "number";
}

/** The data of a call of the typed client, or its HeadlineProblem thrown. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw new HeadlineProblem(response, error);
  }
  return data as T;
}

/** Retries a request answered 429 after the Retry-After it names, a bounded number of times. */
export function retrying(fetch: Fetch, retries: number, maxRetryAfter: number, sleep: (ms: number) => Promise<void>): Fetch {
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(attempt < retries ? request.clone() : request);
      const wait = response.status === 429 ? retryAfterSeconds(response.headers.get("Retry-After")) : undefined;
      if (wait === undefined || attempt >= retries || wait > maxRetryAfter) {
        return response;
      }
      await response.body?.cancel();
      await sleep(wait * 1000);
    }
  };
}

/** Retry-After as seconds (delta-seconds or an HTTP date), 1 when absent or unreadable. */
function retryAfterSeconds(header: string | null): number {
  if (header === null) {
    return 1;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim());
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

interface Stored {
  etag: string;
  body: string;
  headers: [string, string][];
}

/** Sends a GET the store holds with If-None-Match, and answers a 304 with what it holds (least recently used goes first). */
export function revalidating(fetch: Fetch, maxEntries: number): Fetch {
  const store = new Map<string, Stored>();
  const maxBodyChars = 256 * 1024;
  return async (request) => {
    if (request.method !== "GET" || request.headers.has("If-None-Match")) {
      return fetch(request);
    }
    const key = `${request.url}\n${request.headers.get("Authorization") ?? ""}\n${request.headers.get("Accept") ?? ""}`;
    const held = store.get(key);
    if (held) {
      store.delete(key);
      request.headers.set("If-None-Match", held.etag);
    }
    const response = await fetch(request);
    if (response.status === 304 && held) {
      store.set(key, held);
      return new Response(held.body, { status: 200, headers: held.headers });
    }
    const etag = response.headers.get("ETag");
    if (response.status === 200 && etag) {
      const body = await response.text();
      if (body.length <= maxBodyChars) {
        store.set(key, { etag, body, headers: [...response.headers] });
        if (store.size > maxEntries) {
          store.delete(store.keys().next().value as string);
        }
      }
      return new Response(body, { status: 200, statusText: response.statusText, headers: response.headers });
    }
    return response;
  };
}

function authorizing(fetch: Fetch, token: string | undefined): Fetch {
  return (request) => {
    if (token && !request.headers.has("Authorization")) {
      request.headers.set("Authorization", `Bearer ${token}`);
    }
    return fetch(request);
  };
}

// The contract sends sort, fields, include and formats comma-separated (style form, explode false), and repeats
// only tag and status (a tag may hold a comma).
const REPEATED = new Set(["tag", "status"]);
const commaSeparated = createQuerySerializer({ array: { style: "form", explode: false } });
const repeated = createQuerySerializer({ array: { style: "form", explode: true } });

function querySerializer(query: Record<string, unknown>): string {
  return Object.entries(query)
    .map(([name, value]) => (REPEATED.has(name) ? repeated : commaSeparated)({ [name]: value }))
    .filter((part) => part !== "")
    .join("&");
}

type Page = { links?: { next?: string } };

export interface Headline {
  /** Every operation of the contract, typed; answers `{data, error, response}` (see unwrap). */
  client: Client<paths>;
  /** Pages from the given one on, following `links.next` until the last. */
  pages<P extends Page>(first: P | Promise<P>): AsyncGenerator<P>;
  articles: {
    list(query?: ArticleListQuery): Promise<PageArticleView>;
    pages(query?: ArticleListQuery): AsyncGenerator<PageArticleView>;
    get(idOrSlug: string, query?: ArticleQuery): Promise<Article>;
    /** Every translation of the article the caller may see, one item per locale. */
    translations(idOrSlug: string): Promise<PageArticleView>;
    create(input: ArticleInput): Promise<Article>;
    patch(idOrSlug: string, patch: ArticlePatch, options?: { ifMatch?: string }): Promise<Article>;
    delete(idOrSlug: string, options?: { ifMatch?: string }): Promise<void>;
  };
  authors: {
    list(query?: AuthorListQuery): Promise<PageAuthorView>;
    pages(query?: AuthorListQuery): AsyncGenerator<PageAuthorView>;
    get(idOrSlug: string, query?: AuthorQuery): Promise<Author>;
  };
  categories: {
    list(query?: CategoryListQuery): Promise<PageCategoryView>;
    pages(query?: CategoryListQuery): AsyncGenerator<PageCategoryView>;
    get(idOrSlug: string, query?: CategoryQuery): Promise<Category>;
  };
  search(q: string, query?: SearchQuery): Promise<SearchResults>;
}

export function createHeadline(options: HeadlineOptions): Headline {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let fetch: Fetch = retrying(options.fetch ?? ((request) => globalThis.fetch(request)), options.retries ?? 2,
    options.maxRetryAfter ?? 30, sleep);
  if (options.etagCache) {
    fetch = revalidating(fetch, options.etagCache === true ? 100 : options.etagCache);
  }
  fetch = authorizing(fetch, options.token);
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const client = createClient<paths>({ baseUrl, fetch, querySerializer });

  async function* pages<P extends Page>(first: P | Promise<P>): AsyncGenerator<P> {
    let page = await first;
    for (;;) {
      yield page;
      const next = page.links?.next;
      if (!next) {
        return;
      }
      const response = await fetch(new Request(new URL(next, baseUrl + "/"), { headers: { Accept: "application/json" } }));
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        throw new HeadlineProblem(response, body);
      }
      page = body as P;
    }
  }

  const at = (idOrSlug: string) => ({ params: { path: { idOrSlug } } });
  // The client's locale, under what a call names itself.
  const localized = <Q extends { locale?: string }>(query?: Q): Q | undefined =>
    options.locale === undefined ? query : ({ locale: options.locale, ...query } as Q);
  const ifMatch = (given?: { ifMatch?: string }) => (given?.ifMatch ? { "If-Match": given.ifMatch } : undefined);

  const articles: Headline["articles"] = {
    list: (query) => unwrap(client.GET("/api/v1/articles", { params: { query: localized(query) } })),
    pages: (query) => pages(articles.list(query)),
    get: (idOrSlug, query) => unwrap(client.GET("/api/v1/articles/{idOrSlug}", {
      params: { path: { idOrSlug }, query: localized(query) },
    })),
    translations: (idOrSlug) => unwrap(client.GET("/api/v1/articles/{idOrSlug}/translations", at(idOrSlug))),
    create: (input) => unwrap(client.POST("/api/v1/articles", { body: input })),
    patch: (idOrSlug, patch, given) => unwrap(client.PATCH("/api/v1/articles/{idOrSlug}", {
      ...at(idOrSlug),
      body: patch,
      headers: { "Content-Type": "application/merge-patch+json", ...ifMatch(given) },
    })),
    delete: (idOrSlug, given) => unwrap(client.DELETE("/api/v1/articles/{idOrSlug}", {
      params: { path: { idOrSlug }, header: ifMatch(given) },
    })),
  };
  const authors: Headline["authors"] = {
    list: (query) => unwrap(client.GET("/api/v1/authors", { params: { query: localized(query) } })),
    pages: (query) => pages(authors.list(query)),
    get: (idOrSlug, query) => unwrap(client.GET("/api/v1/authors/{idOrSlug}", {
      params: { path: { idOrSlug }, query: localized(query) },
    })),
  };
  const categories: Headline["categories"] = {
    list: (query) => unwrap(client.GET("/api/v1/categories", { params: { query: localized(query) } })),
    pages: (query) => pages(categories.list(query)),
    get: (idOrSlug, query) => unwrap(client.GET("/api/v1/categories/{idOrSlug}", {
      params: { path: { idOrSlug }, query: localized(query) },
    })),
  };
  return {
    client,
    pages,
    articles,
    authors,
    categories,
    search: (q, query) => unwrap(client.GET("/api/v1/search", { params: { query: { ...localized(query), q } } })),
  };
}
