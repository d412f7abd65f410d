"""A webhook receiver on loopback for tests/cli/test_alerts.sh.

Listens on 127.0.0.1 at a free port, which it writes to PORTFILE; appends
one JSON line per request to LOG: the path, the Content-Type and the body.
Answers by the path:
  /hook...    the next code in CODES (one per line, consumed), else 200;
  /down       500, always;
  /redirect   302 to /hook/after-redirect.
Runs until it is killed."""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

portfile, log, codes = sys.argv[1], sys.argv[2], sys.argv[3]


def next_code():
    try:
        with open(codes) as f:
            lines = [x for x in f.read().split() if x]
    except FileNotFoundError:
        return 200
    if not lines:
        return 200
    with open(codes, "w") as f:
        f.write("\n".join(lines[1:]) + ("\n" if lines[1:] else ""))
    return int(lines[0])


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n).decode("utf-8")
        with open(log, "a") as f:
            f.write(json.dumps({"path": self.path,
                                "content_type": self.headers.get("Content-Type"),
                                "body": body}) + "\n")
        if self.path.startswith("/down"):
            code = 500
        elif self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/hook/after-redirect")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        else:
            code = next_code()
        self.send_response(code)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(portfile + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(portfile + ".tmp", portfile)
server.serve_forever()
