## Terms of the service catalog shared by all services: kinds, categories, applicants, sub-cases,
## channels, processing steps, providers, regions, legal acts, and the documents, questions and form
## pages that several services use. They appear in the list of services, on each service's
## "before you start" page and in the application form.

## Kinds of service (a tag in the list of services; at most 20 characters)

# same in every language
kind-licence = Лицензия
kind-permit = Разрешение
# same in every language
kind-certificate = Сертификат
kind-conclusion = Заключение

## Categories (headings of the list of services and a filter)

category-health = Здравоохранение
category-narcotics = Наркотические средства и прекурсоры
category-industry = Промышленность
category-export-control = Экспортный контроль
category-agriculture = Сельское хозяйство

## Who may apply

applicant-individual = Физическое лицо (ИИН)
applicant-legal-entity = Юридическое лицо (БИН)

## What the applicant asks for (sub-cases) and what it concerns (targets)

sub-case-issue = Выдача
sub-case-reissue = Переоформление
sub-case-duplicate = Выдача дубликата
# same in every language
target-licence = Лицензия
target-annex = Приложение к лицензии

## Where an application can be submitted and the result received

channel-portal = Веб-портал «электронного правительства» egov.kz или веб-портал «Е-лицензирование» elicense.kz
channel-con = Центр обслуживания населения (ЦОН)
channel-office = Канцелярия услугодателя

## How an application is processed: each step of the regulation, and who takes it

step-notify-receipt = Заявителю приходит уведомление о приёме документов
step-register = Заявление регистрируют
step-resolution = Руководство услугодателя накладывает резолюцию
step-assign-executor = Назначают ответственного исполнителя
step-completeness-check = Исполнитель проверяет полноту документов
step-request-agreement = Исполнитель запрашивает согласование государственных органов
step-agreement-response = Государственные органы дают заключение
step-data-entry = Исполнитель вносит сведения
step-review = Исполнитель рассматривает документы и готовит результат
step-endorse = Руководитель управления визирует результат
step-sign = Руководство услугодателя подписывает результат
step-register-result = Результат регистрируют
step-issue-result = Результат выдают заявителю

# same in every language
actor-portal = Портал
actor-con = ЦОН
actor-office = Канцелярия
actor-head = Руководство услугодателя
actor-department-head = Руководитель управления
actor-executor = Ответственный исполнитель
actor-other-bodies = Государственные органы

## Regions (a filter of the list of services)

region-east-kazakhstan = Восточно-Казахстанская область
region-south-kazakhstan = Южно-Казахстанская область
region-almaty-city = город Алматы

## Providers (услугодатели)

provider-mvd = Министерство внутренних дел Республики Казахстан
provider-vko-health = Местный исполнительный орган Восточно-Казахстанской области в сфере здравоохранения
provider-mint-industry-committee = Комитет промышленности Министерства индустрии и новых технологий Республики Казахстан
provider-sko-health = ГУ «Управление здравоохранения Южно-Казахстанской области»
provider-almaty-economy = Управление экономики и бюджетного планирования города Алматы

## Legal acts: the full citation, as the act is printed

