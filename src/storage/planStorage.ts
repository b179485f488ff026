/**
 * Plans kept in the browser (IndexedDB). Every record read goes through `parsePlan`
 * (migrate + validate), so a damaged or old record is repaired or refused in this one place;
 * a refused record is left untouched in the database, never overwritten or deleted.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Plan } from '../model/schema';
import { parsePlan, type PlanProblem } from '../model/validate';

const DB_NAME = 'loyalty-lab';
const DB_VERSION = 1;
const LAST_PLAN = 'lastPlanId';

export interface StoredPlan {
  id: string;
  /** As stored: validated on every read. */
  plan: unknown;
  updatedAt: number;
}

interface LoyaltyLabDB extends DBSchema {
  plans: { key: string; value: StoredPlan };
  meta: { key: string; value: string };
}

export type LoadedPlan =
  | { ok: true; id: string; plan: Plan; updatedAt: number }
  | { ok: false; id: string; problems: PlanProblem[] };

export class PlanStorage {
  private constructor(private readonly db: IDBPDatabase<LoyaltyLabDB>) {}

  /** Rejects when the browser gives no IndexedDB (some private modes): the app then runs unsaved. */
  static async open(): Promise<PlanStorage> {
    const db = await openDB<LoyaltyLabDB>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('plans', { keyPath: 'id' });
        database.createObjectStore('meta');
      },
    });
    return new PlanStorage(db);
  }

  async lastPlanId(): Promise<string | undefined> {
    return this.db.get('meta', LAST_PLAN);
  }

  async load(id: string): Promise<LoadedPlan | undefined> {
    const record = await this.db.get('plans', id);
    if (!record) return undefined;
    const result = parsePlan(record.plan);
    return result.ok
      ? { ok: true, id, plan: result.plan, updatedAt: record.updatedAt }
      : { ok: false, id, problems: result.problems };
  }

  /** Saves the plan and makes it the one the app opens next time. */
  async save(id: string, plan: Plan, updatedAt = Date.now()): Promise<void> {
    const tx = this.db.transaction(['plans', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('plans').put({ id, plan, updatedAt }),
      tx.objectStore('meta').put(id, LAST_PLAN),
      tx.done,
    ]);
  }

  close(): void {
    this.db.close();
  }
}
