// Crawlers, link previewers, uptime checkers, headless automation and HTTP libraries. A browser
// answering a poll always sends a browser user agent; these would only add noise to the ratings.
const BOT =
  /bot\/|(?:^|[^a-z])bot(?:[^a-z]|$)|[a-z]bot[-_;)]|crawl|spider|slurp|scrap|headless|lighthouse|pagespeed|pingdom|uptime|monitor|synthetic|preview|facebookexternalhit|embedly|whatsapp|curl\/|wget\/|python-|go-http-client|okhttp|java\/|axios\/|node-fetch|undici|phantomjs|selenium|puppeteer|playwright|cypress/i;

/** True for a missing user agent or one that names a robot. */
export function isBotUserAgent(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}
