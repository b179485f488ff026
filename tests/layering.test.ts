/**
 * The architecture, enforced: which layer may import which (see STYLE.md's tree).
 *
 * Every .ts and .svelte file under src/ and workers/ is read; its imports (static, `export from`,
 * dynamic `import()`, `import.meta.glob`, `new URL(…, import.meta.url)`) are resolved to a layer
 * or a package and checked against RULES. The pure layers must also not touch browser or Node
 * globals. The self-check at the end feeds synthetic sources through the same checker, so the
 * rules cannot pass by matching nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

type Layer =
  | 'model' | 'montecarlo' | 'calibration' | 'engine' | 'storage'
  | 'app' | 'charts' | 'ui' | 'i18n' | 'workers' | 'entry';

/**
 * layer -> what it may import. A layer is a folder of src/ (`entry` is a file directly in src/,
 * such as main.ts) or workers/. `x:type` allows only `import type` / `export type` from x;
 * `x:url` only `new URL('…', import.meta.url)` or a `?worker`/`?url` import of x.
 * `packages`: npm packages allowed: a name, a prefix (`d3-*`), '*' for any npm package, and
 * 'node:*' for Node's built-in modules (only where code may also run in Node).
 */
const RULES: Record<Layer, { layers: string[]; packages: string[] }> = {
  model:       { layers: ['model'],                                  packages: ['valibot'] },
  montecarlo:  { layers: ['model', 'montecarlo'],                    packages: ['valibot'] },
  calibration: { layers: ['model', 'calibration'],                   packages: ['valibot'] },
  i18n:        { layers: ['i18n', 'model:type'],                     packages: ['*'] },
  engine:      { layers: ['engine', 'model', 'montecarlo', 'calibration', 'workers:url'], packages: ['*', 'node:*'] },
  storage:     { layers: ['storage', 'model', 'montecarlo', 'calibration', 'i18n'], packages: ['*'] },
  workers:     { layers: ['workers', 'model', 'montecarlo', 'calibration', 'engine:type'], packages: ['*', 'node:*'] },
  app:         { layers: ['app', 'model', 'montecarlo', 'calibration', 'engine', 'storage', 'i18n'], packages: ['*'] },
  charts:      { layers: ['charts', 'i18n'],                         packages: ['d3', 'd3-*', 'layercake', 'svelte'] },
  ui:          { layers: ['ui', 'app', 'charts', 'i18n', 'model', 'montecarlo', 'calibration', 'engine', 'storage'], packages: ['*'] },
  entry:       { layers: ['entry', 'ui', 'app', 'charts', 'i18n', 'model', 'montecarlo', 'calibration', 'engine', 'storage'], packages: ['*'] },
};

