// Every visible or announced string; localised through data-text-* attributes or ask({ texts }).
export interface PollTexts {
  question: string;
  low: string; // label of rating 1
  high: string; // label of the top rating
  comment: string;
  send: string;
  never: string;
  close: string; // accessible name of the close button
  thanks: string; // announced (and shown briefly) after sending
}

export const DEFAULT_TEXTS: PollTexts = {
  question: 'How fast did that feel?',
  low: 'Very slow',
  high: 'Instant',
  comment: 'Anything to add? (optional)',
  send: 'Send',
  never: "Don't ask again",
  close: 'Close',
  thanks: 'Thanks for your feedback!',
};

/** Overrides from data attributes: `data-text-question` arrives in a dataset as `textQuestion`. */
export function textsFromDataset(data: Record<string, string | undefined>): PollTexts {
  const texts = { ...DEFAULT_TEXTS };
  for (const name of Object.keys(texts) as (keyof PollTexts)[]) {
    const value = data[`text${name[0].toUpperCase()}${name.slice(1)}`];
    if (value) texts[name] = value;
  }
  return texts;
}
