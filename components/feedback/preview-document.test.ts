import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_SETTINGS } from '@/lib/feedback/poll-config/poll-settings';
import { dataAttribute, previewDocument, scriptAttributes } from './preview-document';

describe('preview document', () => {
  it('writes dataset names as data-* attributes', () => {
    expect(dataAttribute('textQuestion')).toBe('data-text-question');
    expect(dataAttribute('cooldownDays')).toBe('data-cooldown-days');
    expect(dataAttribute('scale')).toBe('data-scale');
  });

  it('escapes user text so it cannot leave the attribute', () => {
    const doc = previewDocument('https://tw.example/tw.js', 'twp_k', {
      ...DEFAULT_POLL_SETTINGS,
      question: '"><script>alert(1)</script>',
    });
    expect(doc).toContain('data-text-question="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(doc).not.toContain('"><script>alert(1)');
    expect(doc).toContain(`connect-src 'none'`);
  });

  it('previews a disabled or release-bound poll as if it ran, and can list only the changed settings', () => {
    const settings = { ...DEFAULT_POLL_SETTINGS, scale: 7, enabled: false, releases: ['v1'] };
    expect(scriptAttributes('k', settings, 'changed')).toBe('data-key="k" data-scale="7"');
    expect(scriptAttributes('k', settings)).toContain('data-sample="1"');
  });
});
