// The catalog: search in both languages, filters, every service page, and accessibility.
const { test, expect } = require('@playwright/test');
const { LANGUAGES, open, expectNoAxeViolations, watchErrors } = require('./helpers');

const SEARCH = { ru: 'фармацевт', kk: 'фармацевтикалық' };
const PHARMA = ['/services/pharmaceutical-licence'];

function serviceLinks(page) {
  return page.locator('.service-list a');
}

async function hrefs(page) {
  return serviceLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}

for (const lang of LANGUAGES) {
  test(`the catalog lists all 19 services in ${lang} with no axe violations`, async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, '/', lang);
    await expect(serviceLinks(page)).toHaveCount(19);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  test(`searching «${SEARCH[lang]}» in ${lang} finds the pharmaceutical services`, async ({ page }) => {
    await open(page, '/', lang);
    await page.locator('#catalog-search').fill(SEARCH[lang]);
    const found = await hrefs(page);
    for (const href of PHARMA) expect(found).toContain(href);
    expect(found.length).toBeLessThan(19);
    expect(found.every((h) => /pharmaceutical|health|narcotics|medical/.test(h))).toBe(true);
    await expect(page.locator('.results__count')).toContainText(String(found.length));
    // The search is kept in the address, so a reload shows the same results.
    await page.reload();
    await expect(page.locator('#catalog-search')).toHaveValue(SEARCH[lang]);
    expect(await hrefs(page)).toEqual(found);
  });

  test(`a search with signs the address gives meaning to is kept as typed (${lang})`, async ({ page }) => {
    await open(page, '/', lang);
    const typed = '100% & a+b=c #1 ?';
    await page.locator('#catalog-search').pressSequentially(typed);
    await expect(page.locator('#catalog-search')).toHaveValue(typed);
    await page.locator('#catalog-area').selectOption('national');
    await expect(page).toHaveURL(/area=national/);
    await page.reload();
    await expect(page.locator('#catalog-search')).toHaveValue(typed);
    await expect(page.locator('#catalog-area')).toHaveValue('national');
  });

  test(`the filters work in ${lang}`, async ({ page }) => {
    await open(page, '/', lang);
    await page.locator('#catalog-area').selectOption('almaty-city');
    await expect(serviceLinks(page)).toHaveCount(6);
    await page.locator('#catalog-area').selectOption('national');
    await expect(serviceLinks(page)).toHaveCount(13);
    await page.locator('#catalog-area').selectOption('');
    await page.locator('#catalog-provider').selectOption('sko-health');
    await expect(serviceLinks(page)).toHaveCount(2);
    await page.locator('#catalog-provider').selectOption('');

    // Services only legal entities can get disappear for an individual.
    await page.locator('label[for="applicant-individual"]').click();
    const forIndividuals = await hrefs(page);
    expect(forIndividuals).not.toContain('/services/export-import-licence');
    expect(forIndividuals).not.toContain('/services/scrap-metal-licence');
    await page.locator('label[for="applicant-legal-entity"]').click();
    expect(await hrefs(page)).toContain('/services/export-import-licence');

    await page.locator('#catalog-search').fill('zzzz-nothing');
    await expect(serviceLinks(page)).toHaveCount(0);
    await page.locator('.inset button').click();
    await expect(serviceLinks(page)).toHaveCount(19);
    await expect(page.locator('#catalog-search')).toHaveValue('');
  });

  test(`every service page opens from the list in ${lang}, with no axe violations`, async ({ page }) => {
    // Nineteen pages, each scanned by axe: more than the default half minute on a busy machine.
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await open(page, '/', lang);
    const links = await serviceLinks(page).evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(links).toHaveLength(19);
    for (const [href, name] of links) {
      await page.locator(`.service-list a[href="${href}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expect(page.locator('main h1')).toHaveText(name);
      await expect(page.locator('main')).toContainText(lang === 'ru' ? 'Как рассматривается заявление' : 'Өтініш қалай қаралады');
      await expectNoAxeViolations(page);
      await page.goBack();
      await expect(serviceLinks(page)).toHaveCount(19);
    }
    expect(errors).toEqual([]);
  });
}

test('a service page shows today’s fee in tenge, the deadline and the steps of the chosen provider', async ({ page }) => {
  await open(page, '/services/medical-licence', 'ru');
  await expect(page.locator('.summary-list')).toContainText(/Выдача\s*Срок рассмотрения: 15 рабочих дней/);
  await expect(page.locator('.summary-list')).toContainText(/\d{1,3}(\s\d{3})*\s₸ \(10\sМРП\)/);
  await expect(page.locator('.summary-list')).toContainText(/\d{1,3}(\s\d{3})*\s₸ \(1\sМРП\)/);
  // Almaty's regulation gives no deadline: the page says so instead of inventing one.
  await page.locator('label[for="provider-almaty-economy"]').click();
  await expect(page).toHaveURL(/provider=almaty-economy/);
  await expect(page.locator('.summary-list')).toContainText('уточните у услугодателя');
});

test('a fee no source gives is shown as such (a licence fee due at a rate no source gives), never as free, and no МРП amount is claimed for it', async ({ page }) => {
  // The regulation of the certificate has no payment step: that does not make it free.
  await open(page, '/services/end-user-certificate', 'kk');
  await expect(page.locator('.summary-list')).toContainText('ешқайсысында көрсетілмеген');
  await expect(page.locator('.summary-list')).not.toContainText('алынбайды');
  await expect(page.getByText('АЕК бойынша есептелді')).toHaveCount(0);
  // A licence's fee is due, but no source gives its rate: said so, and whom to ask.
  await open(page, '/services/poisons-licence', 'ru');
  await expect(page.locator('.summary-list')).toContainText('взимается лицензионный сбор по установленной ставке; ставку не называет ни один найденный источник');
  await expect(page.locator('.summary-list')).not.toContainText('плата не взимается');
  await expect(page.getByText('рассчитана по МРП')).toHaveCount(0);
  // A licence fee is worked out from today's МРП, and the page says so.
  await open(page, '/services/medical-licence', 'ru');
  await expect(page.getByText('рассчитана по МРП')).toHaveCount(1);
});

test('switching language keeps what was typed in the search box', async ({ page }) => {
  await open(page, '/', 'ru');
  await page.locator('#catalog-search').fill('лицензия');
  await page.getByRole('link', { name: 'Қазақша' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('#catalog-search')).toHaveValue('лицензия');
  await expect(page.locator('main h1')).toHaveText('Лицензиялар мен рұқсаттар');
});

test('an unknown service shows the not-found page', async ({ page }) => {
  await open(page, '/services/no-such-service', 'ru');
  await expect(page.locator('main h1')).toHaveText('Страница не найдена');
});
