/**
 * Setup for component tests (Svelte in jsdom).
 *
 * Cleanup between tests is not here: the svelteTesting() plugin in vite.config.ts adds
 * @testing-library/svelte's own setup file, which unmounts every component after each test.
 * Below, only what jsdom lacks and Svelte or chart components reach for; each stub does nothing
 * observable, so a test that depends on real layout or animation must say so itself.
 */
import '@testing-library/jest-dom/vitest';

// `bind:clientWidth` and friends, and LayerCake's sizing, observe elements with ResizeObserver.
// jsdom has no layout, so there is never a resize to report.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// MediaQuery from svelte/reactivity (prefers-reduced-motion, dark mode) calls matchMedia.
// Nothing matches: tests see the default, full-motion, light layout.
window.matchMedia ??= (query: string): MediaQueryList => ({
  media: query,
  matches: false,
  onchange: null,
  addEventListener() {},
  removeEventListener() {},
  addListener() {},
  removeListener() {},
  dispatchEvent: () => false,
});

// Svelte 5 runs transitions through the Web Animations API. This stand-in finishes at once
// (on the next microtask, after Svelte has attached onfinish), so intros and outros complete.
Element.prototype.animate ??= function animate(): Animation {
  const animation = {
    playState: 'finished',
    currentTime: 0,
    effect: null,
    onfinish: null as ((event: AnimationPlaybackEvent) => void) | null,
    cancel() {},
    finished: Promise.resolve(),
  };
  queueMicrotask(() => animation.onfinish?.({} as AnimationPlaybackEvent));
  return animation as unknown as Animation;
};
