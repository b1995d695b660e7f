// A tiny static server for the example: the site's own files, the SDK's built ESM file and openapi-fetch (its one
// runtime dependency), each under a fixed prefix, nothing else. `node serve.mjs [port]` (default 8081).
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const roots = [
    ['/sdk/', join(here, '../../clients/js/dist')],
    ['/vendor/openapi-fetch/', join(here, '../../clients/js/node_modules/openapi-fetch/dist')],
    ['/', join(here, 'site')],
];
const types = {'.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css'};

/** A request's path, decoded; undefined when its percent-encoding is malformed. */
function pathOf(url) {
    try {
        return decodeURIComponent(new URL(url, 'http://site').pathname);
    } catch {
        return undefined;
    }
}

/** The file a request path names under one of the roots, or undefined. */
function fileOf(path) {
    const [prefix, root] = roots.find(([prefix]) => path.startsWith(prefix));
    const file = normalize(join(root, path.slice(prefix.length) || 'index.html'));
    return file.startsWith(root + sep) ? file : undefined;
}

export function createStaticServer() {
    return createServer(async (request, response) => {
        const path = pathOf(request.url);
        const file = path && fileOf(path);
        const type = file && types[extname(file)];
        const body = type && await readFile(file).catch(() => undefined);
        if (!body) {
            response.writeHead(404, {'Content-Type': 'text/plain'}).end('Not found');
            return;
        }
        response.writeHead(200, {'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-cache'}).end(body);
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const port = Number(process.argv[2] ?? 8081);
    createStaticServer().listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/?api=http://localhost:8080`));
}
