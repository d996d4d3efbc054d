// The small card that shows a mark's evidence on hover or keyboard focus. It lives in a shadow
// root on a host element outside <body>, so the page's CSS cannot reach it and its CSS cannot
// reach the page. All text goes in with textContent.

import { MARK_LOOK, type MarkVerdict } from './mark-style';
import type { MarkClaim } from './messages';

export const CARD_HOST_TAG = 'crosscheck-card';
/** Most quotes a card shows; the popup lists them all. */
const MAX_EVIDENCE = 3;

export interface CardText {
  verdict: Record<MarkVerdict, string>;
  stance: Record<'agree' | 'contradict', string>;
  /** Names the card for assistive technology ("Crosscheck evidence"). */
  label: string;
  /** Says how to close it ("Esc to close"). */
  hint: string;
}

const CSS = `
:host { all: initial; }
.card {
  position: fixed; box-sizing: border-box; z-index: 2147483647;
  width: max-content; max-width: min(380px, calc(100vw - 16px)); max-height: min(320px, calc(100vh - 16px)); overflow: auto;
  padding: 10px 12px; border-radius: 8px; border: 1px solid #c9cad1; border-left-width: 5px;
  background: #ffffff; color: #1b1b1f; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
}
.card[hidden] { display: none; }
.card[data-verdict="contradict"] { border-left-color: ${MARK_LOOK.contradict.colour}; }
.card[data-verdict="disputed"] { border-left-color: ${MARK_LOOK.disputed.colour}; border-left-style: dashed; }
.card[data-verdict="agree"] { border-left-color: ${MARK_LOOK.agree.colour}; }
.verdict { margin: 0 0 6px; font-weight: 700; font-size: 13px; }
.icon { display: inline-block; min-width: 1.3em; margin-right: 4px; border-radius: 0.65em; text-align: center; color: #fff; }
.card[data-verdict="contradict"] .icon { background: #b3261e; }
.card[data-verdict="disputed"] .icon { background: #8a4b00; }
.card[data-verdict="agree"] .icon { background: #17612d; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 6px 0 0; padding: 0 0 0 8px; border-left: 2px solid #d9d9e0; }
.quote { margin: 0; }
.source { margin: 2px 0 0; font-size: 12px; color: #4a4b53; }
.reason { margin: 2px 0 0; font-size: 12px; color: #4a4b53; }
.hint { margin: 8px 0 0; font-size: 11px; color: #5d5e66; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f1f25; color: #ececf1; border-color: #4a4a55; }
  li { border-left-color: #4a4a55; }
  .source, .reason, .hint { color: #b9bac4; }
}
`;

export class MarkCard {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private anchor: Element | null = null;

  constructor(
    private readonly doc: Document,
    private readonly text: CardText,
  ) {}

  get visible(): boolean {
    return this.card !== null && !this.card.hidden;
  }

  /** The mark the card is showing, if it is showing. */
  get current(): Element | null {
    return this.visible ? this.anchor : null;
  }

  /** True for the card's host (events from inside a shadow root are retargeted to it). */
  owns(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  show(anchor: Element, claim: MarkClaim): void {
    const card = this.ensure();
    const doc = this.doc;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
      const node = doc.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    card.replaceChildren();
    card.setAttribute('data-verdict', claim.verdict);
    const verdict = el('p', 'verdict');
    const icon = el('span', 'icon', MARK_LOOK[claim.verdict].icon);
    icon.setAttribute('aria-hidden', 'true');
    verdict.append(icon, doc.createTextNode(this.text.verdict[claim.verdict]));
    card.append(verdict);
    const list = el('ul', '');
    for (const evidence of claim.evidence.slice(0, MAX_EVIDENCE)) {
      const item = el('li', '');
      item.setAttribute('data-stance', evidence.stance);
      item.append(
        el('p', 'quote', `\u201c${evidence.text}\u201d`),
        el('p', 'source', `\u2014 ${evidence.outlet} \u00b7 ${this.text.stance[evidence.stance]}`),
        el('p', 'reason', evidence.reason),
      );
      list.append(item);
    }
    if (list.childElementCount > 0) card.append(list);
    card.append(el('p', 'hint', this.text.hint));
    card.hidden = false;
    this.anchor = anchor;
    this.place();
  }

  /** Keeps the card next to its mark (after scrolling or resizing). */
  place(): void {
    const card = this.card;
    const anchor = this.anchor;
    if (!card || !anchor || card.hidden) return;
    const view = this.doc.defaultView;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    const box = anchor.getBoundingClientRect();
    const cardBox = card.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left, width - cardBox.width - 8));
    const below = box.bottom + 6;
    const top = below + cardBox.height > height - 8 && box.top - cardBox.height - 6 > 8 ? box.top - cardBox.height - 6 : below;
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(Math.max(8, top))}px`;
  }

  hide(): void {
    if (this.card) this.card.hidden = true;
    this.anchor = null;
  }

  /** Takes the card's host out of the page. */
  destroy(): void {
    this.host?.remove();
    this.host = null;
    this.card = null;
    this.anchor = null;
  }

  private ensure(): HTMLElement {
    if (this.card && this.host?.isConnected) return this.card;
    this.host?.remove();
    const host = this.doc.createElement(CARD_HOST_TAG);
    // No inline `all: initial`: it would pin text spacing, which readers' own stylesheets must be able
    // to change (WCAG 1.4.12). The shadow root's `:host { all: initial }` resets the rest.
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('top', '0', 'important');
    host.style.setProperty('left', '0', 'important');
    host.style.setProperty('z-index', '2147483647', 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    const card = this.doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    card.setAttribute('aria-label', this.text.label);
    card.hidden = true;
    shadow.append(style, card);
    // Outside <body>: the page's body markup is untouched while the card is open.
    this.doc.documentElement.append(host);
    this.host = host;
    this.card = card;
    return card;
  }
}
