/** Stagger: blocks appear one task after another while active, and all go when it stops. */
import { flushSync } from 'svelte';
import { afterEach, expect, test, vi } from 'vitest';
import { Stagger } from '../../src/ui/stagger.svelte';

afterEach(() => vi.useRealTimers());

test('shows one more block per task while active, none once it stops', () => {
  vi.useFakeTimers();
  let active = $state(false);
  let stagger!: Stagger;
  const cleanup = $effect.root(() => {
    stagger = new Stagger(3, () => active);
  });
  flushSync();
  vi.runAllTimers();
  expect(stagger.shown).toBe(0);

  active = true;
  flushSync();
  const seen: number[] = [];
  for (let step = 0; step < 5; step++) {
    vi.advanceTimersToNextTimer();
    flushSync();
    seen.push(stagger.shown);
  }
  expect(seen).toEqual([1, 2, 3, 3, 3]);
  expect([stagger.has(0), stagger.has(2), stagger.has(3)]).toEqual([true, true, false]);

  active = false;
  flushSync();
  expect(stagger.shown).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
  cleanup();
});
