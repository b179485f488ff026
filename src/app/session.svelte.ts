/**
 * The open plan: its state, its projection, undo/redo, and its autosave. Every change goes
 * through `apply`, which validates the whole plan first: an invalid edit is refused with its
 * problems (the form keeps what the person typed) and the last good plan stays in place.
 */
import type { PlanParamKey } from '../model/parameters';
import { DEFAULT_PRESET, presetPlan, type PresetId } from '../model/presets';
import { projectPlan } from '../model/projection';
import type { Plan } from '../model/schema';
import type { Uncertain } from '../model/uncertain';
import { parsePlan, type PlanProblem } from '../model/validate';
import type { PlanStorage } from '../storage/planStorage';

const UNDO_LIMIT = 100;
const SAVE_DELAY_MS = 300;
const CHANNEL = 'loyalty-lab-plans';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'unavailable' | 'failed';

/** Why the app did not open the last plan, for a message to the user. */
export type RestoreNotice = { kind: 'damaged'; problems: PlanProblem[] } | null;

function newPlanId(): string {
  return crypto.randomUUID();
}

export class PlanSession {
  plan = $state.raw<Plan>(presetPlan(DEFAULT_PRESET));
  planId = $state(newPlanId());
  readonly projection = $derived(projectPlan(this.plan));
  saveState = $state<SaveState>('unsaved');
  restoreNotice = $state<RestoreNotice>(null);
  /** Set when another tab saved this plan and this tab took its version. */
  changedElsewhere = $state(false);
  canUndo = $state(false);
  canRedo = $state(false);

  private undoStack: Plan[] = [];
  private redoStack: Plan[] = [];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSavedAt = 0;
  private channel: BroadcastChannel | null = null;

  constructor(private readonly storage: PlanStorage | null) {
    if (!storage) this.saveState = 'unavailable';
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (event: MessageEvent<{ id: string; updatedAt: number }>) =>
        void this.onSavedElsewhere(event.data);
    }
  }

  /** Opens the last plan, or the default preset when there is none or it cannot be read. */
  async restore(): Promise<void> {
    if (!this.storage) return;
    try {
      const id = await this.storage.lastPlanId();
      const loaded = id === undefined ? undefined : await this.storage.load(id);
      if (loaded?.ok) {
        this.plan = loaded.plan;
        this.planId = loaded.id;
        this.lastSavedAt = loaded.updatedAt;
        this.saveState = 'saved';
        return;
      }
      // The damaged record stays where it is; the preset opens under a new id.
      if (loaded) this.restoreNotice = { kind: 'damaged', problems: loaded.problems };
      this.scheduleSave();
    } catch {
      this.saveState = 'unavailable';
    }
  }

  /** Replaces the plan if it is valid; returns the problems otherwise (and changes nothing). */
  apply(candidate: unknown): PlanProblem[] {
    const result = parsePlan(candidate);
    if (!result.ok) return result.problems;
    this.undoStack.push(this.plan);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    this.replace(result.plan);
    return [];
  }

  /** Sets one plan parameter (a number or a distribution). */
  setParam(key: PlanParamKey, value: Uncertain): PlanProblem[] {
    return this.apply({ ...this.plan, params: { ...this.plan.params, [key]: value } });
  }

  /** Changes top-level fields of the plan (name, entry modes, Monte Carlo settings…), validated like any edit. */
  update(change: Partial<Plan>): PlanProblem[] {
    return this.apply({ ...this.plan, ...change });
  }

  openPreset(id: PresetId): void {
    this.open(presetPlan(id));
  }

  /** Opens another (valid) plan under a new id; the current one stays saved as it is. */
  open(plan: Plan): void {
    this.flushSave();
    this.undoStack = [];
    this.redoStack = [];
    this.planId = newPlanId();
    this.restoreNotice = null;
    this.replace(plan);
  }

  undo(): void {
    const previous = this.undoStack.pop();
    if (!previous) return;
    this.redoStack.push(this.plan);
    this.replace(previous);
  }

  redo(): void {
    const next = this.redoStack.pop();
    if (!next) return;
    this.undoStack.push(this.plan);
    this.replace(next);
  }

  /** Writes a pending save now (before the page is hidden or another plan opens). */
  flushSave(): void {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    void this.save();
  }

  private replace(plan: Plan): void {
    this.plan = plan;
    this.canUndo = this.undoStack.length > 0;
    this.canRedo = this.redoStack.length > 0;
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.storage || this.saveState === 'unavailable') return;
    this.saveState = 'saving';
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    if (!this.storage) return;
    const id = this.planId;
    const updatedAt = Math.max(Date.now(), this.lastSavedAt + 1);
    try {
      await this.storage.save(id, this.plan, updatedAt);
      this.lastSavedAt = updatedAt;
      this.saveState = 'saved';
      this.channel?.postMessage({ id, updatedAt });
    } catch {
      this.saveState = 'failed';
    }
  }

  private async onSavedElsewhere({ id, updatedAt }: { id: string; updatedAt: number }): Promise<void> {
    if (!this.storage || id !== this.planId || updatedAt <= this.lastSavedAt) return;
    const loaded = await this.storage.load(id);
    if (!loaded?.ok || loaded.updatedAt <= this.lastSavedAt) return;
    this.lastSavedAt = loaded.updatedAt;
    this.undoStack.push(this.plan);
    this.plan = loaded.plan;
    this.canUndo = true;
    this.changedElsewhere = true;
    this.saveState = 'saved';
  }

  dispose(): void {
    this.flushSave();
    this.channel?.close();
  }
}
