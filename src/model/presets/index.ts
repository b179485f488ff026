/**
 * Ready-made plans. To add one: write a file here exporting a `Plan` whose `notes` say where
 * its numbers come from, and list it below; the preset tests check every entry.
 */
import type { Plan } from '../schema';
import { b2bService } from './b2bService';
import { bench } from './bench';
import { cafe } from './cafe';
import { pointsRetailer } from './pointsRetailer';
import { seedExample } from './seedExample';
import { subscriptionShop } from './subscriptionShop';

export const PRESETS = {
  'seed-example': seedExample,
  cafe,
  'subscription-shop': subscriptionShop,
  'b2b-service': b2bService,
  'points-retailer': pointsRetailer,
  bench,
} as const satisfies Record<string, Plan>;

export type PresetId = keyof typeof PRESETS;
export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];
export const DEFAULT_PRESET: PresetId = 'seed-example';

export function isPresetId(id: string): id is PresetId {
  return Object.hasOwn(PRESETS, id);
}

/** A fresh copy of a preset, safe to edit. */
export function presetPlan(id: PresetId): Plan {
  return JSON.parse(JSON.stringify(PRESETS[id])) as Plan;
}
