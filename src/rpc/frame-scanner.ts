import { quoteInput } from './quote-input.js';

/** The framing limits; README "Limits" documents them. */
export interface FrameLimits {
  /** Bytes from the start of a frame to the end of its empty line. */
  maxHeaderBytes: number;
  /** The largest Content-Length accepted; a larger body is skipped, never buffered. */
  maxMessageBytes: number;
  /** How long a started frame may wait for its next byte before it is given up as broken. */
  partialFrameTimeoutMs: number;
}

export const defaultFrameLimits: FrameLimits = { maxHeaderBytes: 8 * 1024, maxMessageBytes: 32 * 1024 * 1024, partialFrameTimeoutMs: 2_000 };

export interface FrameSink {
  /** A complete body; returns why it is not JSON, if it is not (the scanner then looks for the next frame inside it). */
  body(bytes: Buffer): string | undefined;
  /** A framing error; `answer` is false for further errors met while still looking for a good frame. */
  error(message: string, answer: boolean, data?: Record<string, unknown>): void;
}

const HeaderEnd = Buffer.from('\r\n\r\n', 'ascii');
const Markers = [Buffer.from('Content-Length:', 'ascii'), Buffer.from('content-length:', 'ascii')];
const MarkerLength = Markers[0]!.length;
// Name and value checked apart, so that no pattern can backtrack over a long line.
const HeaderLine = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/s;
const HeaderValue = /^[\x20-\x7e\t]*$/;

/**
 * Content-Length framing that survives every framing error. A broken frame (bad or missing
 * header, a header without end, a body that is not JSON, an oversized body) is reported once
 * and the scanner resynchronises at the next `Content-Length:` after the broken frame's first
 * byte, so the next good frame is read. Every byte is looked at a bounded number of times:
 * the header end is searched only in bytes not searched before, and an oversized body is
 * skipped as it arrives (scanned for the next header, never kept).
 */
export class FrameScanner {
  /** Unconsumed bytes while reading a header or resynchronising (at most a header plus a chunk). */
  private head: Buffer = Buffer.alloc(0);
  /** `head` holds no header end before this offset (kept across a resync, so no byte is searched twice). */
  private searchedTo = 0;
  private mode: 'header' | 'resync' | 'body' | 'skip' = 'header';
  private header: Buffer = Buffer.alloc(0);
  private bodyChunks: Buffer[] = [];
  private bodyLength = 0;
  private expected = 0;
  /** True from a framing error until a frame decodes: errors found meanwhile are only logged. */
  private resyncing = false;

  constructor(
    private readonly sink: FrameSink,
    private readonly limits: FrameLimits = defaultFrameLimits,
  ) {}

  push(chunk: Buffer): void {
    let rest: Buffer | undefined = chunk;
    while (rest && rest.length > 0) {
      if (this.mode === 'body') rest = this.takeBody(rest);
      else if (this.mode === 'skip') rest = this.skip(rest);
      else {
        this.head = this.head.length === 0 ? rest : Buffer.concat([this.head, rest]);
        rest = this.mode === 'resync' ? this.resync() : this.readHeader();
      }
    }
  }

  /** A frame has started and waits for more bytes (a header without its empty line, or a body short of its length). */
  get partial(): boolean {
    return (this.mode === 'header' && this.head.length > 0) || this.mode === 'body';
  }

  /**
   * Gives up the frame that stopped arriving: a Content-Length larger than the body sent, or a
   * header never ended, would otherwise leave a client that waits for the answer waiting for
   * good. The bytes after its first are searched for the next frame as usual.
   */
  abandonPartial(): void {
    if (this.mode === 'body') {
      this.report(`the frame ended ${this.expected - this.bodyLength} bytes short of its Content-Length of ${this.expected} (nothing more arrived within ${this.limits.partialFrameTimeoutMs} ms)`);
      const rest = Buffer.concat([this.header.subarray(1), ...this.bodyChunks]);
      this.bodyChunks = [];
      this.mode = 'resync';
      this.push(rest);
    } else if (this.mode === 'header' && this.head.length > 0) {
      const rest = this.fail(`the frame header has no end (an empty line); nothing more arrived within ${this.limits.partialFrameTimeoutMs} ms`, 1, this.searchedTo);
      if (rest) this.push(rest);
    }
  }

