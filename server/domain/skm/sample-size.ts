/**
 * The minimum sample of a survey by the Krejcie and Morgan table, which PermenPANRB 14/2017 prescribes
 * for the SKM (Lampiran, Bab III, "Penentuan jumlah responden": the table of Krejcie and Morgan, 1970,
 * population N and sample S at a 95% confidence level and a 5% margin). Kept as the published table,
 * not recomputed from its formula, so it gives exactly the figures a unit's SKM report cites.
 */
export const KREJCIE_MORGAN: readonly (readonly [population: number, sample: number])[] = [
  [10, 10],
  [15, 14],
  [20, 19],
  [25, 24],
  [30, 28],
  [35, 32],
  [40, 36],
  [45, 40],
  [50, 44],
  [55, 48],
  [60, 52],
  [65, 56],
  [70, 59],
  [75, 63],
  [80, 66],
  [85, 70],
  [90, 73],
  [95, 76],
  [100, 80],
  [110, 86],
  [120, 92],
  [130, 97],
  [140, 103],
  [150, 108],
  [160, 113],
  [170, 118],
  [180, 123],
  [190, 127],
  [200, 132],
  [210, 136],
  [220, 140],
  [230, 144],
  [240, 148],
  [250, 152],
  [260, 155],
  [270, 159],
  [280, 162],
  [290, 165],
  [300, 169],
  [320, 175],
  [340, 181],
  [360, 186],
  [380, 191],
  [400, 196],
  [420, 201],
  [440, 205],
  [460, 210],
  [480, 214],
  [500, 217],
  [550, 226],
  [600, 234],
  [650, 242],
  [700, 248],
  [750, 254],
  [800, 260],
  [850, 265],
  [900, 269],
  [950, 274],
  [1000, 278],
  [1100, 285],
  [1200, 291],
  [1300, 297],
  [1400, 302],
  [1500, 306],
  [1600, 310],
  [1700, 313],
  [1800, 317],
  [1900, 320],
  [2000, 322],
  [2200, 327],
  [2400, 331],
  [2600, 335],
  [2800, 338],
  [3000, 341],
  [3500, 346],
  [4000, 351],
  [4500, 354],
  [5000, 357],
  [6000, 361],
  [7000, 364],
  [8000, 367],
  [9000, 368],
  [10000, 370],
  [15000, 375],
  [20000, 377],
  [30000, 379],
  [40000, 380],
  [50000, 381],
  [75000, 382],
  [100000, 384],
];

/**
 * The minimum number of respondents for a population: the sample of the first row whose population
 * is at least the given one (a population between two rows takes the larger row's sample, never
 * less than the table asks); below 10 every member is asked; above 100 000 the table's last figure.
 */
export function minimumSample(population: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError('population must be a whole number of people');
  const first = KREJCIE_MORGAN[0];
  const last = KREJCIE_MORGAN.at(-1);
  if (!first || !last) throw new Error('the Krejcie-Morgan table has no rows');
  if (population < first[0]) return population;
  for (const [rowPopulation, sample] of KREJCIE_MORGAN) if (rowPopulation >= population) return sample;
  return last[1];
}

export interface SampleSufficiency {
  population: number;
  minimum: number;
  respondents: number;
  sufficient: boolean;
  /** Respondents still needed to reach the minimum; 0 when it is reached. */
  shortBy: number;
}

export function sampleSufficiency(population: number, respondents: number): SampleSufficiency {
  const minimum = minimumSample(population);
  return { population, minimum, respondents, sufficient: respondents >= minimum, shortBy: Math.max(0, minimum - respondents) };
}
