import http from 'node:http';
import type { Express } from 'express';

/**
 * The API's HTTP server. A request Node's parser refuses before Express sees it (a request line and headers
 * over Node's 16 KB limit, a malformed request) still gets the one error shape, not a bare status line.
 */
export function createApiServer(app: Express): http.Server {
  const server = http.createServer(app);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'the request line and headers are too large (16 KB at most)']
        : [400, 'Bad Request', 'malformed_request', 'the request could not be parsed'];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  return server;
}
