import { h } from './element';
import type { PollTexts } from './texts';

/** How a poll ended: an answer, "don't ask again", or closed without either (close button, Escape). */
export type PollOutcome = { rating: number; comment: string } | 'never' | undefined;

/**
 * Shows the poll as a modal dialog in the top layer (above any z-index the host uses). Focus moves
 * to the first rating, Tab cycles inside the dialog, and on close focus returns to where it was;
 * then `done` is called once with the outcome.
 */
export function showPoll(root: ShadowRoot, scale: number, t: PollTexts, done: (outcome: PollOutcome) => void): void {
  const returnTo = document.activeElement as HTMLElement | null;
  const radios: HTMLInputElement[] = [];
  for (let i = 1; i <= scale; i++) {
    const end = i === 1 ? `, ${t.low}` : i === scale ? `, ${t.high}` : '';
    radios.push(h('input', { type: 'radio', name: 'r', value: `${i}`, required: '', 'aria-label': i + end }));
  }
  const close = h('button', { type: 'button', class: 'x', 'aria-label': t.close }, '×');
  const never = h('button', { type: 'button', class: 'n' }, t.never);
  const send = h('button', { type: 'submit', class: 'p' }, t.send);
  const comment = h('textarea', { id: 'c', rows: '2', maxlength: '1000' });
  const form = h(
    'form',
    {},
    close,
    h(
      'fieldset',
      {},
      h('legend', { id: 'q' }, t.question),
      h('div', { class: 's' }, ...radios.map((r) => h('label', {}, r, h('span', { 'aria-hidden': 'true' }, r.value)))),
      h('div', { class: 'e', 'aria-hidden': 'true' }, h('span', {}, t.low), h('span', {}, t.high)),
    ),
    h('label', { class: 'l', for: 'c' }, t.comment),
    comment,
    h('div', { class: 'a' }, never, send),
  );
  const dialog = h('dialog', { 'aria-labelledby': 'q' }, form);

  let outcome: PollOutcome;
  // Property handlers (not addEventListener): these elements are the widget's own, and it is shorter.
  form.onsubmit = (e) => {
    e.preventDefault();
    const picked = radios.find((r) => r.checked);
    if (picked) {
      outcome = { rating: Number(picked.value), comment: comment.value };
      dialog.close();
    }
  };
  never.onclick = () => {
    outcome = 'never';
    dialog.close();
  };
  close.onclick = () => dialog.close();
  dialog.onkeydown = (e) => {
    if (e.key !== 'Tab') return;
    const edge = e.shiftKey ? close : send;
    if (root.activeElement === edge) {
      e.preventDefault();
      (e.shiftKey ? send : close).focus();
    }
  };
  dialog.onclose = () => {
    dialog.remove();
    // biome-ignore lint/complexity/useOptionalChain: es2019 lowers ?. to longer code; the bundle has a 4 KB budget
    if (returnTo && returnTo.focus) returnTo.focus();
    done(outcome);
  };
  root.append(dialog);
  dialog.showModal();
  radios[0].focus();
}
