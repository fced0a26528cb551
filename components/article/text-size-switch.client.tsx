'use client';
// Runs in the browser: it changes the 文字サイズ on <html> and remembers it in this browser's localStorage.

import { useSyncExternalStore } from 'react';
import { useHydrated } from '@/components/hooks/use-hydrated';
import { DEFAULT_TEXT_SIZE, TEXT_SIZES, chooseTextSize, readTextSize, subscribeTextSize, type TextSize } from './text-size';

const LABEL = '文字サイズ';
const SIZE_LABELS: Record<TextSize, string> = { small: '小', medium: '中', large: '大' };
// Each button's character at its own size, as Japanese news sites draw them.
const SIZE_CLASSES: Record<TextSize, string> = { small: 'text-xs', medium: 'text-sm', large: 'text-base' };

const readDocumentTextSize = () => readTextSize(document.documentElement);
// The server renders 中 pressed; the store then gives the size the head script set, without a hydration mismatch.
const readServerTextSize = () => DEFAULT_TEXT_SIZE;

/** 文字サイズ 小・中・大 for the article's body and standfirst. */
export function TextSizeSwitch() {
  const ready = useHydrated();
  const size = useSyncExternalStore(subscribeTextSize, readDocumentTextSize, readServerTextSize);
  return <TextSizeButtons size={size} ready={ready} onSelect={chooseTextSize} />;
}

type TextSizeButtonsProps = { size: TextSize; ready: boolean; onSelect: (size: TextSize) => void };

/**
 * The switch as drawn: toggle buttons (aria-pressed) in a group named
 * 文字サイズ. Invisible until the script runs, keeping their space so
 * nothing moves when they appear; gone when the browser runs no scripts
 * (`scripting: none`), where they could do nothing, and on paper.
 * 44 px targets on phones (WCAG 2.5.5), 36 px wider up.
 */
export function TextSizeButtons({ size, ready, onSelect }: TextSizeButtonsProps) {
  return (
    <div
      role="group"
      aria-label={LABEL}
      data-testid="text-size"
      className={`${ready ? '' : 'invisible '}flex items-center gap-1 noscript:hidden print:hidden`}
    >
      {/* The group's name, shown; read once, as the group's label. */}
      <span aria-hidden="true" className="mr-1 text-sm text-muted">
        {LABEL}
      </span>
      {TEXT_SIZES.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === size}
          onClick={() => onSelect(option)}
          className={`inline-flex size-11 items-center justify-center border border-rule bg-surface font-bold text-ink hover:border-ink aria-pressed:border-ink aria-pressed:bg-chrome aria-pressed:text-white sm:size-9 ${SIZE_CLASSES[option]}`}
        >
          {SIZE_LABELS[option]}
        </button>
      ))}
    </div>
  );
}
