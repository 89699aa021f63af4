import http from 'node:http';

export interface TemporalUiProxy {
  stop(): Promise<void>;
}

/**
 * The Temporal UI as staff open it from a case page in the dev stack: the dev server's UI, with our codec beside
 * it under the same origin at `/codec`. The dev server cannot tell its UI to send credentials to a codec on another
 * origin ("include cross-origin credentials" is only a per-browser Data Encoder setting), but a same-origin fetch
 * sends cookies by default, so the HttpOnly codec cookie our web UI's sign-in leaves (path `/codec`, same host)
 * reaches the codec with nothing set up by hand. The API still decides: the cookie counts only with this origin
 * (the configured Temporal UI's) and only for roles that may read case histories.
 */
export function startTemporalUiProxy(options: { host: string; port: number; uiUrl: string; apiUrl: string }): Promise<TemporalUiProxy> {
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '/', /^\/codec(\/|$)/.test(req.url ?? '') ? options.apiUrl : options.uiUrl);
    const forwarded = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`${target.origin} is not answering (is it still starting?)`);
    });
    req.pipe(forwarded);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      resolve({
        stop: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