/** Pure layers run in the app, in workers and in Node alike: no environment globals. */
const PURE_LAYERS = new Set<string>(['model', 'montecarlo', 'calibration']);
const FORBIDDEN_GLOBALS =
  /(?<![.\w$])(?:window|document|navigator|indexedDB|localStorage|sessionStorage|self|process)(?![\w$])|(?<![.\w$])globalThis\s*(?:\??\.|\[)|(?<![.\w$])require\s*\(/g;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

type ImportKind = 'static' | 'type' | 'dynamic' | 'url';
interface Literal {
  value: string;
  /** A template literal with `${…}`: value is only the text before the first substitution. */
  computed: boolean;
  line: number;
}
interface ImportRef {
  specifier: string;
  kind: ImportKind;
  computed: boolean;
  line: number;
}

/**
 * Blanks comments, strings and regular expressions out of TypeScript, keeping line breaks and
 * the code inside `${…}`; each string becomes a placeholder \0<index>\0 into `literals`.
 */
export function tokenize(source: string): { code: string; literals: Literal[] } {
  const literals: Literal[] = [];
  let code = '';
  let line = 1;
  let i = 0;
  const braceDepths: number[] = []; // brace depth at each open `${`, innermost last
  let depth = 0;

  const take = (end: number) => {
    const text = source.slice(i, end);
    const breaks = text.split('\n').length - 1;
    line += breaks;
    i = end;
    return '\n'.repeat(breaks);
  };
  const placeholder = (literal: Literal) => `\0${literals.push(literal) - 1}\0`;
  /** Reads template text from i (just after ` or }) to the closing ` or the next `${`. */
  const templateChunk = (): { text: string; opensSubstitution: boolean } => {
    let text = '';
    let j = i;
    for (; j < source.length; j++) {
      if (source[j] === '\\') text += source[++j];
      else if (source[j] === '`') break;
      else if (source[j] === '$' && source[j + 1] === '{') break;
      else text += source[j];
    }
    const opensSubstitution = source[j] === '$';
    code += take(j) + ' ';
    i += opensSubstitution ? 2 : 1;
    return { text, opensSubstitution };
  };

  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      code += take(end === -1 ? source.length : end);
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      code += take(end === -1 ? source.length : end + 2) + ' ';
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      for (; j < source.length && source[j] !== c && source[j] !== '\n'; j++) {
        value += source[j] === '\\' ? source[++j] : source[j];
      }
      const start = line;
      code += placeholder({ value, computed: false, line: start }) + take(j + 1);
    } else if (c === '`') {
      const start = line;
      i += 1;
      const { text, opensSubstitution } = templateChunk();
      code += placeholder({ value: text, computed: opensSubstitution, line: start });
      if (opensSubstitution) braceDepths.push(depth);
    } else if (c === '}' && braceDepths.length > 0 && braceDepths.at(-1) === depth) {
      braceDepths.pop();
      i += 1;
      if (templateChunk().opensSubstitution) braceDepths.push(depth);
    } else if (c === '/' && regexMayStartAfter(code)) {
      let j = i + 1;
      for (let inClass = false; j < source.length && source[j] !== '\n'; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        else if (source[j] === '/' && !inClass) break;
      }
      code += ' ' + take(j + 1);
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '\n') line++;
      code += c;
      i++;
    }
  }
  return { code, literals };
}

