export * from './admin/service.ts';
export * from './admin/view.ts';
export * from './config.ts';
export * from './core.ts';
export * from './dreams/jobs.ts';
export * from './dreams/service.ts';
export type {
  CreateDreamInput,
  DreamInsights,
  DreamLimits,
  DreamListQuery,
  DreamsNotifier,
  DreamsService,
  DreamView,
  DreamVisibility,
} from './dreams/types.ts';
export * from './dreams/view.ts';
export * from './errors.ts';
export * from './i18n/index.ts';
export * from './lib/html.ts';
export * from './notifier.ts';
export * from './platform/cache.ts';
export * from './platform/chatLock.ts';
export * from './platform/database.ts';
export * from './platform/logger.ts';
export * from './platform/media.ts';
export * from './platform/queue.ts';
export * from './platform/secrets.ts';
export * from './platform/sessions.ts';
export * from './platform/updates.ts';
export * from './readings/offline.ts';
export * from './readings/service.ts';
export * from './readings/view.ts';
export * from './time/localDay.ts';
export * from './users/service.ts';
export * from './users/validation.ts';
export type { TelegramGateway } from './wallet/gateway.ts';
export * from './wallet/offers.ts';
export * from './wallet/service.ts';
export * from './wallet/view.ts';
