import type { ReactNode } from 'react';
import type { OtherText } from '@/lib/item-error';
import { Badge, type Tone } from './badge';
import { FreeText } from './free-text';

export interface EnumLook {
  tone: Tone;
  text: ReactNode;
  icon?: ReactNode;
}

interface EnumBadgeProps<K extends string> {
  value: K | OtherText;
  /** how each value the console knows looks */
  looks: Record<K, EnumLook>;
  title?: string;
  className?: string;
}

const isKnown = <K extends string>(looks: Record<K, EnumLook>, value: K | OtherText): value is K =>
  Object.hasOwn(looks, value);

/**
 * A value of a set PBS may extend, as a badge: a known one in its colour and words, any other as the
 * server wrote it in a neutral badge (a newer PBS's word, not an error).
 */
export function EnumBadge<K extends string>({ value, looks, title, className }: EnumBadgeProps<K>) {
  if (!isKnown(looks, value)) return <OtherBadge value={value} className={className} />;
  const look = looks[value];
  return (
    <Badge tone={look.tone} title={title} className={className}>
      {look.icon}
      {look.text}
    </Badge>
  );
}

/** A word the console does not know, shown as the server wrote it. */
export function OtherBadge({ value, className }: { value: string; className?: string }) {
  return (
    <Badge tone="neutral" title="Shown as the server sent it: PBS Deck does not know this value" className={className}>
      <FreeText text={value} max={60} />
    </Badge>
  );
}
