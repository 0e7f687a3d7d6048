export * from './assess.js';
export * from './builtins.js';
export * from './duration.js';
export * from './judge.js';
export * from './mann-whitney.js';
export * from './report.js';
export * from './spec.js';
export * from './template.js';
