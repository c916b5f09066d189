export * from './fake-bot-api.ts';
