import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { Employee, Office, WorkArea } from '../../server/db/models/index.js';
import { PrintableCards } from '../../server/services/qr/printable-cards.js';
import { renderBoardPage } from '../../server/views/printable-pages.js';
import { Catalogue } from '../../server/services/catalogue/catalogue.js';
import { QrCodes } from '../../server/services/qr/qr-codes.js';
import { PublicEmployees } from '../../server/services/qr/public-employees.js';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { decodePng } from '../helpers/qr.js';
import type { TestServer } from '../helpers/server.js';
import { DEMO_NIP } from './rating-fixture.js';

/** Page objects of a PDF (`/Type /Page`, not the `/Type /Pages` tree) and the size of the first, in points. */
function pdfPages(pdf: Buffer): { count: number; size: [number, number] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { count, size: box ? [Number(box[1]), Number(box[2])] : [0, 0] };
}

const MM = 72 / 25.4;
const A6 = [105 * MM, 148 * MM];
const A4 = [210 * MM, 297 * MM];

describeInBrowser('printing cards and boards from the browser', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite));

  /** Every card shows all it holds: nothing spills past its edges, where the printout would cut it. */
  async function expectNothingCutOff(): Promise<void> {
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.locator('.card').evaluateAll((cards) =>
      cards.flatMap((card) => {
        const box = card.getBoundingClientRect();
        return Array.from(card.querySelectorAll('*'))
          .filter((child) => {
            const inner = child.getBoundingClientRect();
            return inner.bottom > box.bottom + 0.5 || inner.right > box.right + 0.5 || inner.left < box.left - 0.5;
          })
          .map((child) => `${child.tagName}.${child.className}`);
      }),
    );
    expect(overflowing).toEqual([]);
  }

  const close = (actual: number[], expected: number[]) => actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 0));

  it('prints the A6 card on exactly one A6 page, with a code that reads back', async () => {
    await page.goto(`${server.url}/card/${DEMO_NIP}`);
    await page.screenshot({ path: artifactPath('card-a6.png'), fullPage: true });
    const { body } = await getJson<{ ratingUrl: string }>(`${server.url}/api/v1/employees/${DEMO_NIP}`);
    expect(decodePng(await page.locator('.card .qr').screenshot()).text).toBe(body.ratingUrl);
    await expectNothingCutOff();
    const pdf = await page.pdf({ preferCSSPageSize: true, path: artifactPath('card-a6.pdf') });
    expect(pdfPages(pdf).count).toBe(1);
    close(pdfPages(pdf).size, A6);
  });

  it('prints the desk tent on exactly one A4 page', async () => {
    await page.goto(`${server.url}/card/${DEMO_NIP}?layout=tent`);
    await page.screenshot({ path: artifactPath('card-tent.png'), fullPage: true });
    await expectNothingCutOff();
    const pdf = await page.pdf({ preferCSSPageSize: true, path: artifactPath('card-tent.pdf') });
    expect(pdfPages(pdf).count).toBe(1);
    close(pdfPages(pdf).size, A4);
  });

  it('prints a board of nine employees on three A4 pages, four cards to a page', async () => {
    const office = (await Office.findOne())!;
    const area = (await WorkArea.findOne({ where: { code: 'bandara-smb-ii' } }))!;
    for (let i = 1; i <= 7; i++) {
      await Employee.create({
        officeId: office.id,
        workAreaId: area.id,
        nip: `OS-SMB-00${i}`,
        name: `Petugas Bandara ${i}, S.Tr.Kes`,
        position: 'Petugas Layanan Kesehatan Pelabuhan dan Bandara',
        kind: 'outsourced',
      });
    }
    const cards = new PrintableCards(new PublicEmployees(new Catalogue(server.config.publicBaseUrl)), new QrCodes());
    const board = renderBoardPage((await cards.board(office.id, 'bandara-smb-ii'))!);
    // The board route needs a sign-in that is not wired in yet: serve the same page from the same origin.
    const boardUrl = `${server.url}/__board`;
    await page.route(boardUrl, (route) =>
      route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': board.csp }, body: board.html }),
    );
    await page.goto(boardUrl);
    expect(await page.locator('.card').count()).toBe(9);
    await page.screenshot({ path: artifactPath('board.png'), fullPage: true });
    await expectNothingCutOff();
    const pdf = await page.pdf({ preferCSSPageSize: true, path: artifactPath('board.pdf') });
    expect(pdfPages(pdf).count).toBe(3);
    close(pdfPages(pdf).size, A4);
  });
});
