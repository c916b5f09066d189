import { createContext, type ReactNode, useContext } from 'react';
import type { TelegramLaunch } from './launch.ts';

export interface Environment {
  /** The Telegram launch (real or dev-mocked), null in a plain browser. */
  telegram: TelegramLaunch | null;
  /**
   * Whether a Telegram client is there to draw the Back button. False in a plain browser and for a
   * launch link opened in an ordinary tab; then the page draws its own back arrow.
   */
  telegramChrome: boolean;
}

const EnvironmentContext = createContext<Environment>({ telegram: null, telegramChrome: false });

export function EnvironmentProvider({ value, children }: { value: Environment; children: ReactNode }) {
  return <EnvironmentContext.Provider value={value}>{children}</EnvironmentContext.Provider>;
}

export function useEnvironment(): Environment {
  return useContext(EnvironmentContext);
}
