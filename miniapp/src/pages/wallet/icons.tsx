import type { ComponentType, ReactNode, SVGProps } from 'react';
import { FilmIcon, MoonIcon, SparkIcon } from '../../components/icons.tsx';

// Line icons of the wallet on the app's 24×24 grid (see components/icons.tsx). Drawn rather than
// emoji: emoji fonts differ between phones, and some systems have none at all.

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...props}
    >
      {children}
    </svg>
  );
}

/** A Telegram Star: filled, in the Stars' amber. */
export function StarIcon(props: IconProps) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" {...props}>
      <path
        d="M12 2.8l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.6l-5.4 2.9 1.1-6.1-4.5-4.2 6.1-.8z"
        fill="currentColor"
        stroke="currentColor"
        strokeWidth="1.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function GiftIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3.5" y="8" width="17" height="4.5" rx="1.2" />
      <path d="M5 12.5V19a1.5 1.5 0 0 0 1.5 1.5h11A1.5 1.5 0 0 0 19 19v-6.5M12 8v12.5" />
      <path d="M12 8C10.5 4.5 6.8 4.2 6.8 6.4 6.8 8 9.5 8 12 8zM12 8c1.5-3.5 5.2-3.8 5.2-1.6C17.2 8 14.5 8 12 8z" />
    </Icon>
  );
}

export function CopyIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="8.5" y="8.5" width="11" height="11" rx="2.5" />
      <path d="M15.5 8.5V6.5a2 2 0 0 0-2-2h-7a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h2" />
    </Icon>
  );
}

function PictureIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2.5" />
      <circle cx="9" cy="9.5" r="1.6" />
      <path d="M4 17l4.8-4.6 3.6 3.3 2.8-2.4L20 17.5" />
    </Icon>
  );
}

function ScrollIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M7 4h11a2 2 0 0 1 2 2v1.5h-4" />
      <path d="M16 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-1.5h10" />
      <path d="M7 4a2 2 0 0 0-2 2v10.5M9 9h4M9 12.5h4" />
    </Icon>
  );
}

function PortraitIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <circle cx="12" cy="9" r="3.6" />
      <path d="M5 20c.9-3.6 3.6-5.5 7-5.5s6.1 1.9 7 5.5" />
      <path d="M18.5 3.5l.5 1.4 1.4.5-1.4.5-.5 1.4-.5-1.4-1.4-.5 1.4-.5z" />
    </Icon>
  );
}

function ModelIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="4" y="4" width="16" height="16" rx="4" />
      <circle cx="12" cy="10.5" r="2.6" />
      <path d="M7.5 17.5c.9-2 2.5-3 4.5-3s3.6 1 4.5 3" />
    </Icon>
  );
}

export function ArrowBackIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M9 7L4.5 11.5 9 16" />
      <path d="M5 11.5h9.5a5 5 0 0 1 0 10H12" />
    </Icon>
  );
}

function HeartIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 20s-7.5-4.4-7.5-10A4.2 4.2 0 0 1 12 7.4 4.2 4.2 0 0 1 19.5 10c0 5.6-7.5 10-7.5 10z" />
    </Icon>
  );
}

function ScaleIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M12 4v16M7 20h10M5 7h14" />
      <path d="M5 7l-2.5 6a2.5 2.5 0 0 0 5 0zM19 7l-2.5 6a2.5 2.5 0 0 0 5 0z" />
    </Icon>
  );
}

/** Icons of the priced AI actions. */
export const PRICE_ICONS: Record<string, ComponentType<IconProps>> = {
  analysis: SparkIcon,
  image: PictureIcon,
  story: ScrollIcon,
  photo: PortraitIcon,
  video: FilmIcon,
  lora_training: ModelIcon,
};

/** Icons of the ledger's kinds of entry. */
export const LEDGER_ICONS: Record<string, ComponentType<IconProps>> = {
  welcome: MoonIcon,
  spend: SparkIcon,
  refund: ArrowBackIcon,
  purchase: StarIcon,
  purchase_refund: ArrowBackIcon,
  referral_inviter: GiftIcon,
  referral_invitee: GiftIcon,
  grant: HeartIcon,
  revoke: ScaleIcon,
};
