#!/usr/bin/env python3
"""Plays "other sites" for `routemap check --external` tests, on its own process so that the Swift
tests' thread pool cannot starve it. Prints its port, then serves:
  /ok (200 after 0.2 s), /gone (404), /no-head (405 to HEAD, 200 to GET), /slow (200 after 180 s),
  /most (the most /ok requests that were in flight at once).
"""
import http.server
import signal
import threading
import time

lock = threading.Lock()
state = {"now": 0, "most": 0}


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *arguments):
        pass

    def answer(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def route(self):
        path = self.path.split("?")[0]
        if path == "/ok":
            with lock:
                state["now"] += 1
                state["most"] = max(state["most"], state["now"])
            time.sleep(0.2)
            with lock:
                state["now"] -= 1
            self.answer(200)
        elif path == "/gone":
            self.answer(404)
        elif path == "/no-head":
            self.answer(405 if self.command == "HEAD" else 200)
        elif path == "/slow":
            time.sleep(180)
            self.answer(200)
        elif path == "/most":
            self.answer(200, str(state["most"]).encode())
        else:
            self.answer(404)

    do_GET = route
    do_HEAD = route


# A parent may have left SIGTERM blocked or ignored; the test ends this server with it.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, signal.SIG_DFL)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
