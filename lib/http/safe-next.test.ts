import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNextPath('/projects/3/settings?tab=keys')).toBe('/projects/3/settings?tab=keys');
    expect(safeNextPath(['/projects/1', '/x'])).toBe('/projects/1');
  });

  it('sends anything that could leave the site to /projects', () => {
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'projects', '', undefined]) {
      expect(safeNextPath(bad)).toBe('/projects');
    }
  });
});
