"""A webhook receiver that misbehaves on purpose, one way per path, for scripts/receiver-faults.sh.

    python3 fault-receiver.py PORT LOG [TLS_PORT CERT KEY]

Paths (the delivery id header keys the "first request" logic, so each delivery sees the same story):
  /ok                  200 at once (the log keeps its headers and the first 4 KiB of its body)
  /slow?s=40           waits s seconds, then 200
  /reset               reads the request, then resets the connection (RST, no response)
  /status/N            answers N every time (e.g. /status/500, /status/410)
  /retry-after?status=429&s=6&fail=1
                       answers status with Retry-After: s for the first `fail` requests of a delivery, then 200
Every request is logged as one JSON line: time, path, delivery id, what was answered.
With TLS_PORT, the same handler also listens there behind a self-signed certificate.
"""
import json, socket, ssl, struct, sys, threading, time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

port, log_path = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
log = open(log_path, "a", buffering=1)
seen = Counter()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def record(self, answer, started, body=None):
        row = {"t": started, "done": time.time(), "path": self.path,
               "id": self.headers.get("x-alertwire-delivery-id"), "answer": answer}
        if body is not None:
            # /ok keeps what arrived, for scripts that check what was sent (header injection, encodings).
            row["headers"] = [[k, v] for k, v in self.headers.raw_items()]
            row["bodyLength"] = len(body)
            row["body"] = body[:4096].decode("utf-8", "replace")
        with lock:
            log.write(json.dumps(row) + "\n")

    def reply(self, status, headers=(), body=b"{}"):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        started = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        key = (url.path, self.headers.get("x-alertwire-delivery-id"))
        with lock:
            seen[key] += 1
            n = seen[key]
        try:
            if url.path == "/ok":
                self.reply(200); self.record(200, started, body)
            elif url.path == "/slow":
                time.sleep(float(q.get("s", 40)))
                try:
                    self.reply(200); self.record("200 after %ss" % q.get("s", 40), started)
                except OSError:
                    self.record("client gone after %ss" % q.get("s", 40), started)
            elif url.path == "/reset":
                # SO_LINGER with a zero timeout turns close() into a TCP RST.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                self.record("reset", started)
            elif url.path.startswith("/status/"):
                status = int(url.path.rsplit("/", 1)[1])
                self.reply(status, body=b'{"error": "on purpose"}'); self.record(status, started)
            elif url.path == "/retry-after":
                status, seconds, fail = int(q.get("status", 429)), q.get("s", "6"), int(q.get("fail", 1))
                if n <= fail:
                    self.reply(status, [("Retry-After", seconds)]); self.record("%d Retry-After: %s" % (status, seconds), started)
                else:
                    self.reply(200); self.record(200, started)
            else:
                self.reply(404); self.record(404, started)
        except OSError as e:
            self.record("error: %r" % e, started)

    do_POST = do_PUT = do_GET = do_PATCH = do_DELETE = handle_any

    def log_message(self, *args):
        pass


def serve(server):
    server.daemon_threads = True
    server.serve_forever()


servers = [ThreadingHTTPServer(("127.0.0.1", port), Handler)]
if len(sys.argv) > 5:
    tls = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[3])), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[4], sys.argv[5])
    tls.socket = context.wrap_socket(tls.socket, server_side=True)
    servers.append(tls)
for s in servers[1:]:
    threading.Thread(target=serve, args=(s,), daemon=True).start()
print("ready", flush=True)
serve(servers[0])
