/**
 * Plan problems (path + code from src/model/validate.ts) as sentences a person can act on:
 * "Loyal customers at start: must be at least 0".
 */
import type { Messages } from './en';

export interface Problem {
  path: string;
  code: string;
  expected?: string;
  received?: string;
}

type ProblemMessages = Messages['problems'];
type Describe = (...args: string[]) => string;

function isParamKey(key: string, messages: Messages): key is keyof Messages['params'] {
  return Object.hasOwn(messages.params, key);
}

/** A readable name for a dotted path such as "programmes.0.costs.setup". */
export function fieldLabel(path: string, messages: Messages): string {
  if (path === '') return messages.fields.plan;
  const parts = path.split('.');
  const labels: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const previous = parts[i - 1];
    if (/^\d+$/.test(part)) {
      const n = String(Number(part) + 1);
      if (previous === 'programmes') labels[labels.length - 1] = messages.fields.programme(n);
      else if (previous === 'scenarios') labels[labels.length - 1] = messages.fields.scenario(n);
      else labels.push(`#${n}`);
    } else if ((previous === 'params' || previous === 'overrides') && isParamKey(part, messages)) {
      if (previous === 'params') labels.pop();
      labels.push(messages.params[part].label);
    } else if (previous === 'costs' && Object.hasOwn(messages.programmes.costs, part)) {
      labels.pop();
      labels.push(messages.programmes.costs[part as keyof Messages['programmes']['costs']]);
    } else if (previous === 'effects' && Object.hasOwn(messages.programmes.effects, part)) {
      labels.pop();
      labels.push(messages.programmes.effects[part as keyof Messages['programmes']['effects']]);
    } else if (Object.hasOwn(messages.fields, part)) {
      const label = messages.fields[part as keyof Messages['fields']];
      labels.push(typeof label === 'string' ? label : part);
    } else {
      labels.push(part);
    }
  }
  return labels.join(' › ');
}

/** The problem's message, without the field name. */
export function problemMessage(problem: Problem, messages: Messages): string {
  const table = messages.problems;
  const describe = Object.hasOwn(table, problem.code)
    ? (table[problem.code as keyof ProblemMessages] as Describe)
    : null;
  if (!describe || typeof describe !== 'function') return table.other(problem.code);
  if (problem.code === 'newerSchemaVersion') {
    return describe(problem.received ?? '?', problem.expected ?? '?');
  }
  if (problem.code === 'unknownSchemaVersion' || problem.code === 'unknownProgramme') {
    return describe(problem.received ?? '?');
  }
  return describe(problem.expected ?? '');
}

export function describeProblem(problem: Problem, messages: Messages): string {
  return messages.problems.fieldSays(fieldLabel(problem.path, messages), problemMessage(problem, messages));
}
