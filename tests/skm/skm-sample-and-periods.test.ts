import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodContaining, periodsUpTo } from '../../server/domain/skm/periods.js';
import { KREJCIE_MORGAN, minimumSample, sampleSufficiency } from '../../server/domain/skm/sample-size.js';
import { questionsUnder, settingsOn, type SkmSettingsVersion } from '../../server/domain/skm/settings.js';

describe('the Krejcie-Morgan minimum sample', () => {
  it('reads rows of the table as published', () => {
    expect(minimumSample(10)).toBe(10);
    expect(minimumSample(100)).toBe(80);
    expect(minimumSample(220)).toBe(140);
    expect(minimumSample(1000)).toBe(278);
    expect(minimumSample(1200)).toBe(291);
    expect(minimumSample(2000)).toBe(322);
    expect(minimumSample(100_000)).toBe(384);
  });

  it('takes the larger row for a population between two rows, and asks everyone below ten', () => {
    expect(minimumSample(101)).toBe(86);
    expect(minimumSample(1001)).toBe(285);
    expect(minimumSample(7)).toBe(7);
    expect(minimumSample(0)).toBe(0);
    expect(minimumSample(2_000_000)).toBe(384);
  });

  it('is a table that never asks fewer people of a larger population', () => {
    for (let i = 1; i < KREJCIE_MORGAN.length; i++) {
      expect(KREJCIE_MORGAN[i]![0]).toBeGreaterThan(KREJCIE_MORGAN[i - 1]![0]);
      expect(KREJCIE_MORGAN[i]![1]).toBeGreaterThanOrEqual(KREJCIE_MORGAN[i - 1]![1]);
    }
  });

  it('says whether a sample suffices and how many are missing', () => {
    expect(sampleSufficiency(1000, 300)).toEqual({ population: 1000, minimum: 278, respondents: 300, sufficient: true, shortBy: 0 });
    expect(sampleSufficiency(1000, 200)).toMatchObject({ sufficient: false, shortBy: 78 });
    expect(() => minimumSample(-1)).toThrow(RangeError);
  });
});

describe('SKM periods', () => {
  it('names quarters, halves and years with their dates', () => {
    expect(parsePeriodKey('2024-Q1')).toMatchObject({ from: '2024-01-01', to: '2024-03-31', label: { id: 'Triwulan I 2024' } });
    expect(parsePeriodKey('2024-Q2')).toMatchObject({ from: '2024-04-01', to: '2024-06-30' });
    expect(parsePeriodKey('2024-H2')).toMatchObject({
      from: '2024-07-01',
      to: '2024-12-31',
      label: { id: 'Semester II 2024', en: 'H2 2024' },
    });
    expect(parsePeriodKey('2024')).toMatchObject({ kind: 'year', from: '2024-01-01', to: '2024-12-31' });
    expect(parsePeriodKey('2024-Q2')?.to).toBe('2024-06-30');
    for (const bad of ['2024-Q5', '2024-H3', '24-Q1', '2024-q1', '', '1999']) expect(parsePeriodKey(bad)).toBeNull();
  });

  it('finds the period of a date and the periods before it', () => {
    expect(periodContaining('quarter', '2026-12-04').key).toBe('2026-Q4');
    expect(periodContaining('half', '2026-06-30').key).toBe('2026-H1');
    expect(periodsUpTo(parsePeriodKey('2026-Q2')!, 4).map((period) => period.key)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('SKM settings with the date they took effect', () => {
  const versions: SkmSettingsVersion[] = [
    { serviceTypeId: null, effectiveFrom: '2026-01-01', settings: { notApplicable: [], wording: {}, population: 900 } },
    {
      serviceTypeId: null,
      effectiveFrom: '2026-07-01',
      settings: {
        notApplicable: [],
        wording: { sarana: { question: { id: 'Bagaimana kualitas ruang tunggu dan toilet?' } } },
        population: 1000,
      },
    },
    { serviceTypeId: 19, effectiveFrom: '2026-04-01', settings: { notApplicable: ['biaya'], wording: {}, population: null } },
  ];

  it('applies the version in effect on the date, the service type before the office', () => {
    expect(settingsOn(versions, '2026-03-31', null).population).toBe(900);
    expect(settingsOn(versions, '2026-07-01', null).population).toBe(1000);
    expect(settingsOn(versions, '2026-03-31', 19).notApplicable).toEqual([]);
    expect(settingsOn(versions, '2026-04-01', 19).notApplicable).toEqual(['biaya']);
    expect(settingsOn(versions, '2025-12-31', null)).toEqual({ notApplicable: [], wording: {}, population: null });
  });

  it("asks the applicable elements in the office's wording, the regulation's elsewhere", () => {
    const questions = questionsUnder(settingsOn(versions, '2026-08-01', null));
    expect(questions).toHaveLength(9);
    expect(questions.find((q) => q.code === 'sarana')?.question.id).toBe('Bagaimana kualitas ruang tunggu dan toilet?');
    expect(questions.find((q) => q.code === 'sarana')?.question.en).toBe('What is the quality of the facilities?');
    expect(questions.find((q) => q.code === 'biaya')?.options.id).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(questionsUnder(settingsOn(versions, '2026-08-01', 19)).map((q) => q.code)).not.toContain('biaya');
  });
});
