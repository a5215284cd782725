/// <reference types="vite-plugin-pwa/vanillajs" />
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './App.svelte';
import './ui/theme.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
export default mount(App, { target });

// Offline after the first visit (see vite.config.ts). A new version waits until every tab of the
// old one is closed: reloading by itself would throw away a dropped file and the spread on screen.
registerSW({ immediate: true });
