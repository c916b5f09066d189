// One language's texts, a chunk of its own: a visit downloads only the language it shows.
import shared from '../../../../core/src/i18n/locales/en/shared.ftl?raw';
import own from '../en.ftl?raw';

/** Fluent sources in load order: core's shared texts, then the Mini App's own. */
export const sources: readonly string[] = [shared, own];
