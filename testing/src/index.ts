export * from './fake-bot-api.ts';
export * from './routeSweep.ts';
