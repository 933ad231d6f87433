#!/usr/bin/env python3
"""A small HTTP server for the `frusread get` tests, on 127.0.0.1 (a free port, written to
PORT_FILE). It serves ROOT/DIR/NAME at /BEHAVIOUR/DIR/NAME, where BEHAVIOUR is:

  plain       ETag, Last-Modified, conditional requests (304) and byte ranges (206, If-Range)
  cut         as plain, but the first GET of each file is cut off in the middle of its body
  norange     as plain, but Range is ignored: always the whole file (200)
  cutnorange  cut the first time, and ranges ignored
  noetag      neither ETag nor Last-Modified: only the size tells a change (HEAD)
  status404   404 Not Found          status500   500 Internal Server Error

Each request is appended to LOG_FILE as one JSON line: method, path, range, status, bytes sent.
Usage: volume_server.py ROOT PORT_FILE LOG_FILE"""
import email.utils
import hashlib
import http.server
import json
import os
import sys

ROOT, PORT_FILE, LOG_FILE = sys.argv[1], sys.argv[2], sys.argv[3]
cut_done = set()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, status, sent):
        with open(LOG_FILE, "a") as log:
            log.write(json.dumps({"method": self.command, "path": self.path, "range": self.headers.get("Range"),
                                  "status": status, "bytes": sent}) + "\n")

    def do_HEAD(self):
        self.serve(head=True)

    def do_GET(self):
        self.serve(head=False)

    def fail(self, status):
        body = b"<html>error</html>"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.record(status, 0)

    def serve(self, head):
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) != 3:
            return self.fail(404)
        behaviour, folder, name = parts
        if behaviour.startswith("status"):
            return self.fail(int(behaviour[6:]))
        path = os.path.join(ROOT, folder, name)
        if not os.path.isfile(path):
            return self.fail(404)
        with open(path, "rb") as f:
            data = f.read()
        validators = behaviour != "noetag"
        etag = '"%s"' % hashlib.sha256(data).hexdigest()[:16]
        modified = email.utils.formatdate(os.path.getmtime(path), usegmt=True)
        if validators and (self.headers.get("If-None-Match") == etag
                           or (self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == modified)):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return self.record(304, 0)
        start = 0
        ranged = self.headers.get("Range")
        if ranged and "norange" not in behaviour and validators:
            if_range = self.headers.get("If-Range")
            if if_range is None or if_range in (etag, modified):
                start = int(ranged.split("=")[1].split("-")[0])
                if start >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", "bytes */%d" % len(data))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return self.record(416, 0)
        body = data[start:]
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "application/xml")
        if validators:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
        self.send_header("Accept-Ranges", "none" if "norange" in behaviour else "bytes")
        self.end_headers()
        if head:
            return self.record(200, 0)
        if behaviour.startswith("cut") and self.path not in cut_done:
            cut_done.add(self.path)
            half = len(body) // 2
            self.wfile.write(body[:half])
            self.wfile.flush()
            self.record(206 if start else 200, half)
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.wfile.write(body)
        self.record(206 if start else 200, len(body))


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORT_FILE + ".tmp", PORT_FILE)
server.serve_forever()
