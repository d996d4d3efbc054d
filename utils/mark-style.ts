// How marks look in the page. Each verdict differs in underline style and icon as well as colour,
// so readers who cannot tell the colours apart still can tell the verdicts apart. Colours are
// mid-tones that stay visible on light and dark pages; the text keeps the page's own colour.

export type MarkVerdict = 'contradict' | 'disputed' | 'agree';

export const MARK_TAG = 'crosscheck-mark';
export const VERDICT_ATTRIBUTE = 'data-crosscheck-verdict';
/** Set on the last piece of a sentence's mark, where the icon goes. */
export const LAST_ATTRIBUTE = 'data-crosscheck-last';

interface MarkLook {
  line: 'wavy' | 'dashed' | 'solid';
  colour: string;
  background: string;
  icon: string;
}

export const MARK_LOOK: Record<MarkVerdict, MarkLook> = {
  contradict: { line: 'wavy', colour: '#e0352b', background: 'rgba(224, 53, 43, 0.16)', icon: '\u2717' },
  disputed: { line: 'dashed', colour: '#d97706', background: 'rgba(217, 119, 6, 0.16)', icon: '?' },
  agree: { line: 'solid', colour: '#1f9d55', background: 'rgba(31, 157, 85, 0.14)', icon: '\u2713' },
};

/** Inline styles for a mark: they win over the page's CSS without a stylesheet in the page. */
export function styleMark(el: HTMLElement, verdict: MarkVerdict): void {
  const look = MARK_LOOK[verdict];
  const set = (name: string, value: string) => el.style.setProperty(name, value, 'important');
  set('display', 'inline');
  set('text-decoration-line', 'underline');
  set('text-decoration-style', look.line);
  set('text-decoration-color', look.colour);
  set('text-decoration-thickness', '2px');
  set('text-underline-offset', '0.22em');
  set('text-decoration-skip-ink', 'none');
  set('background-color', look.background);
  set('border-radius', '2px');
  set('cursor', 'help');
}

/**
 * The icon after each marked sentence and a focus ring: pseudo-elements cannot be set inline, so
 * this sheet is added to the tab with `scripting.insertCSS` (it puts nothing in the page's DOM).
 * The icon's alternative text is empty: the mark's accessible name already says the verdict.
 */
export const MARK_CSS = (Object.entries(MARK_LOOK) as Array<[MarkVerdict, MarkLook]>)
  .map(
    ([verdict, look]) =>
      `${MARK_TAG}[${VERDICT_ATTRIBUTE}="${verdict}"][${LAST_ATTRIBUTE}]::after {` +
      ` content: "${look.icon}" !important; content: "${look.icon}" / "" !important;` +
      ` display: inline-block !important; margin-left: 0.15em !important; padding: 0 0.25em !important;` +
      ` border-radius: 0.6em !important; font: bold 0.75em/1.3 system-ui, sans-serif !important;` +
      ` color: #fff !important; background: ${look.colour} !important; text-decoration: none !important;` +
      ' vertical-align: 0.15em !important; }',
  )
  .concat(`${MARK_TAG}:focus-visible { outline: 2px solid #1a73e8 !important; outline-offset: 2px !important; }`)
  .join('\n');
