import type { DreamCategory } from '../../api/dreams.ts';

interface CategoryLook {
  /** The category's colour in chips and charts; reads on light and dark backgrounds. */
  color: string;
  /** Stand-in art while a dream's picture is being painted (or when it has none). */
  gradient: string;
}

/** Each category's look, shared by cards, chips and the insights charts so they agree. */
export const CATEGORY_LOOK: Record<DreamCategory, CategoryLook> = {
  gothic: {
    color: '#a0508f',
    gradient: 'linear-gradient(160deg, #3a1f4d 0%, #6e2a5e 55%, #b24a6b 100%)',
  },
  chase: {
    color: '#e8613f',
    gradient: 'linear-gradient(160deg, #ff9a62 0%, #f0573f 50%, #a3245a 100%)',
  },
  flight: {
    color: '#3b9cf0',
    gradient: 'linear-gradient(160deg, #9be3ff 0%, #55a8ff 50%, #5a5cf0 100%)',
  },
  transformation: {
    color: '#22b38f',
    gradient: 'linear-gradient(160deg, #7cf0c4 0%, #2fb79b 45%, #6d4fe0 100%)',
  },
  physics: {
    color: '#5a6cff',
    gradient: 'linear-gradient(160deg, #52e3ff 0%, #4c7dff 45%, #3a2bb8 100%)',
  },
  liminal: {
    color: '#d39a2c',
    gradient: 'linear-gradient(160deg, #f8e2a0 0%, #dcae5a 50%, #8c6a4f 100%)',
  },
  other: {
    color: '#9a5cf0',
    gradient: 'linear-gradient(160deg, #6d5cff 0%, #a35cf0 52%, #ee8fc0 100%)',
  },
};

/** The art of a dream that has no category yet: Mechta's own colours. */
export const PENDING_GRADIENT = 'linear-gradient(160deg, #564bd8 0%, #8a55e0 55%, #d784b7 100%)';

/** Mood before sleep, 1 (worst) to 5 (best). */
export const MOODS = [1, 2, 3, 4, 5] as const;
