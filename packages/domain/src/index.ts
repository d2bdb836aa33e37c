export * from './access.js';
export * from './agreement.js';
export * from './errors.js';
export * from './history.js';
export * from './organisation.js';
export * from './plan.js';
export * from './text.js';
export * from './user.js';
