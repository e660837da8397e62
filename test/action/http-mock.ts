// msw intercepts requests of its own process only; the action runs in a child process.
// So a real HTTP server on 127.0.0.1 answers, each request handed to the same msw
// handlers the in-process tests use (msw's getResponse), through the Fetch API's types.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type HttpHandler } from "msw";

export interface HttpMock {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Handlers are asked in order; set them once the URL is known. */
  use(...handlers: HttpHandler[]): void;
  /** Path and query of each request, with the Authorization header it carried. */
  requests: { path: string; authorization: string | undefined; status: number }[];
  close(): Promise<void>;
}

export async function startHttpMock(): Promise<HttpMock> {
  let handlers: HttpHandler[] = [];
  const requests: HttpMock["requests"] = [];
  const server: Server = createServer((req, res) => {
    answer(req).then(
      async (response) => {
        requests.push({ path: req.url ?? "", authorization: req.headers.authorization, status: response.status });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => (headers[key] = value));
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: String(error) }));
      },
    );
  });
  const answer = async (req: IncomingMessage): Promise<Response> => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(new URL(req.url ?? "/", url), { method: req.method, headers });
    const response = await getResponse(handlers, request);
    return response ?? Response.json({ message: `no mock for ${req.method} ${req.url}` }, { status: 404 });
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    use: (...next) => {
      handlers = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
