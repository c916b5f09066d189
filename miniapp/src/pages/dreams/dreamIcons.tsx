import type { ComponentType, SVGProps } from 'react';
import type { DreamCategory } from '../../api/dreams.ts';
import { Icon, MoonIcon, SparkIcon } from '../../components/icons.tsx';

// Drawn rather than emoji: emoji fonts differ between Telegram clients, and some have none.

type IconProps = SVGProps<SVGSVGElement>;

function GothicIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6.5 21V11.5a5.5 5.5 0 0 1 11 0V21" />
      <path d="M12 6V2.5M10.5 4h3M3.5 21h17" />
      <path d="M12 12.5V21M9.5 14.5h5" />
    </Icon>
  );
}

function ChaseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 6l6 6-6 6M12 6l6 6-6 6" />
    </Icon>
  );
}

function FlightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2.5 9.5c3.3-.4 6.6 1.6 9.5 5.6 2.9-4 6.2-6 9.5-5.6" />
      <path d="M7 17.5c1.5-.2 3 .5 4.3 2 1.3-1.5 2.8-2.2 4.2-2" />
    </Icon>
  );
}

function TransformationIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 8v12" />
      <path d="M12 11.5C10.5 6.5 5.5 4 4 6.3 2.7 8.4 6 11.8 12 12" />
      <path d="M12 11.5c1.5-5 6.5-7.5 8-5.2 1.3 2.1-2 5.5-8 5.7" />
      <path d="M12 12.5c-4.5.3-6.7 2.6-5.6 4.5 1 1.8 4.2.8 5.6-2.5" />
      <path d="M12 12.5c4.5.3 6.7 2.6 5.6 4.5-1 1.8-4.2.8-5.6-2.5" />
    </Icon>
  );
}

function PhysicsIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <ellipse cx="12" cy="12" rx="9.5" ry="3.6" transform="rotate(30 12 12)" />
      <ellipse cx="12" cy="12" rx="9.5" ry="3.6" transform="rotate(-30 12 12)" />
      <path d="M12 12h.01" strokeWidth="3" />
    </Icon>
  );
}

function LiminalIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M6 21V3.5h12V21M3.5 21h17" />
      <path d="M14.5 12.5h.01" strokeWidth="2.6" />
    </Icon>
  );
}

const CATEGORY_ICONS: Record<DreamCategory, ComponentType<IconProps>> = {
  gothic: GothicIcon,
  chase: ChaseIcon,
  flight: FlightIcon,
  transformation: TransformationIcon,
  physics: PhysicsIcon,
  liminal: LiminalIcon,
  other: SparkIcon,
};

/** The category's line icon; a crescent for a dream not yet analysed. */
export function CategoryIcon({
  category,
  ...props
}: IconProps & { category: DreamCategory | null | undefined }) {
  const Drawn = category ? CATEGORY_ICONS[category] : MoonIcon;
  return <Drawn {...props} />;
}

const MOUTHS: Record<number, string> = {
  1: 'M8 16.2c.9-.9 1.8-.9 2.7 0s1.8.9 2.6 0 1.8-.9 2.7 0',
  2: 'M8.5 16.5c2-1.9 5-1.9 7 0',
  3: 'M8.5 15.5h7',
  4: 'M8.5 14.5c2 2 5 2 7 0',
  5: 'M8 14c2.2 2.6 5.8 2.6 8 0',
};

/** A face for the mood before sleep, from 1 (anxious) to 5 (peaceful). */
export function MoodIcon({ mood, ...props }: IconProps & { mood: number }) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="12" r="9" />
      {mood === 5 ? (
        <path d="M7.8 10.3c.8-.8 1.9-.8 2.7 0M13.5 10.3c.8-.8 1.9-.8 2.7 0" />
      ) : (
        <path d="M9 10h.01M15 10h.01" strokeWidth="2.6" />
      )}
      {mood === 1 && <path d="M7.5 7.5l2 1M16.5 7.5l-2 1" />}
      <path d={MOUTHS[mood] ?? MOUTHS[3]} />
    </Icon>
  );
}