act-law-state-services = Закон Республики Казахстан от 15 апреля 2013 года «О государственных услугах»
act-mvd-order-462 = Приказ исполняющего обязанности Министра внутренних дел Республики Казахстан от 19 мая 2015 года № 462 «Об утверждении регламентов государственных услуг в сфере оборота наркотических средств, психотропных веществ и их прекурсоров»
act-mvd-order-329 = Приказ Министра внутренних дел Республики Казахстан от 9 апреля 2015 года № 329, утвердивший стандарты государственных услуг
act-vko-resolution-70 = Постановление Восточно-Казахстанского областного акимата от 26 марта 2014 года № 70 «Об утверждении регламентов государственных услуг в сфере медицинской и фармацевтической деятельности»
act-gov-resolution-141 = Постановление Правительства Республики Казахстан от 24 февраля 2014 года № 141 «Об утверждении стандартов государственных услуг в сфере медицинской деятельности»
act-gov-resolution-142 = Постановление Правительства Республики Казахстан от 24 февраля 2014 года № 142 «Об утверждении стандартов государственных услуг в сфере фармацевтической деятельности»
act-mint-order-102 = Приказ Заместителя Премьер-Министра Республики Казахстан — Министра индустрии и новых технологий Республики Казахстан от 27 марта 2014 года № 102 «Об утверждении регламентов государственных услуг, оказываемых Министерством индустрии и новых технологий Республики Казахстан, в области промышленности и экспортного контроля»
act-gov-resolution-155 = Постановление Правительства Республики Казахстан от 26 февраля 2014 года № 155 «Об утверждении стандартов государственных услуг, оказываемых Министерством индустрии и новых технологий Республики Казахстан в области промышленности и экспортного контроля, …»
act-sko-resolution-182 = Постановление акимата Южно-Казахстанской области от 13 июня 2014 года № 182 «Об утверждении регламентов государственных услуг в сфере фармацевтической деятельности»
act-almaty-resolution-2-338 = Постановление акимата города Алматы от 11 мая 2014 года № 2/338 «Об утверждении регламентов государственных услуг по лицензированию некоторых видов деятельности в городе Алматы»
act-gov-resolution-78 = Постановление Правительства Республики Казахстан от 12 февраля 2014 года № 78 «Об утверждении стандартов государственных услуг в области фитосанитарной безопасности и внесении изменений в некоторые решения Правительства Республики Казахстан»
act-gov-resolution-94 = Постановление Правительства Республики Казахстан от 15 февраля 2014 года № 94 «Об утверждении стандартов государственных услуг в хлопковой отрасли»

## Documents that several services name

document-qualification-form = Форма сведений о соответствии квалификационным требованиям
    .hint = Заполняется по форме, утверждённой стандартом государственной услуги.
document-identity-data = Сведения о документе, удостоверяющем личность
    .hint = Услугодатель получает их из государственной базы данных «Физические лица».
document-entity-registration-data = Сведения о государственной регистрации юридического лица
    .hint = Услугодатель получает их из государственной базы данных «Юридические лица».
document-fee-payment = Сведения об оплате лицензионного сбора
    .hint = Поступают из платёжного шлюза «электронного правительства» после оплаты.
document-fee-receipt = Квитанция или платёжное поручение об уплате лицензионного сбора
    .hint = Если вы уплатили сбор в банке или через терминал. В документе должны быть видны сумма, дата, КБК 105402 и КНП 911.
document-agreement-of-state-bodies = Заключения и согласования государственных органов
    .hint = Услугодатель запрашивает их сам.

## Questions that several services ask

field-contact-phone = Контактный телефон
    .hint = Например, +7 701 234 56 78
field-contact-email = Электронная почта
field-activity-address = Адрес объекта, где будет осуществляться деятельность
    .hint = Населённый пункт, улица, дом, помещение
field-activity-postcode = Почтовый индекс
    .hint = 6 цифр или новый код из 7 знаков
field-licence-number = Номер действующей лицензии
field-licence-date = Дата выдачи лицензии
field-reissue-reason = Причина переоформления
field-reissue-reason-name-change = Изменилось наименование или фамилия, имя, отчество
field-reissue-reason-address-change = Изменился адрес
field-reissue-reason-reorganisation = Реорганизация юридического лица
field-reissue-reason-other = Другая причина
field-reissue-reason-details = Опишите причину
field-duplicate-reason = Почему нужен дубликат
field-duplicate-reason-lost = Лицензия утеряна
field-duplicate-reason-damaged = Лицензия повреждена
field-activity-subtypes = Подвиды деятельности
    .hint = Перечислите подвиды, на которые нужна лицензия или приложение к ней.

## Form pages that several services use (the heading of the page)

page-contacts = Контактные данные
page-activity-address = Где будет осуществляться деятельность
page-activity-address-item = Объект { $n }
page-activity-address-add = Добавить ещё один объект
page-reissue-details = Сведения о лицензии, которую нужно переоформить
page-duplicate-details = Сведения об утерянной или повреждённой лицензии
page-annex-subtypes = Подвиды деятельности
