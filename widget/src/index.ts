// Entry of public/tw.js: reads the script tag, wires triggers and exposes window.tailwatch.
import { readConfig, type WidgetConfig } from './config';
import type { FeedbackTrigger } from './contract';
import { h } from './element';
import { classifyInteraction } from './interaction';
import { watchPage } from './page-signals';
import { buildPayload, type FeedbackContext } from './payload';
import { countPageView, decideAsk, stateSlot } from './poll-state';
import { showPoll } from './poll-view';
import type { AskOptions, TailwatchApi, TailwatchQueue } from './public-api';
import { sendFeedback } from './send';
import { CSS } from './styles';

type Host = Window & { tailwatch?: TailwatchApi | TailwatchQueue };

/** The widget's shadow root, with the live region that announces "thanks" outside the dialog. */
function mount(): { root: ShadowRoot; status: HTMLElement } {
  const host = document.createElement('tailwatch-poll');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed sheet is CSSOM, which style-src does not police; a <style> element it may block.
  if (root.adoptedStyleSheets && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', {}, CSS));
  }
  const status = h('div', { class: 'st', role: 'status' });
  root.append(status);
  document.body.append(host);
  return { root, status };
}

function start(cfg: WidgetConfig): TailwatchApi {
  const slot = stateSlot(() => localStorage, `tw:${cfg.key}`);
  let context: FeedbackContext = {};
  let open = false;
  let ui: ReturnType<typeof mount> | undefined;
  let clearStatus: ReturnType<typeof setTimeout> | undefined;

  const show = (trigger: FeedbackTrigger, opts: AskOptions = {}, interaction?: number): boolean => {
    if (open || !document.body) return false;
    const d = decideAsk(slot.get(), cfg, Date.now(), Math.random, opts.force);
    slot.set(d.state);
    if (d.decision !== 'ask') return false;
    open = true;
    if (!ui) ui = mount();
    const { root, status } = ui;
    const texts = { ...cfg.texts, ...opts.texts };
    showPoll(root, cfg.scale, texts, (outcome) => {
      open = false;
      if (outcome === 'never') slot.set({ ...slot.get(), never: true });
      else if (outcome) {
        sendFeedback(
          cfg.endpoint,
          buildPayload({
            ...outcome,
            key: cfg.key,
            release: cfg.release,
            scale: cfg.scale,
            trigger,
            path: location.pathname,
            context,
            seenTraceId: signals.trace(),
            timings: { ...signals.timings(), interaction },
          }),
        );
        status.textContent = texts.thanks;
        clearTimeout(clearStatus);
        clearStatus = setTimeout(() => {
          status.textContent = '';
        }, 4000);
      }
    });
    return true;
  };

  const pageView = () => {
    if (!cfg.triggers.includes('pageviews')) return;
    const c = countPageView(slot.get(), cfg.pageViews);
    slot.set(c.state);
    if (c.due) show('pageviews');
  };

  const interacted = (ms: number) => {
    const trigger = cfg.triggers.includes('slow') && classifyInteraction(ms, cfg.slowMs, cfg.controlRate, Math.random);
    if (trigger) show(trigger, {}, ms);
  };

  const signals = watchPage(interacted);
  // An async script can run before <body> exists; the poll needs it.
  if (document.body) pageView();
  else addEventListener('DOMContentLoaded', pageView);
  return {
    ask: (opts) => show('manual', opts),
    setContext(next) {
      const routeChanged = next.route !== undefined && next.route !== context.route;
      context = { ...context, ...next };
      if (routeChanged) pageView();
    },
    measure: interacted,
  };
}

function init(): void {
  const w = window as Host;
  if (w.tailwatch && 'ask' in w.tailwatch) return; // tw.js included twice
  const script = (document.currentScript || document.querySelector('script[data-key]')) as HTMLScriptElement | null;
  // biome-ignore lint/complexity/useOptionalChain: es2019 lowers ?. to longer code (4 KB budget)
  const data = script && script.dataset;
  const cfg = data && readConfig(data, script.src, location.href);
  if (!cfg) {
    console.warn('[tailwatch] TW_NO_KEY: no valid data-key, widget off');
    return;
  }
  // The project's poll settings from the dashboard (GET <endpoint>/config), under the page's own data-*
  // attributes, which win. Unreachable settings leave the attributes alone in charge.
  const go = (remote: Record<string, string>) => {
    const queued = w.tailwatch;
    if (queued && 'ask' in queued) return; // another copy started while this one fetched
    const api = start(readConfig({ ...remote, ...data }, script.src, location.href) as WidgetConfig);
    w.tailwatch = api;
    // biome-ignore lint/complexity/useOptionalChain: es2019 lowers ?. to longer code; the bundle has a 4 KB budget
    for (const [method, ...args] of (queued && queued.q) || []) (api[method] as (...a: unknown[]) => void)(...args);
  };
  fetch(`${cfg.endpoint}/config?key=${encodeURIComponent(cfg.key)}&release=${encodeURIComponent(cfg.release || '')}`)
    .then((r) => r.json())
    .then(go, () => go({}));
}

init();
