import { describe, expect, it } from 'vitest';
import { isDay, monthsOf, presetPeriod, previousPeriod, today } from '../../widget/src/pacak-dashboard/period.js';

describe('the dashboard’s periods', () => {
  it('reads presets on the office’s day: this month and quarter so far, the last ones whole', () => {
    expect(presetPeriod('this-month', '2025-05-14')).toEqual({ from: '2025-05-01', to: '2025-05-14' });
    expect(presetPeriod('last-month', '2025-03-01')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(presetPeriod('last-month', '2025-01-20')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(presetPeriod('this-quarter', '2025-05-14')).toEqual({ from: '2025-04-01', to: '2025-05-14' });
    expect(presetPeriod('last-quarter', '2025-02-10')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(presetPeriod('this-year', '2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-02-29' });
  });

  it('takes today in the office’s time zone, not the reader’s', () => {
    const lateEvening = new Date('2025-04-30T17:30:00Z'); // 00:30 on 1 May in Jakarta
    expect(today('Asia/Jakarta', lateEvening)).toBe('2025-05-01');
    expect(today('UTC', lateEvening)).toBe('2025-04-30');
  });

  it('compares month for month when a period starts on the first, day for day otherwise', () => {
    expect(previousPeriod({ from: '2025-05-01', to: '2025-05-31' })).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriod({ from: '2025-04-01', to: '2025-06-30' })).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-10' })).toEqual({ from: '2025-02-01', to: '2025-02-10' });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-30' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-05-10', to: '2025-05-16' })).toEqual({ from: '2025-05-03', to: '2025-05-09' });
    expect(previousPeriod({ from: '2025-03-05', to: '2025-03-05' })).toEqual({ from: '2025-03-04', to: '2025-03-04' });
  });

  it('lists every month a period touches, for the trend’s axis', () => {
    expect(monthsOf({ from: '2024-11-15', to: '2025-02-02' })).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsOf({ from: '2025-05-01', to: '2025-05-31' })).toEqual(['2025-05']);
  });

  it('knows a real day from a typed one', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-5-1')).toBe(false);
  });
});
