import type { CSSProperties } from 'react';
import type { DreamCategory } from '../../api/dreams.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CATEGORY_LOOK } from './categories.ts';
import { CategoryIcon } from './dreamIcons.tsx';

/** The dream's category as a small tinted chip with its icon. */
export function CategoryChip({
  category,
  size = 'small',
}: {
  category: DreamCategory;
  size?: 'small' | 'large';
}) {
  const { t } = useI18n();
  const look = CATEGORY_LOOK[category];
  return (
    <span
      className={`category-chip category-chip--${size}`}
      style={{ '--chip-color': look.color } as CSSProperties}
    >
      <CategoryIcon category={category} className="category-chip__icon" />
      {t(`dream-category-${category}`)}
    </span>
  );
}
