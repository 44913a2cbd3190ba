export * from './workflow.js';
export * from './access.js';