  /** Parses the header at the start of `head`; returns the bytes after it, or undefined to wait. */
  private readHeader(): Buffer | undefined {
    const end = this.head.indexOf(HeaderEnd, Math.max(0, this.searchedTo - 3));
    const max = this.limits.maxHeaderBytes;
    if (end < 0 || end + 4 > max) {
      if (end < 0 && this.head.length <= max) {
        this.searchedTo = this.head.length;
        return undefined;
      }
      // A header starting before this point would be longer than the limit too.
      const clean = end < 0 ? this.head.length : end;
      return this.fail(`the frame header has no end (an empty line) within ${max} bytes`, Math.max(1, (end < 0 ? this.head.length : end + 4) - max), clean);
    }
    const header = this.head.subarray(0, end + 4);
    const after = this.head.subarray(end + 4);
    let length: string | undefined;
    for (const line of header.subarray(0, end).toString('latin1').split('\r\n')) {
      const match = HeaderLine.exec(line);
      if (!match || !HeaderValue.test(match[2]!)) return this.fail(`invalid frame header line ${quoteInput(line, 80)} (headers are "Name: value" lines ending in CRLF)`, 1, end);
      if (match[1]!.toLowerCase() !== 'content-length') continue;
      if (length !== undefined) return this.fail('the frame header has more than one Content-Length', 1, end);
      length = match[2]!.trim();
    }
    if (length === undefined) return this.fail('the frame header has no Content-Length', 1, end);
    if (!/^\d+$/.test(length)) return this.fail(`Content-Length ${quoteInput(length, 40)} is not a non-negative decimal integer`, 1, end);
    const size = length.length > 15 ? Number.POSITIVE_INFINITY : Number(length);
    this.head = Buffer.alloc(0);
    this.searchedTo = 0;
    if (size > this.limits.maxMessageBytes) {
      this.report(`Content-Length ${quoteInput(length, 40)} exceeds the limit of ${this.limits.maxMessageBytes} bytes; the body is skipped`, {
        contentLength: length.length > 40 ? undefined : length,
        maxMessageBytes: this.limits.maxMessageBytes,
      });
      this.mode = 'skip';
      this.expected = size;
      return after;
    }
    this.mode = 'body';
    this.header = Buffer.from(header);
    this.bodyChunks = [];
    this.bodyLength = 0;
    this.expected = size;
    return after;
  }

  private takeBody(chunk: Buffer): Buffer | undefined {
    const wanted = this.expected - this.bodyLength;
    const part = chunk.length > wanted ? chunk.subarray(0, wanted) : chunk;
    this.bodyChunks.push(part);
    this.bodyLength += part.length;
    if (this.bodyLength < this.expected) return undefined;
    const body = Buffer.concat(this.bodyChunks, this.bodyLength);
    const after = chunk.subarray(part.length);
    this.bodyChunks = [];
    this.mode = 'header';
    const problem = this.sink.body(body);
    if (problem === undefined) {
      this.resyncing = false;
      return after;
    }
    // A body that is not JSON usually means a wrong Content-Length: the next frame may start
    // inside it (too long) or right after (too short), so look again from its second byte.
    this.report(problem);
    this.mode = 'resync';
    return Buffer.concat([this.header.subarray(1), body, after]);
  }

  /** Discards an oversized body without keeping it, unless a new header starts inside it. */
  private skip(chunk: Buffer): Buffer | undefined {
    const taken = Math.min(chunk.length, this.expected);
    const part = chunk.subarray(0, taken);
    // `head` holds the last bytes of the previous chunk, for a header split between two chunks.
    const seam = findMarker(Buffer.concat([this.head, part.subarray(0, MarkerLength - 1)]), 0);
    const found = seam >= 0 ? seam - this.head.length : findMarker(part, 0);
    if (seam >= 0 || found >= 0) {
      const rest = found < 0 ? Buffer.concat([this.head.subarray(seam), chunk]) : chunk.subarray(found);
      this.head = Buffer.alloc(0);
      this.mode = 'resync';
      return rest;
    }
    this.expected -= taken;
    if (this.expected > 0) {
      const tail = part.length >= MarkerLength - 1 ? part : Buffer.concat([this.head, part]);
      this.head = Buffer.from(tail.subarray(Math.max(0, tail.length - (MarkerLength - 1))));
      return undefined;
    }
    this.head = Buffer.alloc(0);
    this.mode = 'header';
    // The announced body has passed in full: whatever follows is a fresh frame.
    this.resyncing = false;
    return chunk.subarray(taken);
  }

  /** Drops bytes up to the next `Content-Length:`, then reads a header there. */
  private resync(): Buffer | undefined {
    const found = findMarker(this.head, 0);
    const drop = found < 0 ? Math.max(0, this.head.length - (MarkerLength - 1)) : found;
    this.searchedTo = Math.max(0, this.searchedTo - drop);
    if (found < 0) {
      this.head = Buffer.from(this.head.subarray(drop));
      return undefined;
    }
    const rest = this.head.subarray(found);
    this.head = Buffer.alloc(0);
    this.mode = 'header';
    return rest;
  }

  /**
   * Reports a broken header and resynchronises from `from` (the second byte, or later where a
   * header could not fit the limit either). `clean` bytes of `head` are known to hold no
   * header end, so a long run without an empty line is searched once, not once per
   * `Content-Length:` inside it.
   */
  private fail(message: string, from: number, clean: number): Buffer | undefined {
    this.report(message);
    const rest = this.head.subarray(Math.min(from, this.head.length));
    this.searchedTo = Math.max(0, clean - from);
    this.head = Buffer.alloc(0);
    this.mode = 'resync';
    return rest.length > 0 ? rest : undefined;
  }

  private report(message: string, data?: Record<string, unknown>): void {
    this.sink.error(message, !this.resyncing, data);
    this.resyncing = true;
  }
}

function findMarker(bytes: Buffer, from: number): number {
  let best = -1;
  for (const marker of Markers) {
    const at = bytes.indexOf(marker, from);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}
