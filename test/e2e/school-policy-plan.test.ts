import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competenceList } from '../../src/shared/digisnap/framework';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { seededDevice } from './infra-steps';
import { addMember, completeScan, openCampaign } from './school-steps';

describe('the ICT policy plan in the browser', () => {
  let world: BrowserWorld;

  /** A school whose team report is readable: 25 teachers in five groups, weakest in competence 2.1. */
  const schoolWithReport = async () => {
    const schoolId = await world.app.services.schools.createSchool({ name: 'BuSO De Horizon', educationLevel: 'secondary', province: 'oost-vlaanderen' });
    const principal = await addMember(world, schoolId, 'principal', 'directie@beleidsplan.test', 'Griet Directeur');
    const coordinator = await addMember(world, schoolId, 'ict_coordinator', 'ict@beleidsplan.test', 'Ilias ICT');
    const campaign = await openCampaign(world, principal.userId, schoolId, 10);
    const codes = competenceList(world.app.services.digisnap.currentFramework()).map((c) => c.code);
    for (let i = 0; i < 25; i += 1) {
      const group = Math.floor(i / 5);
      const teacher = await addMember(world, schoolId, 'teacher', `leraar${i}@beleidsplan.test`, `Leraar ${i}`);
      await completeScan(world, teacher.userId, (c) => (codes[c] === '2.1' && group === 2 ? 1 : codes[c] === '2.1' && group === 3 ? 0 : group));
    }
    return { schoolId, campaignId: campaign.id, email: principal.email, coordinatorId: coordinator.userId };
  };

  /** 2024-2025 in the 2nd and 3rd grade: East Flanders 300 of 1,000 pupils in STEM (30%), Flanders 800 of 2,000 (40%). */
  const stemCounts = () => {
    const line = (province: string, category: 'stem' | 'non_stem', count: number) =>
      (['f', 'm'] as const).map((gender) => ({
        year: '2024-2025',
        level: 'secondary' as const,
        moment: 'grade23' as const,
        programmeType: 'aso',
        province,
        category,
        domain: null,
        gender,
        count,
        schoolNumber: '',
      }));
    const lines = [...line('oost-vlaanderen', 'stem', 150), ...line('oost-vlaanderen', 'non_stem', 350), ...line('limburg', 'stem', 250), ...line('limburg', 'non_stem', 250)];
    return world.app.services.stem.importLines(lines, 'demo', { dryRun: false, actorId: null });
  };

  beforeAll(async () => {
    world = await startBrowserWorld();
    await stemCounts();
  });
  afterAll(() => world?.close());

  it('a principal writes the vision, adds a goal, takes actions from the team report, prints and exports', async () => {
    const { schoolId, campaignId, email, coordinatorId } = await schoolWithReport();
    const page = await logIn(world, email);

    // From the team report to the plan: the team report's suggestions open at once.
    await page.goto(`${world.baseUrl}/school/${schoolId}/digisnap/${campaignId}/rapport`);
    await page.getByTestId('report').waitFor();
    await page.getByTestId('report-to-policy-plan').click();
    await page.getByTestId('policy-plan').waitFor();
    const panel = page.getByTestId('suggestion-form-team_report');
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suggestions-team_report');
    expect(await page.getByRole('link', { name: 'ICT-beleidsplan', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The vision.
    const vision = page.getByTestId('vision-form');
    await vision.getByLabel('Visietekst').fill('Wij maken van elke leerling een kritische en veilige gebruiker van ICT.');
    await vision.getByRole('button', { name: 'Visie bewaren' }).click();
    await expect.poll(() => vision.getByRole('status').textContent()).toBe('Bewaard.');
    await expect.poll(() => vision.textContent()).toMatch(/Laatst gewijzigd op .* door Griet Directeur/);

    // The coordinator saves meanwhile: the principal's next save is refused, both texts are shown, and saving again is deliberate.
    await world.app.services.policyPlan.saveVision(coordinatorId, schoolId, { vision: 'Tekst van de coördinator.', periodFrom: '2026-2027', periodTo: '2027-2028', version: 1 });
    await vision.getByLabel('Visietekst').fill('Wij maken van elke leerling een kritische en veilige gebruiker van ICT.\n\nSamen met de ouders.');
    await vision.getByRole('button', { name: 'Visie bewaren' }).click();
    const conflict = page.getByTestId('vision-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Ilias ICT.*Tekst van de coördinator\./);
    expect(await vision.getByLabel('Visietekst').inputValue()).toMatch(/Samen met de ouders/);
    await vision.getByRole('button', { name: 'Visie bewaren' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    await expect.poll(() => vision.getByRole('status').textContent()).toBe('Bewaard.');

    // A goal, checked first: an empty one is refused at its field.
    const goalForm = page.getByTestId('goal-form');
    await goalForm.getByRole('button', { name: 'Doel toevoegen' }).click();
    await expect.poll(() => goalForm.locator('.field-problem').textContent()).toBe('Vul dit in.');
    await goalForm.getByLabel('Termijn').selectOption({ label: 'Middellange termijn' });
    await goalForm.getByLabel('Doel', { exact: true }).fill('Elke leraar deelt digitaal lesmateriaal veilig');
    await goalForm.getByLabel(/Succescriterium/).fill('Op de teamdag toont elke vakgroep één voorbeeld');
    // Linked to a STEM indicator: the plan shows its latest value for the school's province and Flanders.
    await goalForm.getByLabel(/STEM-indicator/).selectOption({ label: 'STEM-leerlingen in de 2de en 3de graad' });
    await goalForm.getByRole('button', { name: 'Doel toevoegen' }).click();
    await expect.poll(() => page.getByTestId('goals-medium').textContent()).toMatch(/Elke leraar deelt digitaal lesmateriaal veilig/);
    expect(await page.getByTestId('goals-medium').getByTestId('goal-stem-figure').textContent()).toBe(
      'STEM-monitor: STEM-leerlingen in de 2de en 3de graad: Oost-Vlaanderen 30% · Vlaanderen 40% (2024-2025)',
    );

    // An empty hand-made action first: "Vul dit in." beside what is missing...
    const actionForm = page.getByTestId('action-form');
    await actionForm.getByRole('button', { name: 'Actie toevoegen' }).click();
    await expect.poll(() => actionForm.getByText('Vul dit in.').count()).toBeGreaterThan(0);

    // ...then actions from the team report's suggestions, linked to the goal: the stale problems go.
    await panel.getByLabel(/Groeien in competentie 2\.1/).check();
    await panel.getByLabel(/Het team professionaliseren in domein/).check();
    await panel.getByLabel('Hoort bij doel').selectOption({ label: 'Middellange termijn: Elke leraar deelt digitaal lesmateriaal veilig' });
    await panel.getByRole('button', { name: 'Aangevinkte acties opnemen (2)' }).click();
    await expect.poll(() => page.getByTestId('suggestion-outcome-team_report').textContent()).toBe('2 acties opgenomen in het plan.');
    const table = page.getByTestId('policy-action-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await table.textContent()).toMatch(/Uit het Digisnap-directierapport/);
    await expect.poll(() => panel.getByLabel(/Groeien in competentie 2\.1/).isDisabled()).toBe(true);
    expect(await actionForm.getByText('Vul dit in.').count()).toBe(0);

    // A hand-made action with a name as owner.
    await actionForm.getByLabel('Wat gaat er gebeuren?').fill('Wifi-dekking meten in alle lokalen');
    await actionForm.getByLabel('Een naam of een groep').check();
    await actionForm.getByLabel('Naam of groep').fill('ICT-werkgroep');
    await actionForm.getByLabel('Front').selectOption({ label: 'ICT-infrastructuur' });
    await actionForm.getByRole('button', { name: 'Actie toevoegen' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('policy-summary').textContent()).toMatch(/ICT-infrastructuur/);

    // Status from the list, and the filters.
    await table.getByLabel('Status van “Wifi-dekking meten in alle lokalen”').selectOption({ label: 'Klaar' });
    await page.getByLabel('Toon status').selectOption({ label: 'Klaar' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Toon front').selectOption({ label: 'ICT-vaardigheden' });
    await expect.poll(() => page.getByTestId('policy-actions').textContent()).toMatch(/Geen acties die aan deze keuze voldoen/);
    await page.getByLabel('Toon status').selectOption({ label: 'Alle' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Toon front').selectOption({ label: 'Alle' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Print: the paper version shows vision, goals by term and actions by front, nothing to click.
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await page.getByTestId('policy-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const paper = page.getByTestId('policy-print-view');
    expect(await paper.isVisible()).toBe(true);
    expect(await page.getByTestId('policy-suggestions').isVisible()).toBe(false);
    expect(await page.getByTestId('vision-form').isVisible()).toBe(false);
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator; innerText is the text as laid out on paper
    const printed = (await paper.innerText()).replace(/\s+/g, ' ');
    expect(printed).toMatch(/kritische en veilige gebruiker/);
    expect(printed).toMatch(/Middellange termijn Elke leraar deelt digitaal lesmateriaal veilig/);
    expect(printed).toMatch(/STEM-leerlingen in de 2de en 3de graad: Oost-Vlaanderen 30% · Vlaanderen 40% \(2024-2025\)/);
    expect(printed).toMatch(/ICT-infrastructuur .*Wifi-dekking meten in alle lokalen ICT-werkgroep – Klaar/);
    expect(printed).toMatch(/ICT-vaardigheden/);
    await page.emulateMedia({ media: 'screen' });

    // Export: the CSV and the XLSX with the session of the page.
    const csvHref = (await page.getByTestId('policy-csv').getAttribute('href'))!;
    expect(csvHref).toMatch(/format=csv&lang=nl$/);
    const csv = await page.request.get(`${world.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.startsWith('\uFEFFonderdeel;termijn;front;titel')).toBe(true);
    expect(text).toMatch(/visie;.*kritische en veilige gebruiker/);
    expect(text).toMatch(/;STEM-leerlingen in de 2de en 3de graad: Oost-Vlaanderen 30% · Vlaanderen 40% \(2024-2025\)\r\n/);
    expect(text).toMatch(/actie;;ICT-infrastructuur;Wifi-dekking meten in alle lokalen;;ICT-werkgroep;;Klaar;nee/);
    const xlsx = await page.request.get(`${world.baseUrl}${(await page.getByTestId('policy-xlsx').getAttribute('href'))!}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('an ICT coordinator takes the ICT park’s replacement into the plan with the keyboard', async () => {
    const schoolId = await world.app.services.schools.createSchool({ name: 'VBS Den Boomgaard', educationLevel: 'primary', province: 'antwerpen' });
    const coordinator = await addMember(world, schoolId, 'ict_coordinator', 'ict@boomgaard.test', 'Ilse ICT');
    const old = (assetTag: string) => ({
      device: seededDevice({ assetTag, manufacturer: 'Dell', modelName: 'Latitude 3190', type: 'laptop', purchaseDate: '2015-09-01', priceCents: 45_000 }),
      state: 'in_use' as const,
    });
    await world.app.services.devices.seedDevices(schoolId, [old('OUD-1'), old('OUD-2')]);
    const page = await logIn(world, coordinator.email);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ict-beleidsplan`);
    const panel = page.getByTestId('suggestion-form-ict_park');
    await panel.waitFor();
    expect(await page.getByTestId('suggestions-ict_park').textContent()).toMatch(/Uit het ICT-park/);
    const replace = panel.getByLabel(/^2 toestellen vervangen in schooljaar/);
    await replace.focus();
    await page.keyboard.press('Space');
    expect(await replace.isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Aangevinkte acties opnemen (1)' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('suggestion-outcome-ict_park').textContent()).toBe('1 actie opgenomen in het plan.');
    const table = page.getByTestId('policy-action-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.textContent()).toMatch(/2 toestellen vervangen in schooljaar .*Uit het ICT-park/);
    await expect.poll(() => replace.isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a teacher reads the plan without anything to change', async () => {
    const schoolId = await world.app.services.schools.createSchool({ name: 'VBS Klavertje', educationLevel: 'primary', province: 'limburg' });
    const teacher = await addMember(world, schoolId, 'teacher', 'juf@beleidsplan.test', 'Juf Lien');
    const page = await logIn(world, teacher.email);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ict-beleidsplan`);
    await page.getByTestId('policy-plan').waitFor();
    expect(await page.getByTestId('policy-plan').textContent()).toMatch(/Je kunt dit plan lezen/);
    expect(await page.getByTestId('vision-form').count()).toBe(0);
    expect(await page.getByTestId('policy-suggestions').count()).toBe(0);
    expect(await page.getByTestId('action-form').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
