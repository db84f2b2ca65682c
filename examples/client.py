#!/usr/bin/env python3
"""A JSON-RPC client for the HttpApi worker in plain Python (standard library only).

Usage: python3 examples/client.py [SNAPSHOT_DIR]
Starts `node dist/httpapi.js serve`, lists the https bindings of the snapshot with their
certificates, and prints every error finding.
"""
import json
import subprocess
import sys


class Worker:
    def __init__(self, *args):
        self.process = subprocess.Popen(["node", "dist/httpapi.js", "serve", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def call(self, method, params=None):
        self.next_id += 1
        body = json.dumps({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params or {}}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        length = None
        while True:  # headers end with an empty line
            line = self.process.stdout.readline().strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        reply = json.loads(self.process.stdout.read(length))
        if "error" in reply:
            error = reply["error"]
            raise RuntimeError(f"{method} failed with {error['code']} ({error.get('data', {}).get('id', '')}): {error['message']}")
        return reply["result"]

    def close(self):
        self.process.stdin.close()
        self.process.wait()


if __name__ == "__main__":
    worker = Worker("--snapshot", sys.argv[1] if len(sys.argv) > 1 else "fixtures/demo-server")
    try:
        answer = worker.call("bindings/https")
        # Each certificate is listed once; a binding names it by id (store:thumbprint).
        certificates = {certificate["id"]: certificate for certificate in answer["certificates"]}
        for binding in answer["bindings"]:
            certificate = certificates.get(binding["certificate"])
            print(f"{binding['site']:<16} {binding['bindingInformation']:<34} {certificate['thumbprint'] if certificate else '(no certificate)'}")
        for finding in worker.call("diagnostics/run")["findings"]:
            if finding["severity"] == "error":
                print(f"{finding['code']}: {finding['message']}")
        try:
            worker.call("sites/list", {"site": 42})
        except RuntimeError as error:
            print(error)
    finally:
        worker.close()
