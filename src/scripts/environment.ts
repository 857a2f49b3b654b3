import { chooseEnvironment } from '../lib/web/choose-environment.ts';

/** The environment the reader picked, shared by the header selector and every command block on the page. */

const STORAGE_KEY = 'runbooks:environment';
const EVENT = 'runbooks:environment';

let current: string | undefined;

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage can be disabled (privacy mode, file:// in some browsers); the choice then lasts one page.
  }
}

/** Works out the environment once per page from `?env=`, storage and the list of valid ids. */
export function initialEnvironment(ids: readonly string[]): string | undefined {
  current ??= chooseEnvironment({ query: new URL(location.href).searchParams.get('env'), stored: storedChoice(), ids });
  return current;
}

export function currentEnvironment(): string | undefined {
  return current;
}

/** Records the reader's choice in storage and in the address bar, then tells the page. */
export function selectEnvironment(id: string): void {
  current = id;
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // See storedChoice.
  }
  const url = new URL(location.href);
  url.searchParams.set('env', id);
  history.replaceState(history.state, '', url);
  document.dispatchEvent(new CustomEvent(EVENT, { detail: id }));
}

export function onEnvironmentChange(listener: (id: string) => void): void {
  document.addEventListener(EVENT, (event) => listener((event as CustomEvent<string>).detail));
}
