// The floor for the JSON-RPC figures: a bare Node process that reads Content-Length frames,
// JSON.parses each and answers with a canned result of the same bytes as the real
// server/info answer (argv[2], a JSON file). No library, no validation, no dispatch: what is
// left is process start, the pipes, and JSON.
import { readFileSync } from 'node:fs';

const result = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
  const out = [];
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) break;
    const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('latin1'))[1]);
    const end = headerEnd + 4 + length;
    if (buffer.length < end) break;
    const request = JSON.parse(buffer.subarray(headerEnd + 4, end).toString('utf8'));
    buffer = buffer.subarray(end);
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: request.id, result }), 'utf8');
    out.push(Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body);
  }
  if (out.length > 0) process.stdout.write(Buffer.concat(out));
});
