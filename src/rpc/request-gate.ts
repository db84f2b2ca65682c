type Release = () => void;

/**
 * One writer at a time, readers together, everyone in arrival order: a change waits for the
 * reads already running and holds back every request that came after it until it is done, so
 * a read never sees a change half applied and a read sent after a change sees all of it.
 * Reads that arrive while no change waits run alongside each other.
 */
export class RequestGate {
  private readers = 0;
  private writing = false;
  private readonly waiting: { write: boolean; start: (release: Release) => void }[] = [];

  /** Resolves when the request may run; call the release it gives when the request is done. Must be called in arrival order. */
  enter(write: boolean): Promise<Release> {
    return new Promise((start) => {
      this.waiting.push({ write, start });
      this.pump();
    });
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const next = this.waiting[0]!;
      if (this.writing || (next.write && this.readers > 0)) return;
      this.waiting.shift();
      if (next.write) this.writing = true;
      else this.readers++;
      let released = false;
      next.start(() => {
        if (released) return;
        released = true;
        if (next.write) this.writing = false;
        else this.readers--;
        this.pump();
      });
      if (next.write) return;
    }
  }
}
