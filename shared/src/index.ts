export * from './businessId.js';
export * from './errors.js';
export * from './municipalities.js';
export * from './roles.js';
export * from './schemas.js';
export * from './topics.js';
export * from './marketplace.js';
export * from './notifications.js';
