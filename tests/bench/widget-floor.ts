/**
 * The floor under the time to a usable form: the bench's two pages served again with the same bytes on
 * the wire and the same response headers, but a stand-in for the widget that draws a bare form (the
 * service types' list and a send button) from the same answer at once. What remains is the line and the
 * browser; no widget of this size can make its page usable sooner.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

interface Answer {
  headers: IncomingHttpHeaders;
  /** As it crossed the wire (brotli). */
  body: Buffer;
}

/** One GET as the bench's browser sends it (brotli accepted, Indonesian first), the body left compressed. */
function get(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br', 'accept-language': 'id-ID,id;q=0.9' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 200 && res.headers['content-encoding'] === 'br'
          ? resolve({ headers: res.headers, body: Buffer.concat(chunks) })
          : reject(new Error(`${url}: ${res.statusCode}, content-encoding ${res.headers['content-encoding'] ?? 'none'}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Draws the form the bench waits for: from the page's inline answer (the hosted page) or from the answer
 * the widget would fetch for its `nip` (the embed demo, whose preload has already asked for it).
 */
const STAND_IN = `customElements.define('pacak-rating', class extends HTMLElement {
  async connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const inline = document.querySelector('script[data-pacak-form]');
    const answer = inline ? JSON.parse(inline.textContent) : await (await fetch('/api/v1/employees/' + this.getAttribute('nip') + '/form')).json();
    root.innerHTML = '<form><select name=serviceType><option></option>' + answer.serviceTypes.map((t) => '<option>' + t.code + '</option>').join('') + '</select><button type=submit>Kirim</button></form>';
  }
});`;

const compress = (text: string): Buffer => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });

/** `make(padding)` compressed, with random padding added until it is as long on the wire as `bytes`. */
function padded(make: (padding: string) => string, bytes: number): Buffer {
  let padding = '';
  for (;;) {
    const body = compress(make(padding));
    if (body.length >= bytes) return body;
    padding += randomBytes(Math.max(48, Math.min(3000, bytes - body.length))).toString('base64');
  }
}

/** The real answer's headers, but for what the floor's server sets itself or that no longer holds. */
function replayed(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !/^(content-length|date|etag|connection|keep-alive|transfer-encoding)$/.test(name)) out[name] = value;
  return out;
}

export interface FloorPages {
  hosted: string;
  embed: string;
  close(): Promise<void>;
}

/** Serves the floor of the hosted page at `hostedPath` and of the embed demo at `/`, copied from the server at `origin`. */
export async function startFloorPages(origin: string, hostedPath: string): Promise<FloorPages> {
  const [hosted, demo, widget] = await Promise.all([
    get(`${origin}${hostedPath}`),
    get(`${origin}/`),
    get(`${origin}/widget/pacak-rating.js`),
  ]);
  const formPath = /<link rel="preload" href="([^"]+\/form)"/.exec(brotliDecompressSync(demo.body).toString('utf8'))?.[1];
  if (!formPath) throw new Error('The embed demo has no preload of its form answer');
  const form = await get(`${origin}${formPath}`);

  // The hosted page's inline scripts (the pages script and the widget) give way to the stand-in.
  const page = brotliDecompressSync(hosted.body).toString('utf8');
  const modules = /<script type="module">[\s\S]*?<\/script>\n?/g;
  if ((page.match(modules) ?? []).length !== 2) throw new Error('The hosted page no longer carries its two scripts inline');
  let standInHash = '';
  const hostedBody = padded((padding) => {
    const script = `${STAND_IN}/*${padding}*/`;
    standInHash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    let first = true;
    return page.replace(modules, () => (first ? ((first = false), `<script type="module">${script}</script>\n`) : ''));
  }, hosted.body.length);
  // The page's policy allows its inline scripts by their hashes: now the stand-in's.
  const hostedHeaders = {
    ...hosted.headers,
    'content-security-policy': String(hosted.headers['content-security-policy']).replace(/'sha256-[^']+'/, standInHash),
  };
  const widgetBody = padded((padding) => `${STAND_IN}/*${padding}*/`, widget.body.length);

  const routes = new Map<string, [IncomingHttpHeaders, Buffer]>([
    [hostedPath, [hostedHeaders, hostedBody]],
    ['/', [demo.headers, demo.body]],
    ['/widget/pacak-rating.js', [widget.headers, widgetBody]],
    [formPath, [form.headers, form.body]],
  ]);
  const server = createServer((req, res) => {
    const route = routes.get((req.url ?? '').split('?')[0] ?? '');
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { ...replayed(route[0]), 'content-length': route[1].length }).end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    hosted: `${url}${hostedPath}`,
    embed: `${url}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
