import { createNodePool } from '/work/main/src/engine/node';
import { presetPlan } from '/work/main/src/model/presets';
import { bundleNodeWorker } from '/work/main/scripts/lib/workerBundle';
const plan = presetPlan('bench');
const file = await bundleNodeWorker();
for (const workers of [1, 2, 2, 1]) {
  const t0 = performance.now();
  const pool = createNodePool({ size: workers, workerFile: file });
  const marks: string[] = [];
  await pool.run(plan, 10000, 42, { sensitivity: false, onProgress: (d) => marks.push(`${d}@${(performance.now() - t0).toFixed(0)}`) });
  const t1 = performance.now();
  pool.dispose();
  console.log(workers, (t1 - t0).toFixed(0), marks.join(' '));
}
