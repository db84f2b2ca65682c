import { describe, expect, it } from 'vitest';
import { FrameScanner, defaultFrameLimits } from '../../src/rpc/frame-scanner.js';

type Event = { body: string } | { error: string; answered: boolean };

function scan(chunks: Buffer[], limits = defaultFrameLimits): Event[] {
  const events: Event[] = [];
  const scanner = new FrameScanner(
    {
      body: (bytes) => {
        const text = bytes.toString('utf8');
        try {
          JSON.parse(text);
        } catch {
          return 'not JSON';
        }
        events.push({ body: text });
        return undefined;
      },
      error: (message, answered) => void events.push({ error: message, answered }),
    },
    limits,
  );
  for (const chunk of chunks) scanner.push(chunk);
  return events;
}

const frame = (text: string) => `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
const good = (n: number) => `{"n":${n}}`;

describe('FrameScanner', () => {
  // Broken frames between good ones, as one stream.
  const stream = Buffer.from(
    [
      frame(good(1)),
      `Content-Length: 5\n\n${good(2)}`,
      frame(good(3)),
      'Content-Length: x\r\n\r\n',
      frame(good(4)),
      `Content-Length: ${good(5).length + 1}\r\n\r\n${good(5)}`,
      frame(good(6)),
      `Content-Length: 99999999999\r\n\r\n{"a":"skipped`,
      frame(good(7)),
    ].join(''),
    'latin1',
  );

  it('finds every good frame and one error per broken frame', () => {
    const events = scan([stream]);
    expect(events.filter((event) => 'body' in event).map((event) => (event as { body: string }).body)).toEqual([1, 3, 4, 6, 7].map(good));
    expect(events.filter((event) => 'error' in event && event.answered)).toHaveLength(4);
  });

  it('gives the same events whatever the chunking, down to one byte at a time', () => {
    const whole = scan([stream]);
    const bytes = Array.from(stream, (byte) => Buffer.from([byte]));
    expect(scan(bytes)).toEqual(whole);
    const sevens: Buffer[] = [];
    for (let offset = 0; offset < stream.length; offset += 7) sevens.push(stream.subarray(offset, offset + 7));
    expect(scan(sevens)).toEqual(whole);
  });

  it('refuses a 50 MB header without end in linear time, reporting it once', () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const chunks = [Buffer.from('Content-Length: 10\r\nX: '), ...Array.from({ length: 800 }, () => chunk), Buffer.from(frame(good(8)))];
    const started = performance.now();
    const events = scan(chunks);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(events).toEqual([{ error: `the frame header has no end (an empty line) within ${defaultFrameLimits.maxHeaderBytes} bytes`, answered: true }, { body: good(8) }]);
  });

  it('stays linear on a long run of "Content-Length:" without an empty line', () => {
    const run = Buffer.from('Content-Length: '.repeat(200_000));
    const started = performance.now();
    const events = scan([run, Buffer.from(`\r\n\r\n${frame(good(9))}`)]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(events.at(-1)).toEqual({ body: good(9) });
    expect(events.filter((event) => 'error' in event && event.answered)).toHaveLength(1);
  });

  it('checks header lines without backtracking: 1,000 lines of 8 KB of blanks and a control character', () => {
    const bad = Buffer.from(`X:${' '.repeat(8000)}\x01\r\n\r\n`, 'latin1');
    const started = performance.now();
    const events = scan([...Array.from({ length: 1000 }, () => bad), Buffer.from(frame(good(10)))]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(events.at(-1)).toEqual({ body: good(10) });
  });
});