/** A `/` starts a regular expression after an operator or keyword, and divides after a value. */
function regexMayStartAfter(code: string): boolean {
  const before = code.trimEnd();
  if (before === '' || /[(,=:[!&|?{};+\-*%<>~^]$/.test(before)) return true;
  return /(?:^|[^\w$.])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|instanceof|yield|await)$/.test(before);
}

/** The script blocks of a .svelte file, with everything else blanked but its line breaks. */
function svelteScripts(source: string): string {
  let out = '';
  let last = 0;
  for (const match of source.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
    const contentStart = match.index + match[1].length;
    out += source.slice(last, contentStart).replace(/[^\n]/g, '') + match[2];
    last = contentStart + match[2].length;
  }
  return out + source.slice(last).replace(/[^\n]/g, '');
}

const STR = '\\0(\\d+)\\0';
/** `every`: each string in the match is a specifier (a glob's list), else only the last one. */
const IMPORT_PATTERNS: { pattern: RegExp; kind: (match: RegExpMatchArray) => ImportKind; every?: boolean }[] = [
  // import x from '…'; import { a, type B } from '…'; import type X from '…'; import * as n from '…'
  { pattern: new RegExp(`(?<![.\\w$])import\\s+(type\\s+)?[\\w$*{}\\s,]*?\\s*from\\s*${STR}`, 'g'), kind: (m) => (m[1] ? 'type' : 'static') },
  // import '…' (side effects only)
  { pattern: new RegExp(`(?<![.\\w$])import\\s*${STR}`, 'g'), kind: () => 'static' },
  // export * from '…'; export * as n from '…'; export { a } from '…'; export type { A } from '…'
  { pattern: new RegExp(`(?<![.\\w$])export\\s+(type\\s+)?(?:\\*(?:\\s*as\\s+[\\w$]+)?|\\{[^}]*\\})\\s*from\\s*${STR}`, 'g'), kind: (m) => (m[1] ? 'type' : 'static') },
  // import('…'), including template literals
  { pattern: new RegExp(`(?<![.\\w$])import\\s*\\(\\s*${STR}`, 'g'), kind: () => 'dynamic' },
  // import.meta.glob('…') and import.meta.glob(['…', '…'])
  { pattern: new RegExp(`import\\.meta\\.glob(?:Eager)?\\s*\\(\\s*\\[?((?:\\s*${STR}\\s*,?)+)`, 'g'), kind: () => 'dynamic', every: true },
  // new URL('…', import.meta.url): how workers and assets are referenced
  { pattern: new RegExp(`(?<![.\\w$])new\\s+URL\\s*\\(\\s*${STR}\\s*,\\s*import\\.meta\\.url`, 'g'), kind: () => 'url' },
];

/** Every import of a source file, with the placeholders turned back into specifiers. */
export function findImports(code: string, literals: Literal[]): ImportRef[] {
  const found: ImportRef[] = [];
  for (const { pattern, kind, every } of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const indices = [...match[0].matchAll(/\0(\d+)\0/g)].map((m) => Number(m[1]));
      for (const index of every ? indices : indices.slice(-1)) {
        const literal = literals[index];
        const isWorker = /\?(?:.*&)?(?:worker|sharedworker|url)\b/.test(literal.value);
        found.push({
          specifier: literal.value,
          kind: isWorker ? 'url' : kind(match),
          computed: literal.computed,
          line: literal.line,
        });
      }
    }
  }
  // import(name), with no literal to check
  for (const match of code.matchAll(/(?<![.\w$])import\s*\(\s*(?!\0|\s)/g)) {
    found.push({ specifier: '', kind: 'dynamic', computed: true, line: lineOf(code, match.index) });
  }
  return found.sort((a, b) => a.line - b.line);
}

function lineOf(code: string, index: number): number {
  return code.slice(0, index).split('\n').length;
}

/** 'src/model/plan.ts' -> 'model'; 'src/i18n' (its index) -> 'i18n'; 'src/main.ts' -> 'entry'; 'workers/x.ts' -> 'workers'. */
function layerOf(relativePath: string): string {
  const parts = relativePath.split('/');
  if (parts[0] === 'workers') return 'workers';
  if (parts[0] === 'src') return parts.length === 2 && !isDirectory(relativePath) ? 'entry' : parts[1];
  return `outside (${relativePath})`;
}

/** 'src/i18n' (a folder: its index) vs 'src/benchMode' (a module without its extension). */
function isDirectory(relativePath: string): boolean {
  try {
    return statSync(path.join(repoRoot, relativePath)).isDirectory();
  } catch {
    return false;
  }
}

function packageOf(specifier: string): string {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])) {
    return specifier.startsWith('node:') ? specifier : `node:${specifier}`;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(name: string, allowed: string[]): boolean {
  return allowed.some((rule) => {
    if (rule === '*') return !name.startsWith('node:');
    return rule.endsWith('*') ? name.startsWith(rule.slice(0, -1)) : rule === name;
  });
}

/** All violations in one file, as 'path:line  message' strings. */
export function checkFile(relativePath: string, source: string): string[] {
  const layer = layerOf(relativePath);
  const rule = RULES[layer as Layer];
  if (!rule) return [`${relativePath}  is in no known layer ('${layer}'): add it to RULES`];

  const script = relativePath.endsWith('.svelte') ? svelteScripts(source) : source;
  const { code, literals } = tokenize(script);
  const violations: string[] = [];
  const report = (line: number, message: string) => violations.push(`${relativePath}:${line}  ${message}`);
  const allowedHere = `${layer} may import: ${rule.layers.join(', ')}; packages: ${rule.packages.join(', ')}`;

  for (const ref of findImports(code, literals)) {
    const specifier = ref.specifier.replace(/[?#].*$/, '');
    const isPath = /^\.{1,2}(\/|$)/.test(specifier) || specifier.startsWith('/');
    if (ref.computed && (!isPath || specifier === '')) {
      report(ref.line, `computed import '${ref.specifier}…' cannot be checked: start it with a relative path`);
      continue;
    }
    if (isPath) {
      const absolute = specifier.startsWith('/')
        ? path.posix.join(specifier)
        : path.posix.join(path.posix.dirname(`/${relativePath}`), specifier);
      const target = layerOf(absolute.slice(1));
      const allowed = rule.layers.some(
        (entry) => entry === target || entry === `${target}:${ref.kind}`,
      );
      if (!allowed) report(ref.line, `${ref.kind} import '${ref.specifier}' reaches ${target}; ${allowedHere}`);
    } else if (!packageAllowed(packageOf(specifier), rule.packages)) {
      report(ref.line, `imports package '${packageOf(specifier)}'; ${allowedHere}`);
    }
  }

  if (PURE_LAYERS.has(layer)) {
    // A spread (`...window`) is a use; a property (`plan.window`) is not.
    for (const match of code.replaceAll('...', '   ').matchAll(FORBIDDEN_GLOBALS)) {
      report(lineOf(code, match.index), `uses '${match[0].replace(/\s+/g, '')}': ${layer} is pure, no environment globals`);
    }
  }
  return violations;
}

function sourceFiles(folder: string): string[] {
  const absolute = path.join(repoRoot, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('layering', () => {
  test('every file in src/ and workers/ imports only what its layer allows', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('workers')];
    const violations = files.flatMap((file) => checkFile(file, readFileSync(path.join(repoRoot, file), 'utf8')));
    expect(violations).toEqual([]);
  });

  const SELF_CHECK: { file: string; source: string; expected: string[] }[] = [
    { file: 'src/model/a.ts', source: `import * as v from 'valibot';\nimport { b } from './b';`, expected: [] },
    { file: 'src/model/a.ts', source: `import { x } from '../ui/x';`, expected: ["src/model/a.ts:1  static import '../ui/x' reaches ui"] },
    { file: 'src/model/a.ts', source: `import { p } from '../montecarlo/p';`, expected: ['reaches montecarlo'] },
    { file: 'src/montecarlo/a.ts', source: `import type { Plan } from '../model/schema';\nimport { run } from './run';`, expected: [] },
    { file: 'src/calibration/a.ts', source: `import { s } from '../montecarlo/s';`, expected: ['reaches montecarlo'] },
    { file: 'src/model/a.ts', source: `import { scaleLinear } from 'd3';\nimport { readFile } from 'node:fs';\nimport 'svelte';`, expected: ["package 'd3'", "package 'node:fs'", "package 'svelte'"] },
    { file: 'src/model/a.ts', source: `import { readFile } from 'fs';`, expected: ["package 'node:fs'"] },
    // Comments and strings are not code.
    { file: 'src/model/a.ts', source: `// import x from 'd3'\n/* window.alert(document) */\nconst s = "window.process";\nconst t = 'import("../ui/x")';`, expected: [] },
    { file: 'src/model/a.ts', source: `const w = window.innerWidth;\nconst o = { ...document };`, expected: ["src/model/a.ts:1  uses 'window'", "src/model/a.ts:2  uses 'document'"] },
    { file: 'src/montecarlo/a.ts', source: `const cores = navigator.hardwareConcurrency;\nconst seed = process.env.SEED;\nconst g = globalThis.crypto;\nconst f = require('fs');\nself.postMessage(1);\nlocalStorage.x = sessionStorage.y + indexedDB;`, expected: ["'navigator'", "'process'", "'globalThis.'", "'require('", "'self'", "'localStorage'", "'sessionStorage'", "'indexedDB'"] },
    { file: 'src/model/a.ts', source: 'const plan = { document: 1 }.document;\nconst p = trial.process;\nconst processed = 1;', expected: ["'document'"] },
    // Template literals: text is blanked, substitutions are code.
    { file: 'src/model/a.ts', source: 'const a = `window ${size}px`;\nconst b = `${`${document.title}`}`;', expected: ["src/model/a.ts:2  uses 'document'"] },
    // A regular expression with quotes must not derail the tokenizer.
    { file: 'src/model/a.ts', source: `const r = /'"\`/g;\nconst half = total / 2 / count;\nimport x from '../app/x';`, expected: ['src/model/a.ts:3  static import'] },
    { file: 'src/charts/Line.svelte', source: `<script lang="ts">\n  import { scaleLinear } from 'd3-scale';\n  import { plan } from '../app/state.svelte';\n</script>\n<path d={line} />`, expected: ['src/charts/Line.svelte:3  static import'] },
    { file: 'src/charts/a.ts', source: `export { x } from '../model/x';\nexport * from '../ui/y';\nimport { wrap } from 'comlink';\nimport { formatMoney } from '../i18n/format';`, expected: ['reaches model', 'reaches ui', "package 'comlink'"] },
    { file: 'src/app/a.ts', source: `const ui = await import('../ui/Panel.svelte');`, expected: ['dynamic import'] },
    { file: 'src/app/a.ts', source: `const w = new Worker(new URL('../../workers/sim.ts', import.meta.url), { type: 'module' });`, expected: ['url import'] },
    { file: 'src/engine/pool.ts', source: `const w = new Worker(new URL('../../workers/sim.ts', import.meta.url));\nimport Sim from '../../workers/calibrate.ts?worker';`, expected: [] },
    { file: 'src/engine/pool.ts', source: `import { handle } from '../../workers/sim';`, expected: ['static import'] },
    { file: 'src/i18n/format.ts', source: `import type { Plan } from '../model/schema';`, expected: [] },
    { file: 'src/i18n/format.ts', source: `import { defaultPlan } from '../model/presets';`, expected: ['reaches model'] },
    { file: 'src/i18n/index.ts', source: "const load = (locale: string) => import(`./messages/${locale}.ts`);\nconst all = import.meta.glob(['./messages/*.ts', '../ui/*.ts']);", expected: ["'../ui/*.ts' reaches ui"] },
    { file: 'src/i18n/index.ts', source: 'const m = await import(name);\nconst n = await import(`${name}.ts`);', expected: ['computed import', 'computed import'] },
    { file: 'src/app/a.ts', source: `import { Worker } from 'node:worker_threads';`, expected: ["package 'node:worker_threads'"] },
    { file: 'workers/sim.ts', source: `import type { Job } from '../src/engine/messages';\nimport { expose } from 'comlink';\nimport { runTrials } from '../src/montecarlo/run';`, expected: [] },
    { file: 'workers/sim.ts', source: `import { pool } from '../src/engine/pool';\nimport { db } from '../src/storage/db';`, expected: ['reaches engine', 'reaches storage'] },
    { file: 'src/storage/db.ts', source: `import { state } from '../app/state';`, expected: ['reaches app'] },
    { file: 'src/ui/App.svelte', source: `<script module lang="ts">\n  import { plan } from '../app/state';\n</script>\n<script lang="ts">\n  import Chart from '../charts/Line.svelte';\n  import { setup } from '../../workers/sim';\n</script>`, expected: ['src/ui/App.svelte:6  static import'] },
    { file: 'src/main.ts', source: `import { mount } from 'svelte';\nimport App from './ui/App.svelte';\nimport '@fontsource/inter';`, expected: [] },
    { file: 'src/reports/a.ts', source: '', expected: ["is in no known layer ('reports')"] },
  ];

  test.each(SELF_CHECK)('self-check: $file has $expected.length violation(s)', ({ file, source, expected }) => {
    const violations = checkFile(file, source);
    expect(violations).toHaveLength(expected.length);
    violations.forEach((violation, index) => expect(violation).toContain(expected[index]));
  });
});
