import { describe, expect, it } from 'vitest';
import { turnPage } from '../../widget/src/pacak-console/admin/address-query.js';

describe("the console's paged lists (ratings, audit log, feedback)", () => {
  it('move by whole pages, keep the other filters, and leave the first page without an offset', () => {
    const filters = { offset: '', action: 'rating.void' };
    expect(turnPage(filters, 1, 50)).toEqual({ offset: '50', action: 'rating.void' });
    expect(turnPage({ ...filters, offset: '100' }, -1, 50)).toEqual({ offset: '50', action: 'rating.void' });
    expect(turnPage({ ...filters, offset: '50' }, -1, 50)).toEqual({ offset: '', action: 'rating.void' });
  });

  it('never go before the first page, whatever the address says', () => {
    expect(turnPage({ offset: '' }, -1, 50)).toEqual({ offset: '' });
    expect(turnPage({ offset: 'abc' }, 1, 50)).toEqual({ offset: '50' });
    expect(turnPage({ offset: '20' }, -1, 50)).toEqual({ offset: '' });
  });
});
