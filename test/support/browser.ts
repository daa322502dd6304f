/** The browser tests' Chromium: the one the web benchmark uses too. */
export { launchBrowser } from '../../bench/browser.mjs';
