import type { Config } from '../config.js';
import type { Profile } from '../domain/index.js';
import type { Store } from '../store/store.js';

/** What every route and service needs: the store, the configuration, the scoring profile, the clock. */
export interface AppContext {
  readonly store: Store;
  readonly config: Config;
  readonly profile: Profile;
  readonly now: () => Date;
}
