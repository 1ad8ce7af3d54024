/**
 * The preview's HTTP server: on 127.0.0.1 only, a fixed set of routes (the page, pdf.js, the last
 * good PDF, the DOCX outline, the state, and server-sent events that say when they change). No
 * request path reaches the file system; anything else is 404, methods other than GET and HEAD
 * 405. Requests whose Host is not this server are refused, so a web page elsewhere cannot read the
 * preview through a DNS name pointed at 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadAssets } from "./assets.js";
import type { PreviewSession, PreviewState } from "./session.js";

export const HOST = "127.0.0.1";

/** Sent to the event stream when nothing happened for this long, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 15_000;

/** The page loads only its own scripts and styles, and connects nowhere else. */
const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'", // pdf.js positions its text layer with style attributes
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(session: PreviewSession, options: { port?: number } = {}): Promise<PreviewServer> {
  const assets = loadAssets();
  const streams = new Set<ServerResponse>();
  let port = 0;

  const send = (res: ServerResponse, status: number, type: string, body: Buffer | string, head: boolean) => {
    res.writeHead(status, {
      "Content-Type": type,
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": CSP,
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Resource-Policy": "same-origin",
    });
    res.end(head ? undefined : body);
  };
  const json = (res: ServerResponse, value: unknown, head: boolean) => send(res, 200, "application/json; charset=utf-8", JSON.stringify(value), head);
  const text = (res: ServerResponse, status: number, message: string) => send(res, status, "text/plain; charset=utf-8", `${message}\n`, false);
  const event = (state: PreviewState) => `event: state\ndata: ${JSON.stringify(state)}\n\n`;

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, head: boolean) => void> = {
    "/document.pdf": (_req, res, head) => {
      if (!session.pdf) return text(res, 404, "no PDF yet: the first render failed (see /state.json)");
      send(res, 200, "application/pdf", Buffer.from(session.pdf.buffer, session.pdf.byteOffset, session.pdf.byteLength), head);
    },
    // browsers ask for it on their own: no icon, and no 404 in the console
    "/favicon.ico": (_req, res) => {
      res.writeHead(204, { "Cache-Control": "max-age=3600" });
      res.end();
    },
    "/outline.json": (_req, res, head) => json(res, session.outline ?? null, head),
    "/state.json": (_req, res, head) => json(res, session.state, head),
    "/events": (req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
      res.write(`retry: 500\n\n${event(session.state)}`);
      streams.add(res);
      req.on("close", () => streams.delete(res));
    },
  };

  const server = createServer((req, res) => {
    const host = req.headers.host ?? "";
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return text(res, 403, "this server answers only to its own address");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return text(res, 405, "the preview only reads");
    }
    // the path alone: ?v=3 (a cache breaker the page adds) is ignored; nothing in it names a file
    const path = (req.url ?? "/").split("?")[0];
    const asset = assets.get(path);
    if (asset) return send(res, 200, asset.type, asset.body, req.method === "HEAD");
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (route) return route(req, res, req.method === "HEAD");
    text(res, 404, "not found");
  });
  const unsubscribe = session.onState((state) => {
    for (const s of streams) s.write(event(state));
  });
  const heartbeat = setInterval(() => {
    for (const s of streams) s.write(": still here\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        clearInterval(heartbeat);
        for (const s of streams) s.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
