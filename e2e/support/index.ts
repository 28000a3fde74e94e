/** Everything the e2e tests share: import it from here. */
export * from './api.js';
export * from './axe.js';
export * from './browser.js';
export * from './demo.js';
export * from './forms.js';
export * from './mailbox.js';
