import { createContext } from 'svelte';
import type { Session } from './session.svelte';

/** The one Session of the page, provided by App and read by every component that needs it. */
export const [getSession, setSession] = createContext<Session>();
