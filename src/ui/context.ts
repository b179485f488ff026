/**
 * What every view needs: the open plan's session, the messages of the user's language and the
 * number formats of the plan's currency. Set once by App, read by any component below it.
 */
import { getContext, setContext } from 'svelte';
import type { PlanSession } from '../app/session.svelte';
import type { Format } from '../i18n/format';
import type { Messages } from '../i18n/en';

export interface AppContext {
  readonly session: PlanSession;
  readonly messages: Messages;
  readonly format: Format;
}

const KEY = Symbol('loyalty-lab');

export function setAppContext(context: AppContext): void {
  setContext(KEY, context);
}

export function getAppContext(): AppContext {
  return getContext<AppContext>(KEY);
}
