/**
 * Mounts a group of heavy blocks one task at a time. The first render of the risk results (four
 * charts whose templates are parsed and laid out for the first time) measured 60-110 ms in one
 * task on a busy two-core machine, while the workers ran; one block per task keeps each task
 * under the 50 ms that makes a page feel frozen.
 *
 * Create it while a component initialises (it owns an effect): `shown` counts the blocks that
 * may be on screen, from 0 up to `count` while `active()` holds, and back to 0 when it stops.
 */
export class Stagger {
  shown = $state(0);

  constructor(count: number, active: () => boolean) {
    $effect(() => {
      if (!active()) {
        this.shown = 0;
        return;
      }
      if (this.shown >= count) return;
      // A task of its own, not a microtask: the browser may paint and handle input in between.
      const timer = setTimeout(() => this.shown++, 0);
      return () => clearTimeout(timer);
    });
  }

  /** Whether block `index` (0-based) may be on screen. */
  has(index: number): boolean {
    return this.shown > index;
  }
}
