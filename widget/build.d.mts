/** Absolute path of public/tw.js. */
export declare const WIDGET_OUTFILE: string;
/** Returns the minified IIFE as text without writing it. */
export declare function bundleWidget(): Promise<string>;
