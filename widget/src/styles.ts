// All widget CSS, scoped by the shadow root. `:host { all: initial !important }` cuts every
// property the host page could make the widget inherit: an !important declaration inside a
// shadow tree beats the outer page's, even its !important ones.
// Light and dark come from `color-scheme: light dark` with the Canvas/CanvasText system colours,
// which follow prefers-color-scheme; the accent #5b5fe6 keeps >= 4.5:1 under white text and
// >= 3:1 against a dark canvas. Written compact on purpose: CSS is a quarter of the 4 KB budget.
export const CSS =
  ':host{all:initial!important;position:fixed!important;z-index:2147483647!important}' +
  'dialog,.st:not(:empty){font:14px/1.45 system-ui,sans-serif;color:CanvasText;background:Canvas;color-scheme:light dark;border:1px solid #888;border-radius:12px;box-shadow:0 12px 32px #0003;padding:10px 16px}' +
  'dialog{width:min(360px,100vw - 32px);margin:auto 16px 16px auto;padding:20px}' +
  '@media(prefers-reduced-motion:no-preference){dialog{animation:tw .2s}}' +
  '@keyframes tw{0%{opacity:0;translate:0 8px}}' +
  '*{box-sizing:border-box;font:inherit;color:inherit;margin:0}' +
  'fieldset{border:0;padding:0;min-width:0}' +
  'legend{font-size:16px;font-weight:600;padding:0 32px 12px 0}' +
  '.s,.e,.a{display:flex;gap:6px;justify-content:space-between}' +
  'label{flex:1;position:relative}' +
  '.s input{position:absolute;opacity:0;width:100%;height:100%}' +
  '.s span,textarea{display:block;padding:8px;border:1px solid #888;border-radius:8px;background:none}' +
  '.s span{text-align:center;font-weight:600}' +
  'label:hover span,.x:hover{background:#8883}' +
  ':checked+span,.p{background:#5b5fe6;border-color:#5b5fe6;color:#fff}' +
  '.e,.l,.n,.x{font-size:12px;color:color-mix(in srgb,currentColor 72%,#0000)}' +
  '.e{padding-top:4px}' +
  '.l,.a{margin:12px 0 4px}' +
  '.l{display:block}' +
  'textarea{width:100%;resize:vertical}' +
  'button{cursor:pointer;border-radius:8px;padding:8px 16px;border:0;background:none;font-weight:600}' +
  '.n{padding:8px 0;font-size:14px;font-weight:400}' +
  '.x{position:absolute;top:12px;right:12px;padding:4px 10px;font-size:20px;line-height:1}' +
  ':focus-visible,:focus-visible+span{outline:2px solid #5b5fe6;outline-offset:2px}' +
  '.st{position:fixed;right:16px;bottom:16px}';
