/** BandBuffer: every value reaches its sink, in order, whatever the batches and flush points. */
import { describe, expect, it } from 'vitest';
import { BandBuffer } from '../../src/montecarlo/bands';
import type { BandSink } from '../../src/montecarlo/chunk';

class Recorder implements BandSink {
  readonly values: number[] = [];
  calls = 0;
  addMany(values: ArrayLike<number>, start: number, end: number): void {
    this.calls++;
    for (let i = start; i < end; i++) this.values.push(values[i]);
  }
}

/** Writes trial t's value for sink s as 1000·s + t, in batches of `batch` trials. */
function fill(buffer: BandBuffer, trials: number, batch: number): void {
  for (let done = 0; done < trials; ) {
    const count = Math.min(trials - done, batch, buffer.room);
    const at = buffer.reserve(count);
    for (let k = 0; k < count; k++) {
      for (let s = 0; s < buffer.sinks.length; s++) buffer.values[s * buffer.capacity + at + k] = 1000 * s + done + k;
    }
    done += count;
  }
  buffer.flush();
}

describe('BandBuffer', () => {
  it.each([1, 7, 64, 500])('hands every value to its sink in order (batches of %i)', (batch) => {
    const sinks = [new Recorder(), new Recorder(), new Recorder()];
    fill(new BandBuffer(sinks, 100), 777, batch);
    sinks.forEach((sink, s) => expect(sink.values).toEqual(Array.from({ length: 777 }, (_, t) => 1000 * s + t)));
  });

  it('flushes early once (insertion gets optimised on a small batch), then when full', () => {
    const sink = new Recorder();
    const buffer = new BandBuffer([sink], 1000);
    expect(buffer.limit).toBeLessThan(1000);
    fill(buffer, 3000, 1000);
    expect(buffer.limit).toBe(1000);
    // 50 trials, then 1000, 1000 and the last 950 at the end.
    expect(sink.calls).toBe(4);
    expect(sink.values).toHaveLength(3000);
  });

  it('refuses a batch larger than it holds', () => {
    expect(() => new BandBuffer([new Recorder()], 10).reserve(11)).toThrow(RangeError);
  });
});
